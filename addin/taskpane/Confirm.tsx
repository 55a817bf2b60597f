import { Button } from "@fluentui/react-components";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import { Notice } from "./StatusBars";

/**
 * The second step of an action that cannot be taken back silently (return, approve, lock, unlock): what will happen
 * in words, then the confirming button; "Hủy" leaves everything as it was. The button that opened it is gone, so the
 * focus moves to the confirmation: a keyboard user goes on where they were.
 */
export function Confirm({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  disabled,
  working = false,
  focusConfirm = true,
}: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  disabled?: boolean;
  /**
   * The confirmed action is under way: the request has left and cannot be taken back, so "Hủy", which promises that
   * nothing changes, waits with it instead of hiding a change that is still going to happen.
   */
  working?: boolean;
  /** False when the confirmation asks for something first (a reason) and focuses that itself. */
  focusConfirm?: boolean;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  // A layout effect: the focus is there before the officer's next key (Preact runs plain effects after the next frame).
  useLayoutEffect(() => {
    if (focusConfirm) confirm.current?.focus();
  }, [focusConfirm]);
  return (
    <Notice
      intent="warning"
      title={title}
      actions={
        <div className="kpi-row">
          <Button ref={confirm} appearance="primary" onClick={onConfirm} disabledFocusable={disabled}>
            {confirmLabel}
          </Button>
          <Button onClick={onCancel} disabledFocusable={working}>
            Hủy
          </Button>
        </div>
      }
    >
      {children}
    </Notice>
  );
}
