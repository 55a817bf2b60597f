import { Button, Caption1, FluentProvider, Spinner, Text, Title3, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { messageOf } from "../api/kpiClient";
import type { DecisionChoice, Me } from "../../shared/api/contract";
import type { Connection } from "../connection/connectionSettings";
import { reconnectWithMicrosoft365 } from "../connection/microsoft365Connect";
import { officeNestedAuthHost } from "../connection/officeNestedAuthHost";
import { setActiveConnection } from "../connection/activeConnection";
import { paneClient, type PaneConnection } from "../connection/paneConnection";
import { loadRememberedSignIn } from "../connection/rememberedSignIn";
import type { WorkbookPort } from "../excel/workbookPort";
import { AgencyView } from "./AgencyView";
import { ConnectView } from "./ConnectView";
import { ProvinceView } from "./ProvinceView";
import { Notice } from "./StatusBars";

interface Props {
  workbook: WorkbookPort;
  functionNamespace: string;
  /** Where the pane was served from: the natural first guess for the server (the dev server proxies /api). */
  defaultServerUrl: string;
}

type Session = { connection: PaneConnection; me: Me; decisions: DecisionChoice[] };

export function App({ workbook, functionNamespace, defaultServerUrl }: Props) {
  const remembered = useMemo(() => loadRememberedSignIn(), []);
  const [session, setSession] = useState<Session>();
  const [editing, setEditing] = useState(!remembered);
  const [startError, setStartError] = useState<string>();
  const [loading, setLoading] = useState(Boolean(remembered));

  const open = useCallback(async (connection: PaneConnection, known?: Me) => {
    const client = paneClient(connection);
    const [me, decisions] = await Promise.all([known ?? client.me(), client.decisions()]);
    setSession({ connection, me, decisions });
    // KPI.TARGET cells use the same connection: a Microsoft 365 sign-in exists only in this runtime.
    setActiveConnection(connection);
    setEditing(false);
  }, []);

  useEffect(() => {
    if (!remembered) return;
    const reopened =
      remembered.method === "key"
        ? open({ method: "key", ...remembered.connection })
        : reconnectWithMicrosoft365(remembered.serverUrl, officeNestedAuthHost).then(({ connection, me }) => open(connection, me));
    reopened
      .catch((error: unknown) => {
        setStartError(messageOf(error));
        setEditing(true);
      })
      .finally(() => setLoading(false));
  }, [remembered, open]);

  const client = useMemo(() => (session ? paneClient(session.connection) : undefined), [session]);

  return (
    <FluentProvider theme={webLightTheme} className="kpi-pane">
      <header className="kpi-header">
        <Title3 as="h1">KPI chuyển đổi số</Title3>
        {session && !editing && (
          <div className="kpi-row kpi-connected">
            <Caption1>
              {session.me.label} · {session.me.roleLabel}
            </Caption1>
            <Button size="small" appearance="transparent" onClick={() => setEditing(true)}>
              Đổi kết nối
            </Button>
          </div>
        )}
      </header>
      <main className="kpi-main">
        {loading && <Spinner label="Đang kết nối máy chủ KPI…" size="small" />}
        {!loading && editing && (
          <>
            {startError && <Notice intent="warning" title="Chưa kết nối được">{startError}</Notice>}
            <ConnectView
              initial={connectionFields(session?.connection) ?? rememberedFields(remembered) ?? { serverUrl: defaultServerUrl }}
              onConnected={(connection, me) => {
                setStartError(undefined);
                return open(connection, me).catch((error: unknown) => setStartError(messageOf(error)));
              }}
            />
          </>
        )}
        {!loading && !editing && session && client && (
          <>
            {startError && (
              <Notice intent="warning" title="Chưa tải lại được danh sách văn bản">
                {startError}
              </Notice>
            )}
            {session.decisions.length === 0 && <Text>Chưa có văn bản giao chỉ tiêu nào cho đơn vị này.</Text>}
            {session.me.role === "agency" && session.decisions.length > 0 && (
              <AgencyView client={client} me={session.me} workbook={workbook} decisions={session.decisions} functionNamespace={functionNamespace} />
            )}
            {session.me.role !== "agency" && (
              <ProvinceView
                client={client}
                me={session.me}
                workbook={workbook}
                decisions={session.decisions}
                onCatalogueChanged={() => void open(session.connection, session.me).catch((error: unknown) => setStartError(messageOf(error)))}
              />
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}

/** What the connect form shows of a connection: the address, and the key only when that is how it was made. */
function connectionFields(connection: PaneConnection | undefined): Partial<Connection> | undefined {
  if (!connection) return undefined;
  return connection.method === "key" ? { serverUrl: connection.serverUrl, key: connection.key } : { serverUrl: connection.serverUrl };
}

function rememberedFields(remembered: ReturnType<typeof loadRememberedSignIn>): Partial<Connection> | undefined {
  if (!remembered) return undefined;
  return remembered.method === "key" ? remembered.connection : { serverUrl: remembered.serverUrl };
}
