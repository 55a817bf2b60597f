import { activeConnection } from "../connection/activeConnection";
import { loadConnection } from "../connection/connectionSettings";
import type { PaneConnection } from "../connection/paneConnection";
import { sameTargetConnection, targetConnectionOf, targetTransportFor } from "./targetConnection";
import { kpiExplain, kpiFormula, kpiGap, kpiRate, kpiStatus, type FunctionResult } from "./kpiFunctions";
import { TargetBatcher } from "./targetBatcher";
import { installVietnameseZodMessages } from "../../shared/model/zodMessages";

installVietnameseZodMessages();

/*
 * The KPI custom functions as Excel sees them. custom-functions-metadata reads the JSDoc below to write
 * functions.json, so each function is a top-level declaration with its id fixed: formulas in officers' workbooks
 * refer to these ids and must keep working across versions.
 */

// Parameters Excel may fill with a number, text, a boolean or nothing are typed `any`: the metadata generator accepts
// no other spelling for its "any" type. The logic behind them takes them as a typed union.

function unwrap<T>(result: FunctionResult<T>): T {
  if ("value" in result) return result.value;
  const code =
    result.failure === "division_by_zero"
      ? CustomFunctions.ErrorCode.divisionByZero
      : result.failure === "not_available"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, result.message);
}

/**
 * Đánh giá kết quả so với chỉ tiêu: Đạt, Không đạt, Chưa đạt, Chưa có số liệu, Cần đánh giá.
 * @customfunction STATUS
 * @param {any} actual Kết quả thực hiện (0,9 hoặc "90%" cho tỷ lệ; "Hoàn thành" hoặc ngày cho nhiệm vụ).
 * @param {string} target Chỉ tiêu giao, ví dụ "Tối thiểu 90%".
 * @param {any} [asOf] Ngày đánh giá; trước hạn thì chỉ tiêu chưa đạt được ghi "Chưa đạt".
 * @param {string} [unit] Đơn vị tính ghi ở cột riêng, ví dụ "%".
 * @returns {string} Kết quả đánh giá.
 */
export function status(actual: any, target: string, asOf?: any, unit?: string): string {
  return unwrap(kpiStatus(actual, target, asOf, unit));
}

/**
 * Khoảng cách đến ngưỡng chỉ tiêu: dương là vượt, âm là còn thiếu.
 * @customfunction GAP
 * @param {any} actual Kết quả thực hiện.
 * @param {string} target Chỉ tiêu giao.
 * @param {string} [unit] Đơn vị tính ghi ở cột riêng, ví dụ "%".
 * @returns {number} Khoảng cách theo đơn vị của chỉ tiêu.
 */
export function gap(actual: any, target: string, unit?: string): number {
  return unwrap(kpiGap(actual, target, unit));
}

/**
 * Giải thích cách phần mềm hiểu chỉ tiêu.
 * @customfunction EXPLAIN
 * @param {string} target Chỉ tiêu giao.
 * @returns {string} Diễn giải bằng tiếng Việt.
 */
export function explain(target: string): string {
  return unwrap(kpiExplain(target));
}

/**
 * Tỷ lệ = tử số / mẫu số, có kiểm tra mẫu số bằng 0 và tử số lớn hơn mẫu số.
 * @customfunction RATE
 * @param {any} numerator Tử số.
 * @param {any} denominator Mẫu số.
 * @returns {any} Tỷ lệ (định dạng ô theo %).
 */
export function rate(numerator: any, denominator: any): any {
  return unwrap(kpiRate(numerator, denominator));
}

/**
 * Công thức Excel thường cho ra cùng kết quả đánh giá, dùng được trong Excel không có add-in.
 * @customfunction FORMULA
 * @param {string} target Chỉ tiêu giao.
 * @param {string} cellAddress Địa chỉ ô kết quả, ví dụ "G5".
 * @param {string} [unit] Đơn vị tính ghi ở cột riêng, ví dụ "%".
 * @returns {string} Công thức dạng văn bản.
 */
export function formula(target: string, cellAddress: string, unit?: string): string {
  return unwrap(kpiFormula(target, cellAddress, unit));
}

// The shared runtime may load this bundle where CustomFunctions is absent (task pane preview in a browser).
if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("STATUS", status);
  CustomFunctions.associate("GAP", gap);
  CustomFunctions.associate("EXPLAIN", explain);
  CustomFunctions.associate("RATE", rate);
  CustomFunctions.associate("FORMULA", formula);
}

let targets: { batcher: TargetBatcher; connection: PaneConnection } | undefined;

/** One batcher per connection: reconnecting to another server, with another key or another sign-in starts afresh. */
function targetBatcher(): TargetBatcher {
  const connection = targetConnectionOf(activeConnection(), loadConnection());
  if (!connection) {
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.notAvailable,
      "Chưa kết nối máy chủ KPI: mở khung KPI và kết nối bằng khóa truy cập hoặc tài khoản Microsoft 365.",
    );
  }
  if (!targets || !sameTargetConnection(targets.connection, connection)) {
    targets = { batcher: new TargetBatcher(targetTransportFor(connection)), connection };
  }
  return targets.batcher;
}

/**
 * Chỉ tiêu được giao cho một cơ quan, lấy từ máy chủ KPI (mọi ô trong một lần tính được hỏi chung một lần).
 * @customfunction TARGET
 * @param {string} agency Mã hoặc tên cơ quan, ví dụ "so-tai-chinh" hoặc "Sở Tài chính".
 * @param {string} indicatorCode Mã chỉ tiêu, ví dụ "CDS-001".
 * @param {string} [period] Kỳ báo cáo, ví dụ "2025-Q4"; bỏ trống là quý hiện tại.
 * @returns Chỉ tiêu giao, đúng như văn bản viết.
 */
export async function target(agency: string, indicatorCode: string, period?: string): Promise<string> {
  const batcher = targetBatcher();
  try {
    return await batcher.target({ agency: String(agency), indicatorCode: String(indicatorCode), ...(period ? { period: String(period) } : {}) });
  } catch (error) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, error instanceof Error ? error.message : String(error));
  }
}
