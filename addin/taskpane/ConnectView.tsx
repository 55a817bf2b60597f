import { Button, Field, Input, Text } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { KpiClient } from "../api/kpiClient";
import type { Me } from "../../shared/api/contract";
import { connectionSchema, type Connection } from "../connection/connectionSettings";
import type { PaneConnection } from "../connection/paneConnection";
import { rememberKey } from "../connection/rememberedSignIn";
import { MicrosoftSignIn } from "./MicrosoftSignIn";
import { OperationStatus } from "./StatusBars";
import { useOperation } from "./useOperation";
import { useSignInConfig } from "./useSignInConfig";

/**
 * Server address, then Microsoft 365 sign-in when the province set it up, and the key field for everyone else (keys
 * always work). A key is checked against the server before it is remembered (in this user's add-in storage, never in
 * the workbook, which gets sent to the province).
 */
export function ConnectView({ initial, onConnected }: { initial: Partial<Connection>; onConnected: (connection: PaneConnection, me: Me) => void }) {
  const [serverUrl, setServerUrl] = useState(initial.serverUrl ?? "");
  const [key, setKey] = useState(initial.key ?? "");
  const [keyChosen, setKeyChosen] = useState(Boolean(initial.key));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof Connection, string>>>({});
  const operation = useOperation();
  const microsoft365 = useSignInConfig(serverUrl)?.entra ?? undefined;
  // A key already typed stays in view when the server's answer arrives.
  const showKey = !microsoft365 || keyChosen || key !== "";

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
      rememberKey(parsed.data);
      onConnected({ method: "key", ...parsed.data }, me);
    });
  };

  return (
    <form className="kpi-stack" onSubmit={submit} noValidate>
      <Text>
        {microsoft365
          ? "Nhập địa chỉ máy chủ KPI của tỉnh, rồi đăng nhập bằng tài khoản Microsoft 365 đang dùng trong Excel. Cán bộ chưa có tài khoản Microsoft 365 dùng khóa truy cập được cấp."
          : "Nhập địa chỉ máy chủ KPI của tỉnh và khóa truy cập được cấp cho cơ quan. Thông tin được nhớ cho lần sau trên máy này, không ghi vào sổ làm việc."}
      </Text>
      <Field label="Địa chỉ máy chủ" required validationMessage={fieldErrors.serverUrl} validationState={fieldErrors.serverUrl ? "error" : "none"}>
        <Input type="url" value={serverUrl} onChange={(_event, data) => setServerUrl(data.value)} placeholder="https://kpi.phutho.gov.vn" autoComplete="url" />
      </Field>
      {microsoft365 && <MicrosoftSignIn serverUrl={serverUrl.trim()} config={microsoft365} onConnected={onConnected} />}
      {microsoft365 && !showKey && (
        <Button type="button" appearance="secondary" onClick={() => setKeyChosen(true)}>
          Dùng khóa truy cập
        </Button>
      )}
      {showKey && (
        <>
          <Field label="Khóa truy cập" required validationMessage={fieldErrors.key} validationState={fieldErrors.key ? "error" : "none"}>
            <Input type="password" value={key} onChange={(_event, data) => setKey(data.value)} placeholder="kpi_…" autoComplete="off" />
          </Field>
          <Button appearance={microsoft365 ? "secondary" : "primary"} type="submit" disabledFocusable={Boolean(operation.busy)}>
            Kết nối
          </Button>
        </>
      )}
      <OperationStatus state={operation} />
    </form>
  );
}
