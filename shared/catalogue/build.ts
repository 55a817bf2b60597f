import { parseTarget } from "../target/parse";
import { showDate } from "../verdict/present";
import type { Target } from "../target/schema";
import { normalizeText } from "../text/normalize";
import type { DraftRow, ImportDraft, ImportProblem } from "./draft";
import { indicatorKey } from "./indicatorKey";
import { ratioParts } from "./indicatorParts";
import { keySimilarity } from "./similarity";
import { resolveAgencyName, slugOf } from "./agencyNames";
import { choiceForHeading, type AgencyChoices } from "./agencyChoices";
import { matchAgency, type AgencyCandidate } from "./agencyMatch";
import { buildAssignmentTarget } from "../model/assignmentTarget";
import type { Milestone } from "../period/milestone";
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
  /** What the person importing decided for headings that only resemble a registered agency. */
  agencyChoices?: AgencyChoices;
  /** The decision is already in the catalogue and this corrected import takes its place (its old rows go). */
  replace?: boolean;
}

/** A section heading and the agency it became. */
export interface AgencyOutcome {
  heading: string;
  id: string;
  name: string;
}

/** A heading that resembles registered agencies: a person says which one it is, or that it is new. */
export interface CloseAgency {
  heading: string;
  name: string;
  candidates: AgencyCandidate[];
}

export interface BuildReport {
  decisionId: string;
  /** True when the import took the place of the same decision imported before. */
  replaced: boolean;
  sections: number;
  rows: number;
  newIndicators: number;
  matchedIndicators: number;
  agencies: { created: AgencyOutcome[]; matched: AgencyOutcome[]; close: CloseAgency[] };
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

  addDecision({ draft, decision, agencyChoices, replace }: DecisionInput): BuildReport {
    const problems: ImportProblem[] = [...draft.problems];
    const report: BuildReport = {
      decisionId: decision.id,
      replaced: false,
      sections: 0,
      rows: 0,
      newIndicators: 0,
      matchedIndicators: 0,
      agencies: { created: [], matched: [], close: [] },
      problems,
    };
    const known = this.decisions.findIndex((existing) => existing.id === decision.id);
    if (known >= 0 && !replace) {
      problems.push({
        code: "duplicate_decision",
        severity: "error",
        message: `Văn bản ${decision.number} (${decision.id}) đã có trong danh mục. Nếu đây là bản đã sửa, nhập lại với lựa chọn thay thế (dòng lệnh: --replace; HTTP: replace=true).`,
      });
      return report;
    }
    if (known >= 0) {
      this.removeDecision(decision.id);
      this.decisions[known] = decision;
      report.replaced = true;
    } else {
      this.decisions.push(decision);
    }
    // Headings are matched against the agencies registered before this decision, not those it creates itself.
    const registered = [...this.agencies.values()].filter((agency) => agency.province === decision.province);
    const usedIds = new Set<string>();
    // Some readers already said, on the row, that its target cell is empty: said once.
    const toldEmpty = new Set(draft.problems.filter((p) => EMPTY_TARGET_CODES.has(p.code) && p.source).map((p) => placeKey(p.source)));
    for (const section of draft.sections) {
      report.sections += 1;
      const owner = this.resolveOwner(decision.province, section, registered, agencyChoices, report);
      for (const row of section.rows) {
        report.rows += 1;
        if (normalizeText(row.targetText) === "" && !(row.source && toldEmpty.has(placeKey(row.source)))) {
          problems.push({
            code: "empty_target",
            severity: "warning",
            message: `${where(row)}chỉ tiêu giao để trống — cần người đánh giá.`,
            ...(row.source ? { source: row.source } : {}),
          });
        }
        const milestones = milestonesOf(row, problems, decision.year);
        const parsed = parseTarget(row.targetText, { unit: row.unit, year: decision.year });
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
        this.assignments.push(assignmentOf(id, decision.id, owner, section.order, section.part, row, target, placed.code, milestones));
      }
    }
    return report;
  }

  /** A replaced decision's rows leave with it; its indicators stay, since other decisions may share them. */
  private removeDecision(decisionId: string): void {
    const removed = new Set(this.assignments.filter((assignment) => assignment.decisionId === decisionId).map((assignment) => assignment.id));
    const kept = this.assignments.filter((assignment) => !removed.has(assignment.id));
    this.assignments.splice(0, this.assignments.length, ...kept);
    const uncertain = this.uncertain
      .map((match) => ({ ...match, assignmentIds: match.assignmentIds.filter((id) => !removed.has(id)) }))
      .filter((match) => match.assignmentIds.length > 0);
    this.uncertain.splice(0, this.uncertain.length, ...uncertain);
  }

