import { Button } from "@fluentui/react-components";
import type { Me } from "../../shared/api/contract";
import type { EntraSignInConfig } from "../../shared/api/signInConfig";
import { connectWithMicrosoft365 } from "../connection/microsoft365Connect";
import { officeNestedAuthHost } from "../connection/officeNestedAuthHost";
import type { PaneConnection } from "../connection/paneConnection";
import { rememberMicrosoft365 } from "../connection/rememberedSignIn";
import { OperationStatus } from "./StatusBars";
import { useOperation } from "./useOperation";

/** The Microsoft 365 choice: Office signs in with the account open in Excel; what went wrong is said in Vietnamese. */
export function MicrosoftSignIn({
  serverUrl,
  config,
  onConnected,
}: {
  serverUrl: string;
  config: EntraSignInConfig;
  onConnected: (connection: PaneConnection, me: Me) => void;
}) {
  const operation = useOperation();
  const signIn = () =>
    operation.run("Đang đăng nhập bằng tài khoản Microsoft 365…", async () => {
      const { connection, me } = await connectWithMicrosoft365(serverUrl, config, officeNestedAuthHost, { interactive: true });
      rememberMicrosoft365(serverUrl);
      onConnected(connection, me);
    });
  return (
    <div className="kpi-stack">
      <Button type="button" appearance="primary" onClick={() => void signIn()} disabledFocusable={Boolean(operation.busy)}>
        Đăng nhập bằng tài khoản Microsoft 365
      </Button>
      <OperationStatus state={operation} />
    </div>
  );
}
