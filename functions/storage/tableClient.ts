import { TableClient, TableServiceClient } from "@azure/data-tables";
import { isLoopbackConnection } from "./connection";

export function tableClient(connection: string, table: string): TableClient {
  return TableClient.fromConnectionString(connection, table, { allowInsecureConnection: isLoopbackConnection(connection) });
}

export async function ensureTable(connection: string, table: string): Promise<void> {
  const service = TableServiceClient.fromConnectionString(connection, { allowInsecureConnection: isLoopbackConnection(connection) });
  await service.createTable(table);
}

/** True when Table Storage refused a write because the row (or a row of the transaction) already exists. */
export function isConflict(error: unknown): boolean {
  const status = (error as { statusCode?: number })?.statusCode;
  const code = String((error as { code?: string })?.code ?? "");
  return status === 409 || code === "EntityAlreadyExists";
}

export function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 404;
}

/** The upper bound of a RowKey prefix range: every key starting with the prefix sorts below it. */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
