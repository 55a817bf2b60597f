import type { Agency, CatalogueDecision } from "../../shared/catalogue/model";
import { agencyIdSchema, decisionIdSchema } from "../../shared/model/ids";
import { parsePeriodCode, periodCodeSchema, type PeriodCode } from "../../shared/period/period";
import type { Principal } from "../auth/principal";
import type { CatalogueSnapshot } from "../storage/catalogueStore";
import { DomainError } from "./domainError";

/**
 * The second gate of every route: a key belongs to one province, an agency key to one agency. Other provinces'
 * records are refused ("forbidden") rather than hidden, so an officer with the wrong key learns why.
 */

export function requireSameProvince(principal: Principal, province: string): void {
  if (principal.province !== province) {
    throw new DomainError("forbidden", "Khóa truy cập này thuộc tỉnh khác, không xem hay nộp được cho văn bản này.", { province });
  }
}

/** An agency officer acts for their own agency only; the province acts for any agency of its province. */
export function requireAgencyAccess(principal: Principal, agency: Agency): void {
  requireSameProvince(principal, agency.province);
  if (principal.role === "viewer") throw new DomainError("forbidden", "Khóa xem tổng hợp không dùng được cho báo cáo của từng cơ quan.");
  if (principal.role === "agency" && principal.agencyId !== agency.id) {
    throw new DomainError("forbidden", `Khóa truy cập này chỉ dùng cho cơ quan của bạn, không dùng được cho "${agency.name}".`, { agencyId: agency.id });
  }
}

export function resolveDecision(snapshot: CatalogueSnapshot, rawId: string | undefined, principal: Principal): CatalogueDecision {
  const id = decisionIdSchema.safeParse(rawId);
  if (!id.success) throw new DomainError("validation_failed", `Mã văn bản "${rawId ?? ""}" không hợp lệ.`);
  const decision = snapshot.lookup.decisions.get(id.data);
  if (!decision) throw new DomainError("not_found", `Không có văn bản "${id.data}" trong danh mục.`);
  requireSameProvince(principal, decision.province);
  return decision;
}

/** A period of the decision's year: a 2025 decision is reported in 2025's quarters. */
export function resolvePeriod(rawPeriod: string | undefined, decision: CatalogueDecision): PeriodCode {
  const code = periodCodeSchema.safeParse(rawPeriod);
  if (!code.success) throw new DomainError("validation_failed", code.error.issues[0]?.message ?? "Kỳ báo cáo không hợp lệ.");
  const parsed = parsePeriodCode(code.data);
  if (parsed.ok && parsed.period.year !== decision.year) {
    throw new DomainError("validation_failed", `Kỳ ${code.data} không thuộc năm ${decision.year} của văn bản ${decision.number}.`);
  }
  return code.data;
}

export function resolveAgency(snapshot: CatalogueSnapshot, decision: CatalogueDecision, rawId: string | undefined): Agency {
  const id = agencyIdSchema.safeParse(rawId);
  if (!id.success) throw new DomainError("validation_failed", `Mã cơ quan "${rawId ?? ""}" không hợp lệ.`);
  const agency = snapshot.lookup.agency(decision.province, id.data);
  if (!agency) throw new DomainError("not_found", `Không có cơ quan "${id.data}" trong danh mục của tỉnh.`);
  return agency;
}

/** The agency a request is about: named in the query or path, or the caller's own for an agency key. */
export function agencyOfRequest(principal: Principal, named: string | null | undefined): string | undefined {
  return named ?? principal.agencyId;
}
