import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Notice } from "./StatusBars";

/**
 * The second step of an action that cannot be taken back silently (return, approve, lock, unlock): what will happen
 * in words, then the confirming button; "Hủy" leaves everything as it was.
 */
export function Confirm({ title, children, confirmLabel, onConfirm, onCancel, disabled }: { title: string; children?: ReactNode; confirmLabel: string; onConfirm: () => void; onCancel: () => void; disabled?: boolean }) {
  return (
    <Notice
      intent="warning"
      title={title}
      actions={
        <div className="kpi-row">
          <Button appearance="primary" onClick={onConfirm} disabledFocusable={disabled}>
            {confirmLabel}
          </Button>
          <Button onClick={onCancel}>Hủy</Button>
        </div>
      }
    >
      {children}
    </Notice>
  );
}
