import { Button, Field, Input, Text } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { KpiClient } from "../api/kpiClient";
import type { Me } from "../../shared/api/contract";
import { connectionSchema, saveConnection, type Connection } from "../connection/connectionSettings";
import { OperationStatus } from "./StatusBars";
import { useOperation } from "./useOperation";

/**
 * Server address and key, checked against the server before they are remembered (in this user's add-in storage,
 * never in the workbook, which gets sent to the province).
 */
export function ConnectView({ initial, onConnected }: { initial: Partial<Connection>; onConnected: (connection: Connection, me: Me) => void }) {
  const [serverUrl, setServerUrl] = useState(initial.serverUrl ?? "");
  const [key, setKey] = useState(initial.key ?? "");
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof Connection, string>>>({});
  const operation = useOperation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = connectionSchema.safeParse({ serverUrl: serverUrl.trim(), key: key.trim() });
    if (!parsed.success) {
      const errors: Partial<Record<keyof Connection, string>> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof Connection] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    await operation.run("Đang kiểm tra kết nối…", async () => {
      const me = await new KpiClient(parsed.data).me();
      saveConnection(parsed.data);
      onConnected(parsed.data, me);
    });
  };

  return (
    <form className="kpi-stack" onSubmit={submit} noValidate>
      <Text>Nhập địa chỉ máy chủ KPI của tỉnh và khóa truy cập được cấp cho cơ quan. Thông tin được nhớ cho lần sau trên máy này, không ghi vào sổ làm việc.</Text>
      <Field label="Địa chỉ máy chủ" required validationMessage={fieldErrors.serverUrl} validationState={fieldErrors.serverUrl ? "error" : "none"}>
        <Input type="url" value={serverUrl} onChange={(_event, data) => setServerUrl(data.value)} placeholder="https://kpi.phutho.gov.vn" autoComplete="url" />
      </Field>
      <Field label="Khóa truy cập" required validationMessage={fieldErrors.key} validationState={fieldErrors.key ? "error" : "none"}>
        <Input type="password" value={key} onChange={(_event, data) => setKey(data.value)} placeholder="kpi_…" autoComplete="off" />
      </Field>
      <Button appearance="primary" type="submit" disabledFocusable={Boolean(operation.busy)}>
        Kết nối
      </Button>
      <OperationStatus state={operation} />
    </form>
  );
}
