import { Button, Caption1, FluentProvider, Spinner, Text, Title3, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { KpiClient, messageOf } from "../api/kpiClient";
import type { DecisionChoice, Me } from "../../shared/api/contract";
import { loadConnection, type Connection } from "../connection/connectionSettings";
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

type Session = { connection: Connection; me: Me; decisions: DecisionChoice[] };

export function App({ workbook, functionNamespace, defaultServerUrl }: Props) {
  const remembered = useMemo(() => loadConnection(), []);
  const [session, setSession] = useState<Session>();
  const [editing, setEditing] = useState(!remembered);
  const [startError, setStartError] = useState<string>();
  const [loading, setLoading] = useState(Boolean(remembered));

  const open = useCallback(async (connection: Connection, known?: Me) => {
    const client = new KpiClient(connection);
    const [me, decisions] = await Promise.all([known ?? client.me(), client.decisions()]);
    setSession({ connection, me, decisions });
    setEditing(false);
  }, []);

  useEffect(() => {
    if (!remembered) return;
    open(remembered)
      .catch((error: unknown) => {
        setStartError(messageOf(error));
        setEditing(true);
      })
      .finally(() => setLoading(false));
  }, [remembered, open]);

  const client = useMemo(() => (session ? new KpiClient(session.connection) : undefined), [session]);

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
              initial={session?.connection ?? remembered ?? { serverUrl: defaultServerUrl }}
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
