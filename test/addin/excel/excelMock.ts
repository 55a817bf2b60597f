import { OfficeMockObject } from "office-addin-mock";
import type { AsyncResultLike, DocumentFile, ExcelRun, OfficeHost } from "../../../addin/excel/excelWorkbook";

/**
 * An Excel request context made of office-addin-mock objects, with the few methods the adapter calls. Reads only
 * return values after load() and context.sync(), as in Excel; every sync is counted; every range the adapter asks
 * for is kept with what was set on it.
 */

export interface UsedRangeData {
  values: unknown[][];
  formulas?: unknown[][];
  valueTypes?: unknown[][];
  numberFormat?: unknown[][];
  rowIndex: number;
  columnIndex: number;
}

export interface MockRange {
  sheet: string;
  address: string;
  // The mock object itself: whatever the adapter set (formulas, numberFormat, format.fill.color…).
  range: any;
}

export function excelMock(initial: { sheets?: Record<string, UsedRangeData | null>; active?: string } = {}) {
  const tracked: OfficeMockObject[] = [];
  const track = <T extends OfficeMockObject>(mock: T): T => {
    tracked.push(mock);
    return mock;
  };
  const existing = new Map(Object.entries(initial.sheets ?? {}));
  const ranges: MockRange[] = [];
  const added: string[] = [];
  const deleted: string[] = [];
  const renamed: Array<{ from: string; sheet: any }> = [];
  const charts: any[] = [];
  const frozen: Record<string, unknown> = {};
  const pageLayouts: Record<string, any> = {};
  let activated: string | undefined;

  const rangeMock = (sheet: string, address: string) => {
    const range: any = track(
      new OfficeMockObject({
        format: {
          fill: {},
          font: {},
          borders: { getItem: (edge: string) => track(new OfficeMockObject({ edge })) },
        },
        dataValidation: {
          clear() {
            this.cleared = true;
          },
        },
        conditionalFormats: {
          clearAll() {
            this.clearedAll = true;
          },
          add(type: string) {
            const format = track(new OfficeMockObject({ type, textComparison: { format: { fill: {} } }, dataBar: { positiveFormat: {} } }));
            (this.addedFormats ??= []).push(format);
            return format;
          },
        },
        clear(applyTo: string) {
          this.clearedWith = applyTo;
        },
        merge(across: boolean) {
          this.merged = { across };
        },
        unmerge() {
          this.unmerged = true;
        },
      }),
    );
    range.address = address;
    ranges.push({ sheet, address, range });
    return range;
  };

  const sheetMock = (name: string, isNull: boolean) => {
    const sheet: any = track(
      new OfficeMockObject({
        name,
        getRange: (address: string) => rangeMock(name, address),
        getUsedRangeOrNullObject: () => {
          const used = existing.get(name);
          const range: any = track(
            new OfficeMockObject(
              used
                ? { formulas: used.values, valueTypes: [], numberFormat: [], ...used }
                : { values: [], formulas: [], valueTypes: [], numberFormat: [], rowIndex: 0, columnIndex: 0 },
            ),
          );
          range.isNullObject = !used;
          return range;
        },
        freezePanes: {
          freezeRows: (rows: number) => (frozen[name] = { rows }),
          freezeAt: (range: any) => (frozen[name] = { at: range.address }),
        },
        charts: {
          add: (type: string, source: any, seriesBy: string) => {
            const chart: any = track(
              new OfficeMockObject({
                title: {},
                legend: {},
                axes: { valueAxis: {} },
                series: {
                  getItemAt(index: number) {
                    const series = ((this.items ??= [])[index] ??= track(
                      new OfficeMockObject({
                        setXAxisValues(range: any) {
                          this.categories = range.address;
                        },
                      }),
                    ));
                    return series;
                  },
                },
                setPosition(topLeft: string, bottomRight: string) {
                  this.position = [topLeft, bottomRight];
                },
              }),
            );
            Object.assign(chart, { type, source: source.address, seriesBy });
            charts.push(chart);
            return chart;
          },
        },
        pageLayout: {
          headersFooters: { defaultForAllPages: {} },
          setPrintTitleRows(rows: string) {
            this.printTitleRows = rows;
          },
          setPrintTitleColumns(columns: string) {
            this.printTitleColumns = columns;
          },
        },
        activate: () => (activated = name),
        delete: () => deleted.push(name),
      }),
    );
    // Excel answers isNullObject on every sync without a load.
    sheet.isNullObject = isNull;
    if (!isNull) pageLayouts[name] = sheet.pageLayout;
    if (!isNull) renamed.push({ from: name, sheet });
    return sheet;
  };

  const mock: any = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => sheetMock(name, !existing.has(name)),
          getItem: (name: string) => {
            // Excel fails the batch at its sync; failing at once is the same to the adapter.
            if (!existing.has(name)) throw new Error(`ItemNotFound: ${name}`);
            return sheetMock(name, false);
          },
          add: (name: string) => {
            added.push(name);
            existing.set(name, null);
            return sheetMock(name, false);
          },
          getActiveWorksheet: () => sheetMock(initial.active ?? [...existing.keys()][0] ?? "Sheet1", false),
        },
      },
    },
  });

  let syncs = 0;
  const context = mock.context;
  context.sync = async () => {
    syncs += 1;
    for (const object of [...tracked]) await object.sync();
    // The mock settles loaded properties in callbacks it does not await.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const run: ExcelRun = (batch) => batch(context as Excel.RequestContext);

  return {
    run,
    syncs: () => syncs,
    /** The officer deletes a sheet between two calls of the adapter. */
    removeSheet: (name: string) => existing.delete(name),
    ranges,
    range: (sheet: string, address: string) => ranges.filter((entry) => entry.sheet === sheet && entry.address === address).map((entry) => entry.range),
    added,
    deleted,
    /** Sheets whose name the adapter changed, with the new name. */
    renames: () =>
      renamed
        .filter((entry) => typeof entry.sheet.name === "string" && entry.sheet.name !== entry.from && !entry.sheet.name.startsWith("Error, "))
        .map((entry) => ({ from: entry.from, to: entry.sheet.name as string })),
    charts,
    frozen,
    /** The page layout of each sheet as the adapter last set it (paper, orientation, zoom, margins, title rows). */
    pageLayouts,
    activated: () => activated,
  };
}

