/** Table and container names; Azure allows letters and digits only for tables, lowercase and dashes for containers. */
export const TABLES = {
  submissions: "KpiSubmissions",
  keys: "KpiKeys",
} as const;

export const CONTAINERS = {
  catalogue: "kpi-catalogue",
  workbooks: "kpi-workbooks",
} as const;
