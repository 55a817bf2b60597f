import { aggregateHandler, consolidatedReportHandler } from "../handlers/aggregate";
import { agenciesHandler, groupsHandler, registerAgenciesHandler } from "../handlers/agencies";
import { periodAuditHandler, provinceAuditHandler } from "../handlers/audit";
import { assignmentsFormHandler, assignmentsHandler } from "../handlers/assignments";
import { catalogueHandler, decisionHandler, decisionsHandler, importHandler } from "../handlers/catalogue";
import { healthHandler, meHandler } from "../handlers/health";
import { downloadEvidenceHandler, uploadEvidenceHandler } from "../handlers/evidence";
import { reportDocxHandler } from "../handlers/reportDocx";
import { signInConfigHandler } from "../handlers/signInConfig";
import { downloadResultsReportHandler, resultsReportHandler } from "../handlers/resultsReport";
import { lockHandler, lockStateHandler, unlockHandler } from "../handlers/lock";
import { approveVersionHandler, returnVersionHandler, verdictsHandler } from "../handlers/review";
import { listVersionsHandler, readVersionHandler, submitHandler } from "../handlers/submissions";
import { targetsHandler } from "../handlers/targets";
import { downloadWorkbookHandler, ingestWorkbookHandler, uploadWorkbookHandler } from "../handlers/workbooks";
import { ALL_ROLES, type RouteDefinition } from "./route";

const PERIOD = "decisions/{decisionId}/periods/{period}";
const AGENCY = `${PERIOD}/agencies/{agencyId}`;

/** Every route of the app. Azure registers exactly these with app.http; the local host serves exactly these. */
export const ROUTES: readonly RouteDefinition[] = [
  { name: "health", methods: ["GET"], route: "health", roles: "public", handler: healthHandler },
  { name: "signInConfig", methods: ["GET"], route: "signin-config", roles: "public", handler: signInConfigHandler },
  { name: "me", methods: ["GET"], route: "me", roles: ALL_ROLES, handler: meHandler },
  { name: "catalogue", methods: ["GET"], route: "catalogue", roles: ALL_ROLES, handler: catalogueHandler },
  { name: "catalogueImport", methods: ["POST"], route: "catalogue/import", roles: ["province"], handler: importHandler },
  { name: "decisions", methods: ["GET"], route: "decisions", roles: ALL_ROLES, handler: decisionsHandler },
  { name: "decision", methods: ["GET"], route: "decisions/{decisionId}", roles: ALL_ROLES, handler: decisionHandler },
  { name: "agencies", methods: ["GET"], route: "agencies", roles: ALL_ROLES, handler: agenciesHandler },
  { name: "agenciesRegister", methods: ["POST"], route: "agencies", roles: ["province"], handler: registerAgenciesHandler },
  { name: "groups", methods: ["GET"], route: "groups", roles: ALL_ROLES, handler: groupsHandler },
  { name: "targets", methods: ["POST"], route: "targets", roles: ALL_ROLES, handler: targetsHandler },
  { name: "assignments", methods: ["GET"], route: `${PERIOD}/assignments`, roles: ["province", "agency"], handler: assignmentsHandler },
  { name: "assignmentsForm", methods: ["GET"], route: `${PERIOD}/assignments.xlsx`, roles: ["province", "agency"], handler: assignmentsFormHandler },
  { name: "submit", methods: ["POST"], route: `${PERIOD}/submissions`, roles: ["province", "agency"], handler: submitHandler },
  { name: "versions", methods: ["GET"], route: `${AGENCY}/versions`, roles: ["province", "agency"], handler: listVersionsHandler },
  { name: "version", methods: ["GET"], route: `${AGENCY}/versions/{version}`, roles: ["province", "agency"], handler: readVersionHandler },
  { name: "verdicts", methods: ["PUT"], route: `${AGENCY}/versions/{version}/verdicts`, roles: ["province"], handler: verdictsHandler },
  { name: "returnVersion", methods: ["POST"], route: `${AGENCY}/versions/{version}/return`, roles: ["province"], handler: returnVersionHandler },
  { name: "approveVersion", methods: ["POST"], route: `${AGENCY}/versions/{version}/approve`, roles: ["province"], handler: approveVersionHandler },
  { name: "workbookUpload", methods: ["PUT"], route: `${AGENCY}/versions/{version}/workbook`, roles: ["province", "agency"], handler: uploadWorkbookHandler },
  { name: "workbookDownload", methods: ["GET"], route: `${AGENCY}/versions/{version}/workbook`, roles: ["province", "agency"], handler: downloadWorkbookHandler },
  { name: "workbookIngest", methods: ["POST"], route: `${AGENCY}/workbook-ingest`, roles: ["province", "agency"], handler: ingestWorkbookHandler },
  { name: "evidenceUpload", methods: ["PUT"], route: `${AGENCY}/versions/{version}/evidence/{assignmentId}/file`, roles: ["province", "agency"], handler: uploadEvidenceHandler },
  { name: "evidenceDownload", methods: ["GET"], route: `${AGENCY}/versions/{version}/evidence/{assignmentId}/{evidenceId}`, roles: ["province", "agency"], handler: downloadEvidenceHandler },
  { name: "resultsReport", methods: ["POST"], route: `${AGENCY}/results-report`, roles: ["province"], handler: resultsReportHandler },
  { name: "resultsReportDownload", methods: ["GET"], route: `${AGENCY}/versions/{version}/results-report`, roles: ["province", "agency"], handler: downloadResultsReportHandler },
  { name: "aggregate", methods: ["GET"], route: `${PERIOD}/aggregate`, roles: ["province", "viewer"], handler: aggregateHandler },
  { name: "report", methods: ["GET"], route: `${PERIOD}/report.xlsx`, roles: ["province", "viewer"], handler: consolidatedReportHandler },
  { name: "lock", methods: ["POST"], route: `${PERIOD}/lock`, roles: ["province"], handler: lockHandler },
  { name: "unlock", methods: ["POST"], route: `${PERIOD}/unlock`, roles: ["province"], handler: unlockHandler },
  { name: "lockState", methods: ["GET"], route: `${PERIOD}/lock`, roles: ["province", "agency"], handler: lockStateHandler },
  { name: "periodAudit", methods: ["GET"], route: `${PERIOD}/audit`, roles: ["province", "agency"], handler: periodAuditHandler },
  { name: "provinceAudit", methods: ["GET"], route: "audit", roles: ["province"], handler: provinceAuditHandler },
  { name: "reportDocx", methods: ["GET"], route: `${PERIOD}/report.docx`, roles: ["province", "viewer"], handler: reportDocxHandler },
];