export function hostMock(options: { file?: { bytes: Uint8Array; sliceSize: number; failAt?: number } } = {}) {
  const store = new Map<string, unknown>();
  const calls = { saves: 0, closes: 0, fileType: undefined as unknown, sliceSize: 0 };
  const ok = <T>(value: T): AsyncResultLike<T> => ({ status: "succeeded", value });
  const host: OfficeHost = {
    settings: {
      get: (name) => store.get(name),
      set: (name, value) => store.set(name, JSON.parse(JSON.stringify(value))),
      saveAsync: (callback) => {
        calls.saves += 1;
        callback(ok(undefined));
      },
    },
    getFileAsync: (fileType, fileOptions, callback) => {
      calls.fileType = fileType;
      calls.sliceSize = fileOptions.sliceSize;
      const source = options.file;
      if (!source) return callback({ status: "failed", value: undefined as unknown as DocumentFile, error: { message: "không có tệp" } });
      const sliceCount = Math.ceil(source.bytes.length / source.sliceSize);
      const file: DocumentFile = {
        size: source.bytes.length,
        sliceCount,
        getSliceAsync: (index, sliceCallback) =>
          setTimeout(() =>
            index === source.failAt
              ? sliceCallback({ status: "failed", value: { data: [] }, error: { message: "mất kết nối" } })
              : sliceCallback(ok({ data: Array.from(source.bytes.subarray(index * source.sliceSize, (index + 1) * source.sliceSize)) })),
          ),
        closeAsync: (closeCallback) => {
          calls.closes += 1;
          closeCallback?.(ok(undefined));
        },
      };
      callback(ok(file));
    },
    compressedFileType: "compressed",
    failedStatus: "failed",
    isExcelApiSupported: () => true,
  };
  return { host, store, calls };
}
