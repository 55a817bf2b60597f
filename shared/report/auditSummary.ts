import type { AuditEvent } from "../model/audit";
import { REVIEW_STATE_LABELS, reviewStateSchema } from "../model/review";
import { VERDICT_LABELS } from "../verdict/labels";
import { verdictCodeSchema } from "../verdict/schema";
import { formatVietnameseNumber } from "../text/vietnameseNumber";

/**
 * An audit event's details as one line an officer reads ("Khóa tất cả cơ quan. Lý do: … Trước: đang mở; sau: đã
 * khóa."): the details are stored as data for programs, and shown in words in the exported log and the pane.
 */

const CHANNEL_LABELS: Record<string, string> = {
  api: "add-in hoặc API",
  workbook: "tệp Excel",
  results_report: "báo cáo kết quả",
};

const ROLE_LABELS: Record<string, string> = {
  province: "cơ quan thường trực của tỉnh",
  agency: "cán bộ cơ quan, đơn vị",
  viewer: "người xem tổng hợp",
};

/** Field names other actions may carry, in words; a field without a name here is shown by its key. */
const FIELD_LABELS: Record<string, string> = {
  reason: "Lý do",
  comment: "Nhận xét",
  verdict: "Đánh giá",
  assignmentId: "Chỉ tiêu",
  state: "Trạng thái",
  name: "Tệp",
  sha256: "SHA-256",
  size: "Dung lượng (byte)",
  before: "Trước",
  after: "Sau",
};

export function auditSummary(event: AuditEvent, agencyName: (id: string) => string = (id) => id): string {
  const details = event.details;
  switch (event.action) {
    case "submit":
      return submitSummary(details);
    case "workbook":
      return workbookSummary(details);
    case "lock":
    case "unlock":
      return lockSummary(details, agencyName);
    case "import":
      return importSummary(details);
    case "register":
      return registerSummary(details);
    case "key_issue":
    case "key_revoke":
      return keySummary(details, agencyName);
    case "verdict":
      return verdictSummary(details);
    case "return":
    case "approve":
      return decisionSummary(details);
    default:
      return genericSummary(details);
  }
}

function submitSummary(details: Record<string, unknown>): string {
  const parts = [
    `Nộp qua ${CHANNEL_LABELS[String(details.channel)] ?? String(details.channel ?? "không rõ")}`,
    `${count(details.values)} giá trị`,
  ];
  if (number(details.carriedForward) > 0) parts.push(`${count(details.carriedForward)} giá trị giữ từ phiên bản trước`);
  if (number(details.missing) > 0) parts.push(`${count(details.missing)} chỉ tiêu chưa báo cáo`);
  if (details.late === true) parts.push("nộp sau hạn");
  return `${parts.join("; ")}.`;
}

function workbookSummary(details: Record<string, unknown>): string {
  const hash = typeof details.sha256 === "string" ? `Tệp SHA-256 ${details.sha256.slice(0, 12)}…` : "Tệp Excel";
  const mismatches = number(details.mismatches);
  const size = typeof details.size === "number" ? `, ${formatVietnameseNumber(details.size)} byte` : "";
  return mismatches > 0
    ? `${hash}${size}; ${count(mismatches)} chỗ khác số liệu đã nộp.`
    : `${hash}${size}; khớp số liệu đã nộp.`;
}

function lockSummary(details: Record<string, unknown>, agencyName: (id: string) => string): string {
  const scope = details.scope === "agency" && typeof details.agencyId === "string" ? `Riêng ${agencyName(details.agencyId)}` : "Tất cả cơ quan";
  const reason = typeof details.reason === "string" ? ` Lý do: ${sentence(details.reason)}` : "";
  const state = (locked: unknown) => (locked === true ? "đã khóa" : locked === false ? "đang mở" : "không rõ");
  return `${scope}.${reason} Trước: ${state(details.before)}; sau: ${state(details.after)}.`;
}

function importSummary(details: Record<string, unknown>): string {
  const decisions = Array.isArray(details.decisions) ? details.decisions.map(String) : [];
  const parts = [`Văn bản ${decisions.join(", ") || "không rõ"}${details.replaced === true ? " (nhập lại, thay thế bản trước)" : ""}`];
  if (details.rows !== undefined) parts.push(`${count(details.rows)} dòng chỉ tiêu`);
  if (details.newIndicators !== undefined) parts.push(`${count(details.newIndicators)} chỉ tiêu mới`);
  if (details.agenciesCreated !== undefined) parts.push(`${count(details.agenciesCreated)} cơ quan mới`);
  if (details.catalogueVersion !== undefined) parts.push(`danh mục phiên bản ${String(details.catalogueVersion)}`);
  return `${parts.join("; ")}.`;
}

function registerSummary(details: Record<string, unknown>): string {
  const added = Array.isArray(details.added) ? details.added.map(String) : [];
  const parts = [`Thêm ${count(added.length)} cơ quan${added.length > 0 ? ` (${added.join(", ")})` : ""}`];
  if (number(details.updated) > 0) parts.push(`cập nhật ${count(details.updated)}`);
  if (number(details.matched) > 0) parts.push(`${count(details.matched)} đã có`);
  if (number(details.close) > 0) parts.push(`${count(details.close)} cần chọn (chưa thêm)`);
  return `${parts.join("; ")}.`;
}

function keySummary(details: Record<string, unknown>, agencyName: (id: string) => string): string {
  const role = ROLE_LABELS[String(details.role)] ?? "";
  const owner = typeof details.agencyId === "string" ? ` của ${agencyName(details.agencyId)}` : "";
  const label = typeof details.label === "string" ? ` — ${details.label}` : "";
  return `Khóa ${String(details.keyId ?? "")}${role ? ` (${role}${owner})` : owner}${label}.`;
}

function verdictSummary(details: Record<string, unknown>): string {
  const part = (value: unknown) => {
    const verdict = verdictCodeSchema.safeParse((value as { verdict?: unknown } | null)?.verdict);
    return verdict.success ? VERDICT_LABELS[verdict.data] : "theo quy tắc";
  };
  const after = details.after as { reason?: unknown } | null | undefined;
  const reason = typeof after?.reason === "string" ? ` Lý do: ${sentence(after.reason)}` : "";
  return `Chỉ tiêu ${String(details.assignmentId ?? "")}: ${part(details.before)} → ${part(details.after)}.${reason}`;
}

function decisionSummary(details: Record<string, unknown>): string {
  const state = (value: unknown) => {
    const parsed = reviewStateSchema.safeParse(value);
    return parsed.success ? REVIEW_STATE_LABELS[parsed.data] : "không rõ";
  };
  const parts = [`Trạng thái: ${state(details.before)} → ${state(details.after)}.`];
  if (typeof details.comment === "string") parts.push(`Nhận xét: ${sentence(details.comment)}`);
  if (number(details.rows) > 0) parts.push(`${count(details.rows)} dòng có nhận xét.`);
  return parts.join(" ");
}

function genericSummary(details: Record<string, unknown>): string {
  const parts = Object.entries(details)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .map(([key, value]) => `${FIELD_LABELS[key] ?? key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
  return parts.length > 0 ? `${parts.join("; ")}.` : "";
}

/** A reason typed without a full stop still ends as a sentence before the next one. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function number(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function count(value: unknown): string {
  return formatVietnameseNumber(number(value));
}
