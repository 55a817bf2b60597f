/**
 * Characters XML 1.0 cannot carry: C0 controls other than tab, line feed and carriage return, the non-characters
 * U+FFFE and U+FFFF, and halves of surrogate pairs standing alone. One of them in a cell makes Excel (and exceljs)
 * refuse the whole file, so text from outside is refused at the boundary and every xlsx writer strips them again.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const XML_FORBIDDEN_ALL = new RegExp(XML_FORBIDDEN.source, "g");

/** The first forbidden character as "U+FFFF", or undefined when the text is safe to write into a file. */
export function forbiddenXmlCharacter(text: string): string | undefined {
  const found = XML_FORBIDDEN.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

export function stripXmlForbidden(text: string): string {
  return XML_FORBIDDEN.test(text) ? text.replace(XML_FORBIDDEN_ALL, "") : text;
}
