/** The domain model: one module per concept; import from here. */
export * from "./ids";
export * from "./text";
export * from "./agency";
export * from "./agencyGroup";
export * from "./indicator";
export * from "./decision";
export * from "./assignment";
export * from "./assignmentTarget";
export * from "./evidence";
export * from "./submissionValue";
export * from "./review";
export * from "./lock";
export * from "./audit";
export * from "./submission";
// The verdict codes already live with the rules that produce them; one definition, re-exported.
export { verdictCodeSchema, type VerdictCode } from "../verdict/schema";
export { milestoneSchema, type Milestone } from "../period/milestone";
export { periodCodeSchema, type PeriodCode } from "../period/period";
export { isoDateSchema, type IsoDate } from "../period/isoDate";
