import { XMLParser } from "fast-xml-parser";

/**
 * WordprocessingML read in document order (fast-xml-parser's preserveOrder form): each node is `{ tag: children }`
 * with its attributes under ":@", text under "#text". These helpers hide that shape from the readers.
 */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

export function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ":@");
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  const attributes = node[":@"] as Record<string, unknown> | undefined;
  const value = attributes?.[name];
  return value === undefined ? undefined : String(value);
}

export function textOf(node: XmlNode): string {
  const value = node["#text"];
  return value === undefined ? "" : String(value);
}

export function childNamed(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((child) => tagOf(child) === tag);
}

/** The first descendant with `tag`, searched depth-first. */
export function findFirst(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const inner = findFirst(childrenOf(node), tag);
    if (inner) return inner;
  }
  return undefined;
}

/** `<w:x w:val="…"/>` under `parent/path…`: the properties Word writes as empty elements with a value. */
export function valueAt(node: XmlNode | undefined, ...path: string[]): string | undefined {
  let current = node;
  for (const tag of path) current = current ? childNamed(current, tag) : undefined;
  return current ? attrOf(current, "w:val") : undefined;
}
