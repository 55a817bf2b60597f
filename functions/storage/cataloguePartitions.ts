import * as z from "zod";
import {
  catalogueSchema,
  uncertainMatchSchema,
  type Catalogue,
  type UncertainMatch,
} from "../../shared/catalogue/model";
import { indicatorSchema } from "../../shared/model";
import { provinceCodeSchema } from "../../shared/model/ids";

/**
 * The catalogue cut into the pieces that are stored and replaced separately: the national indicator definitions, and
 * one piece per province with everything that belongs to it. A province's import then rewrites only its own piece,
 * and the indicators only when it adds an indicator or a new wording of one.
 */

const envelope = {
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  reason: z.string(),
};

const sharedContentSchema = z.object({
  indicators: z.array(indicatorSchema),
  /** Matches whose assignments no longer resolve to a province: kept here so that splitting never drops one. */
  uncertainMatches: z.array(uncertainMatchSchema).default([]),
});
export type SharedContent = z.infer<typeof sharedContentSchema>;

/** A province's piece: the catalogue's own shape without the national indicators, and whose it is. */
const provinceContentSchema = catalogueSchema.omit({ indicators: true }).extend({ province: provinceCodeSchema });
export type ProvinceContent = z.infer<typeof provinceContentSchema>;

export const storedIndicatorsSchema = sharedContentSchema.extend(envelope);
export type StoredIndicators = z.infer<typeof storedIndicatorsSchema>;

/** A province's piece read back: every record in it must be of that province, every row of one of its decisions. */
export const storedProvinceCatalogueSchema = provinceContentSchema.extend(envelope).superRefine((stored, ctx) => {
  const foreign = (kind: string, records: ReadonlyArray<{ province: string }>) => {
    records.forEach((record, index) => {
      if (record.province !== stored.province) {
        ctx.addIssue({ code: "custom", path: [kind, index, "province"], message: `Bản ghi của tỉnh "${record.province}" nằm trong danh mục của tỉnh "${stored.province}".` });
      }
    });
  };
  foreign("agencies", stored.agencies);
  foreign("groups", stored.groups);
  foreign("decisions", stored.decisions);
  const decisions = new Set(stored.decisions.map((decision) => decision.id));
  stored.assignments.forEach((assignment, index) => {
    if (!decisions.has(assignment.decisionId)) {
      ctx.addIssue({ code: "custom", path: ["assignments", index, "decisionId"], message: `Chỉ tiêu "${assignment.id}" thuộc văn bản "${assignment.decisionId}" không có trong danh mục của tỉnh.` });
    }
  });
});
export type StoredProvinceCatalogue = z.infer<typeof storedProvinceCatalogueSchema>;

export interface CataloguePieces {
  shared: SharedContent;
  provinces: Map<string, ProvinceContent>;
}

export class CatalogueSplitError extends Error {}

/** Cuts a valid catalogue into its pieces; a row of a decision that is not in the catalogue stops the cut. */
export function splitCatalogue(input: Catalogue): CataloguePieces {
  const catalogue = catalogueSchema.parse(input);
  const provinces = new Map<string, ProvinceContent>();
  const pieceOf = (province: string): ProvinceContent => {
    let piece = provinces.get(province);
    if (!piece) {
      piece = { province, agencies: [], groups: [], decisions: [], assignments: [], uncertainMatches: [] };
      provinces.set(province, piece);
    }
    return piece;
  };
  for (const agency of catalogue.agencies) pieceOf(agency.province).agencies.push(agency);
  for (const group of catalogue.groups) pieceOf(group.province).groups.push(group);
  const provinceOfDecision = new Map<string, string>();
  for (const decision of catalogue.decisions) {
    pieceOf(decision.province).decisions.push(decision);
    provinceOfDecision.set(decision.id, decision.province);
  }
  const provinceOfAssignment = new Map<string, string>();
  for (const assignment of catalogue.assignments) {
    const province = provinceOfDecision.get(assignment.decisionId);
    if (!province) throw new CatalogueSplitError(`Chỉ tiêu "${assignment.id}" thuộc văn bản "${assignment.decisionId}" không có trong danh mục.`);
    pieceOf(province).assignments.push(assignment);
    provinceOfAssignment.set(assignment.id, province);
  }
  const orphans: UncertainMatch[] = [];
  for (const match of catalogue.uncertainMatches) {
    // A match lists the rows that used the wording; rows of two provinces give each province its own copy.
    const byProvince = new Map<string, string[]>();
    for (const id of match.assignmentIds) {
      const province = provinceOfAssignment.get(id);
      if (province) byProvince.set(province, [...(byProvince.get(province) ?? []), id]);
    }
    if (byProvince.size === 0) orphans.push(match);
    for (const [province, assignmentIds] of byProvince) pieceOf(province).uncertainMatches.push({ ...match, assignmentIds });
  }
  return { shared: { indicators: catalogue.indicators, uncertainMatches: orphans }, provinces };
}

/** The pieces joined again, provinces in code order so every process assembles the same catalogue. */
export function assembleCatalogue(shared: SharedContent | undefined, provinces: Iterable<ProvinceContent>): Catalogue {
  const ordered = [...provinces].sort((a, b) => a.province.localeCompare(b.province));
  return {
    indicators: shared?.indicators ?? [],
    agencies: ordered.flatMap((piece) => piece.agencies),
    groups: ordered.flatMap((piece) => piece.groups),
    decisions: ordered.flatMap((piece) => piece.decisions),
    assignments: ordered.flatMap((piece) => piece.assignments),
    uncertainMatches: [...(shared?.uncertainMatches ?? []), ...ordered.flatMap((piece) => piece.uncertainMatches)],
  };
}

export function sharedContentOf(stored: StoredIndicators | undefined): SharedContent {
  return { indicators: stored?.indicators ?? [], uncertainMatches: stored?.uncertainMatches ?? [] };
}

export function provinceContentOf(stored: StoredProvinceCatalogue): ProvinceContent {
  const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, reason: _reason, ...content } = stored;
  return content;
}

/** Equal pieces need no write. Compared with sorted keys: one side was read back, the other built by a change. */
export function samePiece(a: SharedContent | ProvinceContent | undefined, b: SharedContent | ProvinceContent | undefined): boolean {
  return JSON.stringify(a ?? null, sortedKeys) === JSON.stringify(b ?? null, sortedKeys);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function emptyProvince(province: string): ProvinceContent {
  return { province, agencies: [], groups: [], decisions: [], assignments: [], uncertainMatches: [] };
}
