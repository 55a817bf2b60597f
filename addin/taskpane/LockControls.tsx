import { Button, Field, Input, Radio, RadioGroup, Subtitle2, Text } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { LockAnswer } from "../../shared/api/review";
import { lockRequestSchema, unlockRequestSchema } from "../../shared/api/review";
import { lockStateOf, type LockState } from "../../shared/model/lock";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import type { KpiClient } from "../api/kpiClient";
import { Confirm } from "./Confirm";
import type { PeriodChoice } from "./PeriodPicker";
import { Notice, OperationStatus } from "./StatusBars";
import { useOperation } from "./useOperation";

interface Props {
  client: KpiClient;
  choice: PeriodChoice;
  periodLabel: string;
  /** The agency under review, offered as the scope of a lock of one agency. */
  agency?: { id: string; name: string };
  onChanged: () => void;
}

type Pending = { action: "lock" | "unlock"; scope: "all" | "agency"; reason: string };

/**
 * Closing a period to data entry, for every agency or the one under review, and opening it again with a reason.
 * Both are confirmed first: a locked period refuses every submission until it is unlocked.
 */
export function LockControls({ client, choice, periodLabel, agency, onChanged }: Props) {
  const [answer, setAnswer] = useState<LockAnswer>();
  const [pending, setPending] = useState<Pending>();
  const [done, setDone] = useState<string>();
  const operation = useOperation();
  const busy = Boolean(operation.busy);

  useEffect(() => {
    setAnswer(undefined);
    setPending(undefined);
    setDone(undefined);
    void operation.run("Đang tải tình trạng khóa…", async () => setAnswer(await client.lockState(choice.decisionId, choice.period)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload exactly when the period changes
  }, [client, choice.decisionId, choice.period]);

  // The reason is what the confirmation asks for: the focus goes there as it opens, before the officer's next key
  // (a layout effect; the autofocus attribute alone waits for the next frame under Preact).
  const reasonInput = useRef<HTMLInputElement>(null);
  const asking = pending?.action;
  useLayoutEffect(() => {
    if (asking) reasonInput.current?.focus();
  }, [asking]);

  const scoped = pending?.scope === "agency" && agency ? { agencyId: agency.id } : {};
  const target = pending?.scope === "agency" && agency ? agency.name : "tất cả cơ quan";
  const reasonMissing = pending?.action === "unlock" && !pending.reason.trim();

  const confirm = () =>
    pending &&
    operation.run(pending.action === "lock" ? "Đang khóa kỳ báo cáo (vài giây, để mọi máy chủ cùng dừng nhận số liệu)…" : "Đang mở khóa kỳ báo cáo…", async () => {
      const reason = pending.reason.trim() ? { reason: pending.reason } : {};
      const next =
        pending.action === "lock"
          ? await client.lock(choice.decisionId, choice.period, lockRequestSchema.parse({ ...reason, ...scoped }))
          : await client.unlock(choice.decisionId, choice.period, unlockRequestSchema.parse({ ...reason, ...scoped }));
      setAnswer(next);
      setDone(pending.action === "lock" ? `Đã khóa ${periodLabel} đối với ${target}.` : `Đã mở khóa ${periodLabel} đối với ${target}.`);
      setPending(undefined);
      onChanged();
    });

  const agencyState = answer && agency ? lockStateOf(answer.entries, agency.id, new Date().toISOString(), answer.automaticAt) : undefined;
  // Locking what is locked, or opening what is open, would only add a line to the trail.
  const canLock = Boolean(answer) && (!answer?.all.locked || agencyState?.locked === false);
  const canUnlock = Boolean(answer) && (answer?.all.locked === true || agencyState?.locked === true);
  return (
    <section className="kpi-stack" aria-label="Khóa kỳ báo cáo">
      <Subtitle2 as="h2">Khóa kỳ báo cáo</Subtitle2>
      {answer && <Text>{stateSentence("Tất cả cơ quan", answer.all)}</Text>}
      {agency && agencyState && <Text>{stateSentence(agency.name, agencyState)}</Text>}
      {!pending && (
        <div className="kpi-row">
          <Button onClick={() => (setDone(undefined), setPending({ action: "lock", scope: answer?.all.locked ? "agency" : "all", reason: "" }))} disabledFocusable={busy || !canLock}>
            Khóa kỳ báo cáo
          </Button>
          <Button onClick={() => (setDone(undefined), setPending({ action: "unlock", scope: answer?.all.locked ? "all" : "agency", reason: "" }))} disabledFocusable={busy || !canUnlock}>
            Mở khóa
          </Button>
        </div>
      )}
      {pending && (
        <Confirm
          title={pending.action === "lock" ? `Khóa ${periodLabel}?` : `Mở khóa ${periodLabel}?`}
          confirmLabel={pending.action === "lock" ? "Xác nhận khóa" : "Xác nhận mở khóa"}
          onConfirm={confirm}
          onCancel={() => setPending(undefined)}
          disabled={busy || reasonMissing}
          working={busy}
          focusConfirm={false}
        >
          <div className="kpi-stack-tight">
            <Text>
              {pending.action === "lock"
                ? "Sau khi khóa, máy chủ từ chối mọi số liệu, tệp và minh chứng gửi cho kỳ này cho đến khi mở khóa."
                : "Sau khi mở khóa, cơ quan lại gửi được số liệu cho kỳ này."}
            </Text>
            {agency && (
              <RadioGroup value={pending.scope} onChange={(_event, data) => setPending({ ...pending, scope: data.value as Pending["scope"] })} aria-label="Phạm vi">
                <Radio value="all" label="Tất cả cơ quan" />
                <Radio value="agency" label={`Chỉ ${agency.name}`} />
              </RadioGroup>
            )}
            <Field
              label={pending.action === "lock" ? "Lý do khóa (không bắt buộc)" : "Lý do mở khóa"}
              required={pending.action === "unlock"}
              validationMessage={reasonMissing ? "Cần ghi lý do mở khóa." : undefined}
              validationState={reasonMissing ? "error" : "none"}
            >
              <Input ref={reasonInput} value={pending.reason} onChange={(_event, data) => setPending({ ...pending, reason: data.value })} />
            </Field>
          </div>
        </Confirm>
      )}
      <OperationStatus state={operation} />
      {done && <Notice intent="success">{done}</Notice>}
    </section>
  );
}

function stateSentence(who: string, state: LockState): string {
  if (!state.locked) return `${who}: đang mở${state.source !== "none" && state.at ? ` (mở khóa lúc ${vietnamTimeText(state.at)}${state.reason ? `, lý do: ${state.reason.replace(/[.!?…]+$/, "")}` : ""})` : ""}.`;
  const by = state.byLabel ? ` bởi ${state.byLabel}` : "";
  const when = state.at ? ` lúc ${vietnamTimeText(state.at)}` : "";
  return `${who}: đã khóa${when}${by}.${state.reason ? ` Lý do: ${/[.!?…]$/.test(state.reason) ? state.reason : `${state.reason}.`}` : ""}`;
}
