import { Button, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import type { PercentAnswer } from "../excel/workbookPort";
import type { PercentQuestion } from "../workflow/submitReport";
import { Notice } from "./StatusBars";

/**
 * "Ô G7: 0,92 nghĩa là 92% hay 0,92%?": one question per rate cell whose meaning is unclear, never guessed. The
 * chosen reading is written into the cell (a fraction with a percent format) before anything is sent.
 */
export function PercentQuestions({
  questions,
  onAnswer,
  busy,
}: {
  questions: readonly PercentQuestion[];
  onAnswer: (answers: PercentAnswer[]) => void;
  busy: boolean;
}) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const answers = questions.flatMap((question): PercentAnswer[] => {
    const label = chosen[question.cell];
    const choice = question.choices.find((option) => option.label === label);
    return choice ? [{ cell: question.cell, fraction: choice.fraction }] : [];
  });
  return (
    <Notice
      intent="warning"
      title="Cần xác nhận ô tỷ lệ trước khi nộp"
      actions={
        <Button onClick={() => onAnswer(answers)} disabledFocusable={busy || answers.length < questions.length}>
          Ghi vào bảng và nộp
        </Button>
      }
    >
      <div className="kpi-stack">
        {questions.map((question) => (
          <Field key={question.cell} label={question.question}>
            <RadioGroup
              value={chosen[question.cell] ?? ""}
              onChange={(_event, data) => setChosen((previous) => ({ ...previous, [question.cell]: data.value }))}
              layout="horizontal"
              disabled={busy}
            >
              {question.choices.map((option) => (
                <Radio key={option.label} value={option.label} label={option.label} />
              ))}
            </RadioGroup>
          </Field>
        ))}
        <span>Nếu không phải các giá trị trên, hãy sửa ô trong bảng (ví dụ gõ 92%) rồi bấm "Nộp báo cáo" lại.</span>
      </div>
    </Notice>
  );
}
