import { Document, Packer, Paragraph, type Table } from "docx";

/** A .docx built with the `docx` library, as Word would save it, from paragraphs and tables. */
export async function wordFile(children: Array<Paragraph | Table>, numbering?: ConstructorParameters<typeof Document>[0]["numbering"]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ ...(numbering ? { numbering } : {}), sections: [{ children }] }));
}

export function lines(...texts: string[]): Paragraph[] {
  return texts.map((text) => new Paragraph(text));
}
