/** The layout of "Tổng hợp" lives in shared/sheet, so the add-in, the preview and the server draw the same sheet. */
export { AGGREGATE_SHEET_NAME, aggregateOps, aggregateSheetPlan, aggregateSheetPlans } from "../../shared/sheet/aggregate";
