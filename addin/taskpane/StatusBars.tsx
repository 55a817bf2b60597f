import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { OperationState } from "./useOperation";

/** The progress of the running action and the error of the last one, in the place the officer is looking. */
export function OperationStatus({ state }: { state: OperationState }) {
  return (
    <>
      {state.busy && (
        <Field validationMessage={state.busy} validationState="none" aria-live="polite">
          <ProgressBar value={state.progress} thickness="large" aria-label={state.busy} />
        </Field>
      )}
      {state.error && <Notice intent="error" title="Chưa thực hiện được">{state.error}</Notice>}
    </>
  );
}

export function Notice({ intent, title, children, actions }: { intent: "error" | "warning" | "success" | "info"; title?: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
        {actions && <div className="kpi-notice-actions">{actions}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}
