import * as z from "zod";
import type { PersonVerdict } from "../model/review";
import { VERDICT_LABELS } from "./labels";
import { verdictCodeSchema, type VerdictCode } from "./schema";

/**
 * The verdict every figure counts: a person's where the province gave one, else the rule's. A person overruling a
 * rule is said wherever the verdict is shown, with who and why, so no one mistakes it for the rule's.
 */
export const finalVerdictSchema = z.object({
  verdict: verdictCodeSchema,
  label: z.string(),
  explanation: z.string(),
  decidedBy: z.enum(["rule", "person"]),
  /** A person's verdict that differs from a verdict the rule did give (met/not_met). */
  override: z.boolean(),
});
export type FinalVerdict = z.infer<typeof finalVerdictSchema>;

interface RuleVerdict {
  verdict: VerdictCode;
  label: string;
  explanation: string;
}

export function finalVerdictOf(rule: RuleVerdict, person: PersonVerdict | undefined): FinalVerdict {
  if (!person) return { ...rule, decidedBy: "rule", override: false };
  const label = VERDICT_LABELS[person.verdict];
  const override = (rule.verdict === "met" || rule.verdict === "not_met") && rule.verdict !== person.verdict;
  const carried = person.carriedFrom ? `, phiên bản ${person.carriedFrom}` : "";
  return {
    verdict: person.verdict,
    label,
    explanation: `${label} (đánh giá của ${person.byLabel}${carried}: ${person.reason}). Tự động: ${rule.explanation}`,
    decidedBy: "person",
    override,
  };
}

/** The one line shown in a cell or a row: "Đạt (đánh giá của Sở KH&CN: …)" for a person's verdict, else the label. */
export function verdictDisplay(final: FinalVerdict, person?: Pick<PersonVerdict, "byLabel" | "reason">): string {
  if (final.decidedBy !== "person" || !person) return final.label;
  return `${final.label} (đánh giá của ${person.byLabel}: ${person.reason})`;
}
