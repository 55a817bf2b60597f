import * as z from "zod";
import { agencyIdSchema } from "../model/ids";
import { agencyNameKey, resolveAgencyName } from "./agencyNames";

/**
 * What the person importing decided for a heading that only resembles a registered agency: it is that agency
 * (`{"use": "so-y-te"}`) or a new one (`{"create": true}`). Keyed by the heading as written in the decision.
 */
export const agencyChoiceSchema = z.union([z.object({ use: agencyIdSchema }).strict(), z.object({ create: z.literal(true) }).strict()], {
  error: 'Mỗi lựa chọn cơ quan là {"use": "mã cơ quan"} hoặc {"create": true}.',
});
export type AgencyChoice = z.infer<typeof agencyChoiceSchema>;

export const agencyChoicesSchema = z.record(z.string().min(1).max(300), agencyChoiceSchema);
export type AgencyChoices = z.infer<typeof agencyChoicesSchema>;

/** The choice for a section heading, however the heading and the choice's key are cased or spaced. */
export function choiceForHeading(choices: AgencyChoices | undefined, heading: string): AgencyChoice | undefined {
  if (!choices) return undefined;
  const key = headingKey(heading);
  for (const [written, choice] of Object.entries(choices)) if (headingKey(written) === key) return choice;
  return undefined;
}

function headingKey(heading: string): string {
  return agencyNameKey(resolveAgencyName(heading).name);
}