  /**
   * The agency or group a section is for. A heading with the normalised name of a registered agency is that agency;
   * one that only resembles registered agencies waits for the person's choice and stops the import without it.
   */
  private resolveOwner(
    province: string,
    section: ImportDraft["sections"][number],
    registered: readonly Agency[],
    choices: AgencyChoices | undefined,
    report: BuildReport,
  ): { id: string; isGroup: boolean } {
    const { heading } = section;
    const resolved = resolveAgencyName(heading);
    for (const correction of resolved.corrections) {
      report.problems.push({ code: "ocr_correction", severity: "warning", message: `Tên cơ quan được sửa lỗi chuyển đổi: ${correction}.`, text: heading });
    }
    if (resolved.group) {
      const key = `${province}/${resolved.id}`;
      if (!this.groups.has(key)) {
        this.groups.set(key, { province, id: resolved.id, name: resolved.name, memberKind: resolved.group.memberKind });
      }
      return { id: resolved.id, isGroup: true };
    }
    const outcome = (agency: Agency, list: AgencyOutcome[]) => {
      if (!list.some((listed) => listed.id === agency.id)) list.push({ heading, id: agency.id, name: agency.name });
      return { id: agency.id, isGroup: false };
    };
    // A heading seen earlier in this decision (Huế names agencies again in its second appendix) is that agency again.
    const earlier = this.agencies.get(`${province}/${resolved.id}`);
    if (earlier && !registered.includes(earlier)) return outcome(earlier, report.agencies.created);
    const choice = choiceForHeading(choices, heading);
    if (choice && "use" in choice) {
      const chosen = registered.find((agency) => agency.id === choice.use);
      if (chosen) return outcome(chosen, report.agencies.matched);
      report.problems.push({
        code: "unknown_agency_choice",
        severity: "error",
        message: `Mục ${section.order} "${heading}": không có cơ quan mã "${choice.use}" đã đăng ký để chọn.`,
        text: heading,
      });
      return { id: choice.use, isGroup: false };
    }
    const match = matchAgency(resolved.name, registered);
    // The same normalised name is the registered agency even when asked to create one: agencies exist once.
    if (match.kind === "matched") return outcome(match.agency, report.agencies.matched);
    if (match.kind === "close" && !choice) {
      if (!report.agencies.close.some((listed) => listed.name === resolved.name)) {
        report.agencies.close.push({ heading, name: resolved.name, candidates: match.candidates });
        report.problems.push({
          code: "agency_choice_required",
          severity: "error",
          message: `Mục ${section.order} "${heading}" giống cơ quan đã đăng ký ${match.candidates.map((c) => `"${c.name}" (${c.id})`).join(", ")}: cần chọn là cơ quan đó hay tạo cơ quan mới.`,
          text: heading,
        });
      }
      return { id: resolved.id, isGroup: false };
    }
    return outcome(this.createAgency(province, resolved), report.agencies.created);
  }

  private createAgency(province: string, resolved: { id: string; name: string; kind: Agency["kind"] }): Agency {
    let id = resolved.id;
    for (let n = 2; this.agencies.has(`${province}/${id}`); n += 1) id = `${resolved.id}-${n}`;
    const agency: Agency = { province, id, name: resolved.name, kind: resolved.kind };
    this.agencies.set(`${province}/${id}`, agency);
    return agency;
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

const EMPTY_TARGET_CODES = new Set(["empty_target", "missing_target"]);

function placeKey(source: DraftRow["source"]): string {
  return `${source?.sheet ?? ""}|${source?.row ?? ""}|${source?.line ?? ""}`;
}

/** Each milestone's target read now, like the main target: a cell that looks like a rule but is wrong stops the import. */
function milestonesOf(row: DraftRow, problems: ImportProblem[], year: number): Milestone[] {
  return (row.milestones ?? []).map((milestone) => {
    const built = buildAssignmentTarget(milestone.targetText, row.unit, year);
    if (built.ok) return { ...milestone, target: built.target };
    problems.push({
      code: "invalid_milestone_target",
      severity: "error",
      message: `${where(row)}chỉ tiêu đến ${showDate(milestone.due)} "${milestone.targetText}" không đọc được: ${built.errors.map((e) => e.message).join(" ")}`,
      text: milestone.targetText,
      ...(row.source ? { source: row.source } : {}),
    });
    return milestone;
  });
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
  milestones: Milestone[],
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
    milestones,
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
