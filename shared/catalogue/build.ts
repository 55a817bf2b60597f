import { parseTarget } from "../target/parse";
import type { Target } from "../target/schema";
import { normalizeText } from "../text/normalize";
import type { DraftRow, ImportDraft, ImportProblem } from "./draft";
import { indicatorKey } from "./indicatorKey";
import { ratioParts } from "./indicatorParts";
import { keySimilarity } from "./similarity";
import { resolveAgencyName, slugOf } from "./agencyNames";
import type { Agency, AgencyGroup, Assignment, Catalogue, CatalogueDecision, Indicator, UncertainMatch } from "./model";
import { indicatorKindOfTarget } from "../model/indicator";

/**
 * Turns import drafts into the catalogue: one agency per heading, one indicator for every wording of the same
 * indicator, one assignment per row. Near-identical wordings are merged; resembling ones are kept apart and listed
 * for a person to confirm — never merged silently.
 */

/** Above this the wordings differ by a word or two in a long indicator: the same indicator. */
export const SAME_INDICATOR_SIMILARITY = 0.9;
/** Between this and the above: resembling, shown for confirmation. */
export const UNCERTAIN_SIMILARITY = 0.6;

export interface DecisionInput {
  draft: ImportDraft;
  decision: CatalogueDecision;
}

export interface BuildReport {
  decisionId: string;
  sections: number;
  rows: number;
  newIndicators: number;
  matchedIndicators: number;
  problems: ImportProblem[];
}

export interface BuildResult {
  catalogue: Catalogue;
  reports: BuildReport[];
}

const EMPTY: Catalogue = { indicators: [], agencies: [], groups: [], decisions: [], assignments: [], uncertainMatches: [] };

export function buildCatalogue(inputs: readonly DecisionInput[], existing: Catalogue = EMPTY): BuildResult {
  const state = new CatalogueState(existing);
  const reports = inputs.map((input) => state.addDecision(input));
  return { catalogue: state.result(), reports };
}

class CatalogueState {
  private readonly indicators: Indicator[];
  private readonly keys = new Map<string, string>();
  private readonly agencies: Map<string, Agency>;
  private readonly groups: Map<string, AgencyGroup>;
  private readonly decisions: CatalogueDecision[];
  private readonly assignments: Assignment[];
  private readonly uncertain: UncertainMatch[];
  private nextCode: number;

  constructor(existing: Catalogue) {
    this.indicators = existing.indicators.map((indicator) => ({ ...indicator, aliases: [...indicator.aliases] }));
    for (const indicator of this.indicators) {
      for (const text of [indicator.name, ...indicator.aliases]) this.keys.set(indicatorKey(text), indicator.code);
    }
    this.agencies = new Map(existing.agencies.map((agency) => [`${agency.province}/${agency.id}`, agency]));
    this.groups = new Map(existing.groups.map((group) => [`${group.province}/${group.id}`, group]));
    this.decisions = [...existing.decisions];
    this.assignments = [...existing.assignments];
    this.uncertain = [...existing.uncertainMatches];
    this.nextCode = 1 + Math.max(0, ...this.indicators.map((indicator) => Number(indicator.code.split("-")[1])));
  }

  addDecision({ draft, decision }: DecisionInput): BuildReport {
    const problems: ImportProblem[] = [...draft.problems];
    const report: BuildReport = { decisionId: decision.id, sections: 0, rows: 0, newIndicators: 0, matchedIndicators: 0, problems };
    if (this.decisions.some((known) => known.id === decision.id)) {
      problems.push({
        code: "duplicate_decision",
        severity: "error",
        message: `Quyết định ${decision.number} (${decision.id}) đã có trong danh mục.`,
      });
      return report;
    }
    this.decisions.push(decision);
    const usedIds = new Set<string>();
    for (const section of draft.sections) {
      report.sections += 1;
      const owner = this.resolveOwner(decision.province, section.heading, problems);
      for (const row of section.rows) {
        report.rows += 1;
        const parsed = parseTarget(row.targetText, row.unit ? { unit: row.unit } : {});
        if (!parsed.ok) {
          problems.push({
            code: "invalid_target",
            severity: "warning",
            message: `${where(row)}chỉ tiêu "${row.targetText}" không đọc được: ${parsed.errors.map((e) => e.message).join(" ")} Ghi nhận là cần đánh giá.`,
            text: row.targetText,
            ...(row.source ? { source: row.source } : {}),
          });
        }
        const target: Target = parsed.ok ? parsed.target : { kind: "manual", reason: "free_text", text: parsed.normalized };
        const id = uniqueId(`${decision.id}.${owner.id}.${slugOf(row.order) || "x"}`, usedIds);
        const placed = this.placeIndicator(row, target, id);
        if (placed.status === "new") report.newIndicators += 1;
        else report.matchedIndicators += 1;
        this.assignments.push(assignmentOf(id, decision.id, owner, section.order, section.part, row, target, placed.code));
      }
    }
    return report;
  }

