import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_INSTRUCTION } from "../../functions/workbook/reportForm";
import { periodAssignmentsSchema, type PeriodAssignment } from "../../shared/report/periodAssignments";
import { submissionReceiptSchema } from "../../shared/report/receipt";
import { isPercentFormat } from "../../shared/report/percentCell";
import { startStack, type TestStack } from "../support/stack";
import { storageSnapshot } from "../support/storageSnapshot";

/**
 * The tester's case: a decision writing "%" in a unit column of its own, an officer filling the offline form. The
 * form's rate cells hold fractions with a percent format, never "*100", and a value whose meaning is unclear is
 * refused by cell rather than judged.
 */

const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q4";
const BASE = `/decisions/${DECISION}/periods/${PERIOD}`;
const AGENCY = "so-tai-chinh";

let stack: TestStack;
let ninety: PeriodAssignment;
let fifty: PeriodAssignment;

beforeAll(async () => {
  stack = await startStack();
  // Two of the agency's rates re-targeted as a multi-year table writes them: unit "%" in a column of its own.
  const changed = await stack.services.catalogue.update(
    (catalogue) => {
      const rates = catalogue.assignments.filter((a) => a.decisionId === DECISION && a.agencyId === AGENCY && a.target?.kind === "percent");
      const [first, second] = rates;
      if (!first || !second) throw new Error("the demo catalogue has no two rates for the agency");
      const retarget = (id: string, targetText: string, value: number) => ({ id, targetText, value });
      const plan = [retarget(first.id, "Tối thiểu 90%", 90), retarget(second.id, "≥ 50%", 50)];
      return {
        catalogue: {
          ...catalogue,
          assignments: catalogue.assignments.map((a) => {
            const change = plan.find((p) => p.id === a.id);
            return change
              ? { ...a, targetText: change.targetText, target: { kind: "percent" as const, comparator: "gte" as const, value: change.value }, unit: "%" }
              : a;
          }),
        },
        result: plan.map((p) => p.id),
      };
    },
    { updatedBy: "test", reason: "unit column %" },
  );
  const response = await stack.call(`${BASE}/assignments`, { key: stack.keys.agency });
  const view = periodAssignmentsSchema.parse(await response.json());
  ninety = view.assignments.find((a) => a.assignmentId === changed.result[0])!;
  fifty = view.assignments.find((a) => a.assignmentId === changed.result[1])!;
  expect(ninety).toMatchObject({ targetText: "Tối thiểu 90%", unit: "%" });
  expect(fifty).toMatchObject({ targetText: "≥ 50%", unit: "%" });
});
afterAll(() => stack?.close());

async function downloadForm(): Promise<{ workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet; rowOf: (code: string) => ExcelJS.Row }> {
  const form = await stack.call(`${BASE}/assignments.xlsx`, { key: stack.keys.agency });
  expect(form.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await form.arrayBuffer());
  const sheet = workbook.getWorksheet("Báo cáo")!;
  const rowOf = (code: string) => {
    let found = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(2).value === code) found = number;
    });
    expect(found).toBeGreaterThan(0);
    return sheet.getRow(found);
  };
  return { workbook, sheet, rowOf };
}

async function ingest(workbook: ExcelJS.Workbook): Promise<Response> {
  return stack.call(`${BASE}/agencies/${AGENCY}/workbook-ingest`, {
    key: stack.keys.agency,
    method: "POST",
    headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    body: new Uint8Array(await workbook.xlsx.writeBuffer()),
  });
}

const ACTUAL = 7;

describe("the offline form under a \"%\" unit column", () => {
  it("computes the rate as Tử số / Mẫu số with a percent format, never *100, and says so on the form", async () => {
    const { sheet, rowOf } = await downloadForm();
    const row = rowOf(ninety.indicatorCode);
    const actual = row.getCell(ACTUAL);
    const n = row.number;
    expect(actual.value).toEqual({ formula: `IF(AND(ISNUMBER(E${n}),ISNUMBER(F${n}),F${n}>0),E${n}/F${n},"")` });
    expect(isPercentFormat(actual.numFmt)).toBe(true);
    expect(sheet.getCell("A4").value).toBe(FORM_INSTRUCTION);
    const formulas: string[] = [];
    sheet.eachRow((r) => r.eachCell((cell) => {
      if (cell.formula) formulas.push(cell.formula);
    }));
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.filter((formula) => formula.includes("*100"))).toEqual([]);
  });

  it("0,92 typed into the result cell is 92%: Đạt against Tối thiểu 90%", async () => {
    const { workbook, rowOf } = await downloadForm();
    rowOf(ninety.indicatorCode).getCell(ACTUAL).value = 0.92;
    const response = await ingest(workbook);
    expect(response.status).toBe(201);
    const receipt = submissionReceiptSchema.parse(await response.json());
    expect(receipt.verdicts.find((v) => v.assignmentId === ninety.assignmentId)).toMatchObject({ verdict: "met", label: "Đạt", explanation: "Đạt: 92% ≥ 90%" });
  });

  it("46 over 50 is 92%: Đạt, stored as the fraction with its parts", async () => {
    const { workbook, rowOf } = await downloadForm();
    const row = rowOf(ninety.indicatorCode);
    row.getCell(5).value = 46;
    row.getCell(6).value = 50;
    const response = await ingest(workbook);
    expect(response.status).toBe(201);
    const receipt = submissionReceiptSchema.parse(await response.json());
    expect(receipt.verdicts.find((v) => v.assignmentId === ninety.assignmentId)).toMatchObject({ verdict: "met", explanation: "Đạt: 92% ≥ 90%" });
    const version = await (await stack.call(`${BASE}/agencies/${AGENCY}/versions/${receipt.version}`, { key: stack.keys.agency })).json();
    expect(version.values.find((v: { assignmentId: string }) => v.assignmentId === ninety.assignmentId)).toMatchObject({ actual: 0.92, numerator: 46, denominator: 50 });
  });

  it("a General-formatted 0,5 against ≥ 50% is asked about by cell, and nothing is stored", async () => {
    const { workbook, rowOf } = await downloadForm();
    const row = rowOf(fifty.indicatorCode);
    row.getCell(ACTUAL).value = 0.5;
    row.getCell(ACTUAL).numFmt = "General";
    const before = await storageSnapshot(stack);
    const response = await ingest(workbook);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body).toMatchObject({ code: "workbook_invalid" });
    expect(body.details.problems).toEqual([
      expect.objectContaining({
        code: "ambiguous_percent",
        cell: `G${row.number}`,
        message: expect.stringContaining(`Ô G${row.number}: 0,5 nghĩa là 50% hay 0,5%?`),
        choices: [
          { label: "50%", fraction: 0.5 },
          { label: "0,5%", fraction: 0.005 },
        ],
      }),
    ]);
    expect(await storageSnapshot(stack)).toEqual(before);
  });
});
