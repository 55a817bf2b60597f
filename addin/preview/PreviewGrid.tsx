import { useState, useSyncExternalStore, type CSSProperties, type KeyboardEvent } from "react";
import { columnLetter, insideBox, parseRange } from "../../shared/sheet/address";
import type { MemoryWorkbook, PreviewCell } from "./memoryWorkbook";

const CHARACTER_PX = 7;
const ROW_HEADER_PX = 36;

/**
 * The in-page workbook as a plain grid: sheet tabs, column letters, row numbers, and the cells the officer fills as
 * text boxes. Enough to try the pane end to end; it is not a spreadsheet.
 */
export function PreviewGrid({ workbook }: { workbook: MemoryWorkbook }) {
  const version = useSyncExternalStore(
    (listener) => workbook.subscribe(listener),
    () => workbook.revision,
  );
  const [refusal, setRefusal] = useState<string>();
  const sheets = workbook.sheets();
  const active = sheets.find((sheet) => sheet.name === workbook.activeSheet()) ?? sheets[0];
  if (!active) return <p className="preview-empty">Sổ làm việc trống. Kết nối rồi bấm "Lấy chỉ tiêu" ở khung bên phải.</p>;

  const rows = Array.from({ length: Math.max(active.rowCount, 1) }, (_, index) => index + 1);
  const columns = Array.from({ length: Math.max(active.columnCount, 1) }, (_, index) => index);
  const widths = columns.map((column) => Math.round((active.columnWidths[column] ?? 9) * CHARACTER_PX) + 8);
  const merges = active.merges.map((range) => parseRange(range));
  // A fixed table layout only holds when the table has a width: the sum of the columns, as Excel lays them out.
  const tableWidth = ROW_HEADER_PX + widths.reduce((sum, width) => sum + width, 0);
  return (
    <div className="preview-book" data-revision={version}>
      <div className="preview-scroll">
        <table className="preview-grid" aria-label={`Trang tính ${active.name}`} style={{ width: tableWidth }}>
          <colgroup>
            <col style={{ width: ROW_HEADER_PX }} />
            {columns.map((column) => (
              <col key={column} style={{ width: widths[column] }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th />
              {columns.map((column) => (
                <th key={column} scope="col">
                  {columnLetter(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row} style={active.rowHeights[row] ? { height: Math.round((active.rowHeights[row] * 4) / 3) } : undefined}>
                <th scope="row">{row}</th>
                {columns.map((column) => {
                  const address = `${columnLetter(column)}${row}`;
                  // A merged range is drawn as its top-left cell spanning the rest, as Excel shows it.
                  const merge = merges.find((box) => insideBox(box, row, column));
                  if (merge && (merge.firstRow !== row || merge.firstColumn !== column)) return null;
                  const span = merge ? { colSpan: merge.lastColumn - merge.firstColumn + 1, rowSpan: merge.lastRow - merge.firstRow + 1 } : {};
                  const cell = workbook.cell(active.name, address);
                  // Text runs on over empty neighbours, as in Excel: the title lines stay readable in narrow columns.
                  const next = workbook.cell(active.name, `${columnLetter(column + 1)}${row}`);
                  const spills = cell !== undefined && !cell.input && !cell.style.wrap && (next === undefined || next.display === "");
                  return (
                    <td key={address} {...span} data-address={address} className={spills ? "preview-spill" : undefined} style={cell ? styleOf(cell) : undefined} title={cell?.formula}>
                      {cell?.input ? (
                        <CellEditor cell={cell} onCommit={(text) => commit(workbook, active.name, address, text, setRefusal)} />
                      ) : (
                        cell?.display
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {active.charts.map((chart) => (
          <figure key={chart.title} className="preview-chart" aria-label={chart.title}>
            <figcaption>{chart.title}</figcaption>
            {chart.categories.map((category, index) => (
              <div key={category} className="preview-bar">
                <span>{category}</span>
                <span className="preview-bar-track">
                  <span style={{ width: `${Math.round((chart.values[index] ?? 0) * 100)}%` }} />
                </span>
                <span>{chart.values[index] === null ? "–" : `${Math.round((chart.values[index] ?? 0) * 100)}%`}</span>
              </div>
            ))}
          </figure>
        ))}
      </div>
      {refusal && (
        <p role="alert" className="preview-refusal">
          {refusal}
        </p>
      )}
      <SheetTabs names={sheets.map((sheet) => sheet.name)} active={active.name} onSelect={(name) => workbook.activate(name)} />
    </div>
  );
}

/**
 * The sheet tabs under the grid, drawn like Fluent's small TabList by taskpane.css: the arrow keys move between
 * tabs, Tab leaves the strip. Fluent's TabList would add its focus machinery to every officer's download for a strip
 * only this preview page shows.
 */
function SheetTabs({ names, active, onSelect }: { names: string[]; active: string; onSelect: (name: string) => void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const current = tabs.indexOf(event.target as HTMLButtonElement);
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined || current < 0) return;
    event.preventDefault();
    tabs[(next + tabs.length) % tabs.length]?.focus();
  };
  return (
    <div role="tablist" aria-label="Các trang tính" className="preview-tabs" onKeyDown={onKeyDown}>
      {names.map((name) => (
        <button key={name} type="button" role="tab" aria-selected={name === active} tabIndex={name === active ? 0 : -1} onClick={() => onSelect(name)}>
          {name}
        </button>
      ))}
    </div>
  );
}

function commit(workbook: MemoryWorkbook, sheet: string, address: string, text: string, setRefusal: (message: string | undefined) => void): void {
  const result = workbook.setCell(sheet, address, text);
  setRefusal(result.ok ? undefined : `Ô ${address}: ${result.message}`);
}

/** A text box holding what the cell shows until the officer types; Enter or leaving the box writes it. */
function CellEditor({ cell, onCommit }: { cell: PreviewCell; onCommit: (text: string) => void }) {
  const [draft, setDraft] = useState<string>();
  const shown = draft ?? cell.display;
  const finish = () => {
    if (draft !== undefined && draft !== cell.display) onCommit(draft);
    setDraft(undefined);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") event.currentTarget.blur();
    if (event.key === "Escape") setDraft(undefined);
  };
  return <input className="preview-input" aria-label={`Ô ${cell.address}`} value={shown} onChange={(event) => setDraft(event.target.value)} onBlur={finish} onKeyDown={onKeyDown} />;
}

function styleOf(cell: PreviewCell): CSSProperties {
  const style = cell.style;
  return {
    ...(style.fill ? { background: style.fill } : {}),
    ...(style.bold ? { fontWeight: 600 } : {}),
    ...(style.italic ? { fontStyle: "italic" } : {}),
    ...(style.fontColor ? { color: style.fontColor } : {}),
    ...(style.fontSize ? { fontSize: `${Math.min(style.fontSize, 14)}px` } : {}),
    ...(style.wrap ? { whiteSpace: "normal" } : {}),
    ...(style.horizontalAlignment === "Center" ? { textAlign: "center" } : {}),
    ...(typeof cell.value === "number" && !style.horizontalAlignment ? { textAlign: "right" } : {}),
  };
}
