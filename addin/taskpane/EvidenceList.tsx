import { Link } from "@fluentui/react-components";
import type { EvidenceDocument, EvidenceFile } from "../../shared/model/evidence";
import { citationText, sizeText } from "../review/reviewText";

/**
 * The documents cited for a value (số hiệu, ngày, trích yếu, đường dẫn) and the files attached to it. A file needs
 * the officer's key to download, so it is a button that fetches it, not a plain link.
 */
export function EvidenceList({ citations, files, onDownload, disabled }: { citations: readonly EvidenceDocument[]; files: readonly EvidenceFile[]; onDownload: (file: EvidenceFile) => void; disabled?: boolean }) {
  if (citations.length === 0 && files.length === 0) return null;
  return (
    <ul className="kpi-evidence" aria-label="Minh chứng">
      {citations.map((citation, index) => (
        <li key={`c${index}`}>
          {citationText(citation)}
          {citation.url && (
            <>
              {" · "}
              <Link href={citation.url} target="_blank" rel="noreferrer noopener">
                Mở đường dẫn
              </Link>
            </>
          )}
        </li>
      ))}
      {files.map((file) => (
        <li key={file.evidenceId}>
          <Link as="button" onClick={() => onDownload(file)} disabled={disabled}>
            Tải tệp {file.name}
          </Link>{" "}
          ({file.kind.toUpperCase()}, {sizeText(file.size)})
        </li>
      ))}
    </ul>
  );
}

/** Hands a fetched file to the browser as a download under its own name. */
export function saveBlob(blob: Blob, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
