import { versionViewSchema, type ReviewedValue, type VersionView } from "../../shared/api/review";
import type { EvidenceFile } from "../../shared/model/evidence";
import { versionStateOf, type ReviewState, type VersionReview } from "../../shared/model/review";
import { sourceFileSummaryOf, workbookSummaryOf, type SubmissionRecord } from "../../shared/model/submission";
import type { PeriodCode } from "../../shared/period/period";
import { finalVerdictOf } from "../../shared/verdict/finalVerdict";
import { lockStateFor } from "./periodLock";
import type { Services } from "./services";

/**
 * The state of each version from the reviews of all of an agency's versions: a version sent after the province
 * returned or approved an earlier one answers that decision ("đã nộp lại").
 */
export function versionStates(versions: readonly number[], reviews: ReadonlyMap<number, VersionReview>): Map<number, ReviewState> {
  const states = new Map<number, ReviewState>();
  let earlierDecided = false;
  for (const version of [...versions].sort((a, b) => a - b)) {
    const review = reviews.get(version);
    states.set(version, versionStateOf(review, earlierDecided));
    if (review?.decision) earlierDecided = true;
  }
  return states;
}

/** Whether any version before `version` was returned or approved. */
export function earlierDecided(version: number, reviews: ReadonlyMap<number, VersionReview>): boolean {
  for (const [other, review] of reviews) if (other < version && review.decision) return true;
  return false;
}

/**
 * A version as the province and its agency read it: each value with the rule's verdict, the person's (given on this
 * version, or carried from an unchanged earlier value) and the final one; the review; where the agency stands.
 */
export async function versionView(services: Services, record: SubmissionRecord): Promise<VersionView> {
  const { decisionId, agencyId, version } = record;
  const period = record.period as PeriodCode;
  const [reviews, latest, files, lock] = await Promise.all([
    services.reviews.reviewsOfAgency(decisionId, period, agencyId),
    services.submissions.latest(decisionId, period, agencyId),
    services.reviews.evidenceFiles(decisionId, period, agencyId, version),
    lockStateFor(services, decisionId, period, agencyId),
  ]);
  const review = reviews.get(version);
  const newest = latest?.version ?? version;
  const { workbook, sourceFile, province: _province, values, missing, ...rest } = record;
  return versionViewSchema.parse({
    ...rest,
    values: reviewedValues(values, review, files),
    missing: missing ?? [],
    review: {
      state: versionStateOf(review, earlierDecided(version, reviews)),
      ...(review?.comment !== undefined ? { comment: review.comment } : {}),
      rows: review?.rows ?? [],
      ...(review?.by !== undefined ? { by: review.by } : {}),
      ...(review?.byLabel !== undefined ? { byLabel: review.byLabel } : {}),
      ...(review?.at !== undefined ? { at: review.at } : {}),
    },
    latest: newest === version,
    agencyState: versionStateOf(reviews.get(newest), earlierDecided(newest, reviews)),
    lock,
    ...(workbook ? { workbook: workbookSummaryOf(workbook) } : {}),
    ...(sourceFile ? { sourceFile: sourceFileSummaryOf(sourceFile) } : {}),
  });
}

function reviewedValues(values: SubmissionRecord["values"], review: VersionReview | undefined, files: readonly EvidenceFile[]): ReviewedValue[] {
  const given = new Map(review?.verdicts.map((verdict) => [verdict.assignmentId, verdict]));
  const comments = new Map(review?.rows.map((row) => [row.assignmentId, row.comment]));
  return values.map((value) => {
    const person = given.get(value.assignmentId) ?? value.carriedVerdict;
    const comment = comments.get(value.assignmentId);
    return {
      ...value,
      ...(person ? { person } : {}),
      final: finalVerdictOf(value, person),
      ...(comment !== undefined ? { comment } : {}),
      files: files.filter((file) => file.assignmentId === value.assignmentId),
    };
  });
}