  private resolveOwner(province: string, heading: string, problems: ImportProblem[]): { id: string; isGroup: boolean } {
    const resolved = resolveAgencyName(heading);
    for (const correction of resolved.corrections) {
      problems.push({ code: "ocr_correction", severity: "warning", message: `Tên cơ quan được sửa lỗi chuyển đổi: ${correction}.`, text: heading });
    }
    if (resolved.group) {
      const key = `${province}/${resolved.id}`;
      if (!this.groups.has(key)) {
        this.groups.set(key, { province, id: resolved.id, name: resolved.name, memberKind: resolved.group.memberKind });
      }
      return { id: resolved.id, isGroup: true };
    }
    const key = `${province}/${resolved.id}`;
    if (!this.agencies.has(key)) this.agencies.set(key, { province, id: resolved.id, name: resolved.name, kind: resolved.kind });
    return { id: resolved.id, isGroup: false };
  }

  /** Finds or creates the indicator of a row; records resembling entries for confirmation. */
  private placeIndicator(row: DraftRow, target: Target, assignmentId: string): { status: "new" | "matched"; code: string } {
    const text = normalizeText(row.text);
    const key = indicatorKey(text);
    const exact = this.keys.get(key);
    if (exact) return { status: "matched", code: exact };
    let best: { indicator: Indicator; similarity: number } | undefined;
    for (const indicator of this.indicators) {
      for (const candidate of [indicator.name, ...indicator.aliases]) {
        const similarity = keySimilarity(key, indicatorKey(candidate));
        if (!best || similarity > best.similarity) best = { indicator, similarity };
      }
    }
    if (best && best.similarity >= SAME_INDICATOR_SIMILARITY) {
      best.indicator.aliases.push(text);
      this.keys.set(key, best.indicator.code);
      return { status: "matched", code: best.indicator.code };
    }
    const indicator = this.createIndicator(text, target, row);
    if (best && best.similarity >= UNCERTAIN_SIMILARITY) {
      this.uncertain.push({
        text,
        candidateCode: best.indicator.code,
        candidateName: best.indicator.name,
        similarity: Math.round(best.similarity * 100) / 100,
        assignmentIds: [assignmentId],
      });
    }
    return { status: "new", code: indicator.code };
  }

  private createIndicator(text: string, target: Target, row: DraftRow): Indicator {
    const code = `CDS-${String(this.nextCode).padStart(3, "0")}`;
    this.nextCode += 1;
    const parts = ratioParts(text);
    const unit = row.unit ?? (target.kind === "count" || target.kind === "frequency" ? target.unit : target.kind === "percent" ? "%" : undefined);
    const indicator: Indicator = {
      code,
      name: text,
      kind: indicatorKindOfTarget(target),
      aliases: [],
      ...(unit ? { unit } : {}),
      ...(parts ?? {}),
      ...(row.group ? { group: row.group } : {}),
    };
    this.indicators.push(indicator);
    this.keys.set(indicatorKey(text), code);
    return indicator;
  }

  result(): Catalogue {
    return {
      indicators: this.indicators,
      agencies: [...this.agencies.values()],
      groups: [...this.groups.values()],
      decisions: this.decisions,
      assignments: this.assignments,
      uncertainMatches: this.uncertain,
    };
  }
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function where(row: DraftRow): string {
  if (row.source?.sheet) return `Trang tính "${row.source.sheet}", dòng ${row.source.row ?? "?"}: `;
  if (row.source?.line) return `Dòng ${row.source.line}: `;
  return `Mục ${row.order}: `;
}

function assignmentOf(
  id: string,
  decisionId: string,
  owner: { id: string; isGroup: boolean },
  sectionOrder: string,
  part: string | undefined,
  row: DraftRow,
  target: Target,
  indicatorCode: string,
): Assignment {
  return {
    id,
    decisionId,
    ...(owner.isGroup ? { groupId: owner.id } : { agencyId: owner.id }),
    indicatorCode,
    sectionOrder,
    order: row.order,
    text: normalizeText(row.text),
    targetText: row.targetText,
    target,
    milestones: row.milestones ?? [],
    history: row.history ?? [],
    coordinatingAgencies: row.coordinatingAgencies ?? [],
    // Lead and coordinating agencies stay names until the province registers them (task tables name whole groups).
    coordinatingAgencyIds: [],
    ...(row.unit ? { unit: row.unit } : {}),
    ...(row.leadAgency ? { leadAgency: row.leadAgency } : {}),
    ...(row.deadlineText ? { deadlineText: row.deadlineText } : {}),
    ...(part ? { part } : {}),
  };
}
