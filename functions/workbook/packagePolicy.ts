import { WORKBOOK_MESSAGES, WorkbookRejectedError } from "./workbookRejection";

/**
 * What a report, an appendix or an agency list never needs and the server never keeps: macros, links to other files
 * (which Excel follows when the province opens the archived copy), embedded OLE objects and ActiveX controls. Judged
 * from the part names and the declared content types, before any cell is read.
 */

const MACRO_PARTS = [/(^|\/)vbaProject(Signature)?\.bin$/i, /^xl\/macrosheets\//i, /^xl\/dialogsheets\//i];
const MACRO_TYPES = [/macroEnabled/i, /vbaProject/i, /ms-excel\.(macrosheet|intlmacrosheet|dialogsheet)/i];
const EXTERNAL_PARTS = [/^xl\/externalLinks\//i, /^xl\/connections\.xml$/i];
const EXTERNAL_TYPES = [/externalLink/i, /spreadsheetml\.connections/i];
const EMBEDDED_PARTS = [/^xl\/embeddings\//i, /^xl\/activeX\//i];
const EMBEDDED_TYPES = [/oleObject/i, /activeX/i];

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export function enforcePackagePolicy(names: readonly string[], contentTypesXml: string): void {
  const types = [...contentTypesXml.matchAll(/ContentType="([^"]*)"/g)].map((match) => match[1]!);
  const found = (parts: RegExp[], kinds: RegExp[]) =>
    names.some((name) => parts.some((pattern) => pattern.test(name))) || types.some((type) => kinds.some((pattern) => pattern.test(type)));
  if (found(MACRO_PARTS, MACRO_TYPES)) throw new WorkbookRejectedError("macro_enabled", WORKBOOK_MESSAGES.macroEnabled);
  if (found(EXTERNAL_PARTS, EXTERNAL_TYPES)) throw new WorkbookRejectedError("external_links", WORKBOOK_MESSAGES.externalLinks);
  if (found(EMBEDDED_PARTS, EMBEDDED_TYPES)) throw new WorkbookRejectedError("embedded_objects", WORKBOOK_MESSAGES.embeddedObjects);
}
