import * as z from "zod";

/**
 * Where the add-in talks to and with which key: remembered per user in the browser storage of the add-in (shared by
 * the task pane and the custom functions in the shared runtime), never written into the workbook that gets sent.
 */
export const connectionSchema = z.object({
  serverUrl: z.url({ error: "Địa chỉ máy chủ không hợp lệ, ví dụ https://kpi.phutho.gov.vn." }),
  key: z.string().regex(/^kpi_(?:[a-z0-9-]{1,64}\.)?[a-f0-9]{16}_[A-Za-z0-9_-]{43}$/, { error: "Khóa truy cập có dạng kpi_…; hãy dán đúng khóa được cấp." }),
});
export type Connection = z.infer<typeof connectionSchema>;

const STORAGE_KEY = "kpi.connection";

export function loadConnection(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): Connection | undefined {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const parsed = connectionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveConnection(connection: Connection, storage: Pick<Storage, "setItem"> = globalThis.localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(connectionSchema.parse(connection)));
}

export function forgetConnection(storage: Pick<Storage, "removeItem"> = globalThis.localStorage): void {
  storage.removeItem(STORAGE_KEY);
}
