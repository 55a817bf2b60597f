import { DefaultAzureCredential, type TokenCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";
import { settingsFromEnvironment, settingsSchema } from "../../functions/services/settings";
import { azuriteConnectionString, defaultCredential, storageConnectionFromEnvironment } from "../../functions/storage/connection";

const anyCredential: TokenCredential = { getToken: async () => null };

/** Reads the settings and records which client id the credential was asked for. */
function read(env: NodeJS.ProcessEnv) {
  const clientIds: Array<string | undefined> = [];
  const connection = storageConnectionFromEnvironment(env, (clientId) => {
    clientIds.push(clientId);
    return anyCredential;
  });
  return { connection, clientIds };
}

describe("which storage the functions reach, from app settings", () => {
  it("uses a connection string when one is set, even beside identity settings (Azurite and local runs)", () => {
    const conn = "DefaultEndpointsProtocol=https;AccountName=kpitinh;AccountKey=a2V5;EndpointSuffix=core.windows.net";
    expect(read({ KPI_STORAGE_CONNECTION: conn, AzureWebJobsStorage__accountName: "kpitinh" })).toEqual({
      connection: { kind: "connectionString", connectionString: conn },
      clientIds: [],
    });
    expect(read({ AzureWebJobsStorage: "UseDevelopmentStorage=true" }).connection).toEqual({
      kind: "connectionString",
      connectionString: azuriteConnectionString(),
    });
  });

  it("builds the account's public endpoints from AzureWebJobsStorage__accountName", () => {
    const { connection, clientIds } = read({ AzureWebJobsStorage__accountName: "kpitinhphutho" });
    expect(connection).toEqual({
      kind: "identity",
      blobUrl: "https://kpitinhphutho.blob.core.windows.net",
      tableUrl: "https://kpitinhphutho.table.core.windows.net",
      credential: anyCredential,
    });
    expect(clientIds).toEqual([undefined]);
  });

  it("takes explicit service URLs, the KPI names before the Functions names, and a user-assigned identity's client id", () => {
    const env = {
      AzureWebJobsStorage__blobServiceUri: "https://a.blob.core.windows.net",
      AzureWebJobsStorage__tableServiceUri: "https://a.table.core.windows.net",
      KPI_STORAGE_TABLE_URL: "https://b.table.core.windows.net",
      AzureWebJobsStorage__clientId: "22222222-2222-2222-2222-222222222222",
      AZURE_CLIENT_ID: "33333333-3333-3333-3333-333333333333",
    };
    const { connection, clientIds } = read(env);
    expect(connection).toMatchObject({ kind: "identity", blobUrl: "https://a.blob.core.windows.net", tableUrl: "https://b.table.core.windows.net" });
    expect(clientIds).toEqual(["22222222-2222-2222-2222-222222222222"]);
    expect(read({ AzureWebJobsStorage__accountName: "kpitinh", AZURE_CLIENT_ID: "33333333-3333-3333-3333-333333333333" }).clientIds).toEqual([
      "33333333-3333-3333-3333-333333333333",
    ]);
  });

  it("uses DefaultAzureCredential on Azure, so the managed identity is found without a key", () => {
    expect(defaultCredential(undefined)).toBeInstanceOf(DefaultAzureCredential);
    const settings = settingsFromEnvironment({ AzureWebJobsStorage__accountName: "kpitinh", KPI_STORAGE_PREFIX: "" });
    expect(settings.connection.kind).toBe("identity");
    if (settings.connection.kind === "identity") expect(settings.connection.credential).toBeInstanceOf(DefaultAzureCredential);
  });

  it("says in Vietnamese what to set when no storage is configured", () => {
    expect(() => read({})).toThrow(
      "Chưa cấu hình lưu trữ: đặt KPI_STORAGE_CONNECTION (hoặc AzureWebJobsStorage) là chuỗi kết nối, hoặc AzureWebJobsStorage__accountName " +
        "(hoặc AzureWebJobsStorage__blobServiceUri và AzureWebJobsStorage__tableServiceUri) để kết nối bằng danh tính được quản lý.",
    );
    expect(() => read({ KPI_STORAGE_CONNECTION: "  " })).toThrow("Chưa cấu hình lưu trữ");
    expect(() => read({ AzureWebJobsStorage__blobServiceUri: "https://a.blob.core.windows.net" })).toThrow(
      "Thiếu địa chỉ dịch vụ bảng: đặt AzureWebJobsStorage__tableServiceUri hoặc AzureWebJobsStorage__accountName.",
    );
  });

  it("refuses an account name that is not one, and plain http to anything but this machine", () => {
    expect(() => read({ AzureWebJobsStorage__accountName: "Kpi_Tinh" })).toThrow("AzureWebJobsStorage__accountName phải là tên tài khoản lưu trữ");
    expect(() => read({ KPI_STORAGE_BLOB_URL: "http://kpitinh.blob.core.windows.net", KPI_STORAGE_TABLE_URL: "https://kpitinh.table.core.windows.net" })).toThrow(
      "Địa chỉ dịch vụ blob phải dùng https (chỉ máy cục bộ mới được dùng http).",
    );
    expect(() => read({ KPI_STORAGE_BLOB_URL: "ftp://kpitinh", KPI_STORAGE_TABLE_URL: "https://kpitinh.table.core.windows.net" })).toThrow(
      "Địa chỉ dịch vụ blob phải là địa chỉ https của dịch vụ lưu trữ.",
    );
    expect(read({ KPI_STORAGE_BLOB_URL: "http://127.0.0.1:10000/devstoreaccount1", KPI_STORAGE_TABLE_URL: "http://127.0.0.1:10002/devstoreaccount1" }).connection.kind).toBe(
      "identity",
    );
  });

  it("still takes a bare connection string where code builds settings directly", () => {
    expect(settingsSchema.parse({ connection: "UseDevelopmentStorage=true" }).connection).toEqual({
      kind: "connectionString",
      connectionString: azuriteConnectionString(),
    });
    expect(() => settingsSchema.parse({ connection: { kind: "identity", blobUrl: "https://a.blob.core.windows.net", tableUrl: "https://a.table.core.windows.net" } })).toThrow(
      "Thiếu danh tính để lấy mã truy cập lưu trữ.",
    );
  });
});
