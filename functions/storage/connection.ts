import { z } from "zod";

/**
 * Azurite's well-known development account: published in Microsoft's documentation and accepted by every Azurite,
 * never by Azure. Spelled out because the SDKs need explicit endpoints when Azurite listens on other ports.
 */
export const DEV_ACCOUNT_NAME = "devstoreaccount1";
export const DEV_ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface LocalPorts {
  blob: number;
  table: number;
}

export const DEFAULT_LOCAL_PORTS: LocalPorts = { blob: 10000, table: 10002 };

/** A connection string for Azurite on loopback, with the ports it actually listens on. */
export function azuriteConnectionString(ports: LocalPorts = DEFAULT_LOCAL_PORTS): string {
  return [
    "DefaultEndpointsProtocol=http",
    `AccountName=${DEV_ACCOUNT_NAME}`,
    `AccountKey=${DEV_ACCOUNT_KEY}`,
    `BlobEndpoint=http://127.0.0.1:${ports.blob}/${DEV_ACCOUNT_NAME}`,
    `TableEndpoint=http://127.0.0.1:${ports.table}/${DEV_ACCOUNT_NAME}`,
  ].join(";");
}

const connectionStringSchema = z
  .string({ error: "Chuỗi kết nối lưu trữ phải là chuỗi ký tự." })
  .trim()
  .min(1, { error: "Chưa cấu hình chuỗi kết nối lưu trữ (KPI_STORAGE_CONNECTION hoặc AzureWebJobsStorage)." });

/** "UseDevelopmentStorage=true" (what Functions settings carry locally) becomes Azurite's explicit endpoints. */
export function resolveConnectionString(raw: string | undefined): string {
  const value = connectionStringSchema.parse(raw);
  return /^UseDevelopmentStorage=true;?$/i.test(value) ? azuriteConnectionString() : value;
}

/** Plain http is allowed only towards loopback: Azure itself is always https. */
export function isLoopbackConnection(connection: string): boolean {
  return /(Blob|Table)Endpoint=http:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(connection);
}
