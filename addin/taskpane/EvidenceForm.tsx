import { Button, Field, Input, Text } from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import { MAX_EVIDENCE_FILE_BYTES, type EvidenceDocument } from "../../shared/model/evidence";
import { EMPTY_CITATION, readCitationForm, type CitationForm } from "../review/evidenceDraft";
import { citationText } from "../review/reviewText";

interface Props {
  code: string;
  /** The citations that go with this row's value in the next submission. */
  citations: readonly EvidenceDocument[];
  onAdd: (citation: EvidenceDocument) => string | undefined;
  onRemove: (index: number) => void;
  /** Files attach to a stored value: set when the newest version has one for this row. */
  uploadVersion: number | undefined;
  onUpload: (file: File) => void;
  busy: boolean;
}

/**
 * "Minh chứng" of one row: documents cited by number, date, summary and link, sent with the next submission, and
 * files (pdf, docx, xlsx, png, jpg up to 10 MB) attached at once to the value already submitted.
 */
export function EvidenceForm({ code, citations, onAdd, onRemove, uploadVersion, onUpload, busy }: Props) {
  const [form, setForm] = useState<CitationForm>(EMPTY_CITATION);
  const [problems, setProblems] = useState<string[]>([]);
  const [fileProblem, setFileProblem] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const field = (key: keyof CitationForm) => ({
    value: form[key],
    disabled: busy,
    onChange: (_event: unknown, data: { value: string }) => setForm({ ...form, [key]: data.value }),
  });

  const add = () => {
    const reading = readCitationForm(form);
    if (!reading.ok) return setProblems(reading.problems);
    const refused = onAdd(reading.citation);
    if (refused) return setProblems([refused]);
    setProblems([]);
    setForm(EMPTY_CITATION);
  };

  const upload = () => {
    const file = fileInput.current?.files?.[0];
    if (!file) return setFileProblem("Chưa chọn tệp.");
    if (file.size > MAX_EVIDENCE_FILE_BYTES) return setFileProblem(`Tệp ${file.name} lớn hơn 10 MB: hãy nén hoặc tách tệp.`);
    setFileProblem(undefined);
    onUpload(file);
    if (fileInput.current) fileInput.current.value = "";
  };

  return (
    <fieldset className="kpi-evidence-form">
      <legend>Minh chứng của chỉ tiêu {code}</legend>
      {citations.length > 0 && (
        <ul className="kpi-evidence" aria-label={`Minh chứng gửi kèm lần nộp tới, chỉ tiêu ${code}`}>
          {citations.map((citation, index) => (
            <li key={index}>
              {citationText(citation)}{" "}
              <Button size="small" appearance="transparent" onClick={() => onRemove(index)} disabled={busy} aria-label={`Bỏ minh chứng ${citationText(citation)}`}>
                Bỏ
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="kpi-row">
        <Field label="Số hiệu" className="kpi-grow">
          <Input {...field("documentNumber")} placeholder="123/QĐ-UBND" />
        </Field>
        <Field label="Ngày ban hành">
          <Input {...field("issuedOn")} placeholder="20/10/2025" className="kpi-date" />
        </Field>
      </div>
      <Field label="Trích yếu" required>
        <Input {...field("summary")} placeholder="Về việc ban hành Kế hoạch chuyển đổi số…" />
      </Field>
      <Field label="Đường dẫn">
        <Input {...field("url")} type="url" placeholder="https://…" />
      </Field>
      {problems.length > 0 && (
        <Text role="alert" className="kpi-error-text">
          {problems.join(" ")}
        </Text>
      )}
      <Button onClick={add} disabledFocusable={busy}>
        Thêm minh chứng
      </Button>
      <Text size={200}>Minh chứng được gửi kèm lần nộp báo cáo tới.</Text>
      {uploadVersion !== undefined ? (
        <div className="kpi-stack-tight">
          <label htmlFor={fileId}>Tệp minh chứng cho bản {uploadVersion} (pdf, docx, xlsx, png, jpg; tối đa 10 MB)</label>
          <input id={fileId} ref={fileInput} type="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg" disabled={busy} />
          {fileProblem && (
            <Text role="alert" className="kpi-error-text">
              {fileProblem}
            </Text>
          )}
          <Button onClick={upload} disabledFocusable={busy}>
            Tải tệp lên
          </Button>
        </div>
      ) : (
        <Text size={200}>Tệp minh chứng gửi được sau khi đã nộp số liệu của chỉ tiêu này.</Text>
      )}
    </fieldset>
  );
}
