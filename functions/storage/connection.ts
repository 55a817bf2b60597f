import { DefaultAzureCredential, type TokenCredential } from "@azure/identity";
import * as z from "zod";

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

/** Same rule for a service URL used with an identity. */
export function isLoopbackHttpUrl(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === "http:" && (parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost");
}

const serviceUrlSchema = (setting: string) =>
  z
    .url({ protocol: /^https?$/, error: `${setting} phải là địa chỉ https của dịch vụ lưu trữ.` })
    .refine((url) => url.startsWith("https:") || isLoopbackHttpUrl(url), {
      error: `${setting} phải dùng https (chỉ máy cục bộ mới được dùng http).`,
    });

const credentialSchema = z.custom<TokenCredential>((value) => typeof (value as TokenCredential | undefined)?.getToken === "function", {
  error: "Thiếu danh tính để lấy mã truy cập lưu trữ.",
});

/**
 * How the functions reach storage: an account key inside a connection string (Azurite, local runs), or the account's
 * service URLs with a token credential (a managed identity on Azure), so no key is ever stored in app settings.
 */
export const storageConnectionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("connectionString"), connectionString: connectionStringSchema }),
  z.object({
    kind: z.literal("identity"),
    blobUrl: serviceUrlSchema("Địa chỉ dịch vụ blob"),
    tableUrl: serviceUrlSchema("Địa chỉ dịch vụ bảng"),
    credential: credentialSchema,
    /** A certificate trusted instead of the public authorities: only for an emulator serving https on loopback. */
    trustedCertificate: z.string().optional(),
  }),
]);
export type StorageConnection = z.infer<typeof storageConnectionSchema>;
export type IdentityConnection = Extract<StorageConnection, { kind: "identity" }>;

/** A bare connection string is shorthand for the connection-string kind (what local tools and tests pass). */
export const storageConnectionInputSchema = z.union([
  z.string().transform((value): StorageConnection => ({ kind: "connectionString", connectionString: resolveConnectionString(value) })),
  storageConnectionSchema,
]);

const accountNameSchema = z
  .string()
  .regex(/^[a-z0-9]{3,24}$/, { error: "AzureWebJobsStorage__accountName phải là tên tài khoản lưu trữ (3–24 chữ thường hoặc số)." });

const NOTHING_CONFIGURED =
  "Chưa cấu hình lưu trữ: đặt KPI_STORAGE_CONNECTION (hoặc AzureWebJobsStorage) là chuỗi kết nối, " +
  "hoặc AzureWebJobsStorage__accountName (hoặc AzureWebJobsStorage__blobServiceUri và AzureWebJobsStorage__tableServiceUri) " +
  "để kết nối bằng danh tính được quản lý.";

/** The identity Azure gives the app: system-assigned, or the user-assigned one named by its client id. */
export function defaultCredential(clientId: string | undefined): TokenCredential {
  return new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * Reads the settings as Azure Functions names them: a connection string wins (kept for Azurite); otherwise the
 * identity-based `AzureWebJobsStorage__*` settings (or KPI_STORAGE_BLOB_URL / KPI_STORAGE_TABLE_URL) with a credential.
 */
export function storageConnectionFromEnvironment(
  env: NodeJS.ProcessEnv,
  makeCredential: (clientId: string | undefined) => TokenCredential = defaultCredential,
): StorageConnection {
  const connectionString = blank(env.KPI_STORAGE_CONNECTION) ?? blank(env.AzureWebJobsStorage);
  if (connectionString) return { kind: "connectionString", connectionString: resolveConnectionString(connectionString) };

  const account = blank(env.AzureWebJobsStorage__accountName);
  const accountName = account === undefined ? undefined : accountNameSchema.parse(account);
  const blobUrl = blank(env.KPI_STORAGE_BLOB_URL) ?? blank(env.AzureWebJobsStorage__blobServiceUri) ?? (accountName && `https://${accountName}.blob.core.windows.net`);
  const tableUrl = blank(env.KPI_STORAGE_TABLE_URL) ?? blank(env.AzureWebJobsStorage__tableServiceUri) ?? (accountName && `https://${accountName}.table.core.windows.net`);
  if (blobUrl === undefined && tableUrl === undefined) throw new Error(NOTHING_CONFIGURED);
  if (blobUrl === undefined) throw new Error("Thiếu địa chỉ dịch vụ blob: đặt AzureWebJobsStorage__blobServiceUri hoặc AzureWebJobsStorage__accountName.");
  if (tableUrl === undefined) throw new Error("Thiếu địa chỉ dịch vụ bảng: đặt AzureWebJobsStorage__tableServiceUri hoặc AzureWebJobsStorage__accountName.");

  const clientId = blank(env.AzureWebJobsStorage__clientId) ?? blank(env.AZURE_CLIENT_ID);
  return storageConnectionSchema.parse({ kind: "identity", blobUrl, tableUrl, credential: makeCredential(clientId) });
}
