import { DEMO_CATALOGUE_PATH, loadCatalogue } from "../functions/catalogue/catalogueFile";

/** Every target text the seed decisions assign (rows and milestones), from the catalogue imported from them. */
export async function seedTargetTexts(): Promise<string[]> {
  const catalogue = await loadCatalogue(DEMO_CATALOGUE_PATH);
  const texts = catalogue.assignments.flatMap((assignment) => [assignment.targetText, ...assignment.milestones.map((m) => m.targetText)]);
  return texts.filter((text) => text.trim() !== "");
}
