import { TableClient, TableServiceClient, type TableServiceClientOptions } from "@azure/data-tables";
import { isLoopbackConnection, isLoopbackHttpUrl, type StorageConnection } from "./connection";

function clientOptions(connection: StorageConnection): TableServiceClientOptions {
  if (connection.kind === "connectionString") return { allowInsecureConnection: isLoopbackConnection(connection.connectionString) };
  return {
    allowInsecureConnection: isLoopbackHttpUrl(connection.tableUrl),
    ...(connection.trustedCertificate ? { tlsOptions: { ca: connection.trustedCertificate } } : {}),
  };
}

export function tableClient(connection: StorageConnection, table: string): TableClient {
  return connection.kind === "connectionString"
    ? TableClient.fromConnectionString(connection.connectionString, table, clientOptions(connection))
    : new TableClient(connection.tableUrl, table, connection.credential, clientOptions(connection));
}

export async function ensureTable(connection: StorageConnection, table: string): Promise<void> {
  const service =
    connection.kind === "connectionString"
      ? TableServiceClient.fromConnectionString(connection.connectionString, clientOptions(connection))
      : new TableServiceClient(connection.tableUrl, connection.credential, clientOptions(connection));
  await service.createTable(table);
}

/** An ETag condition that no longer holds: someone changed the entity since it was read or written. */
export function isPreconditionFailed(error: unknown): boolean {
  const status = (error as { statusCode?: number })?.statusCode;
  const code = String((error as { code?: string })?.code ?? "");
  return status === 412 || code === "UpdateConditionNotSatisfied";
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

/** A quoted OData literal: a quote inside an id is doubled, so a value can never end the string early. */
export function escapeOData(value: string): string {
  return value.replace(/'/g, "''");
}

/** One row, or undefined when it does not exist; any other failure is thrown. */
export async function getRow(table: TableClient, partitionKey: string, rowKey: string): Promise<Record<string, unknown> | undefined> {
  try {
    return await table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The rows of one partition whose key starts with `prefix`, in key order; with `select`, only those properties. */
export function rowsWithPrefix(table: TableClient, partitionKey: string, prefix: string, select?: string[]): AsyncIterable<Record<string, unknown>> {
  return table.listEntities<Record<string, unknown>>({
    queryOptions: {
      filter: `PartitionKey eq '${escapeOData(partitionKey)}' and RowKey ge '${escapeOData(prefix)}' and RowKey lt '${escapeOData(prefixEnd(prefix))}'`,
      ...(select ? { select } : {}),
    },
  });
}
