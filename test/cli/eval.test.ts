import { describe, expect, it } from "vitest";
import { runKpi } from "../support/kpiProcess";

/** Runs the real `kpi` command with the given stdin and returns its stdout lines parsed as JSON. */
async function kpi(args: string[], input: string): Promise<{ code: number; lines: Array<Record<string, unknown>>; stderr: string }> {
  const { code, stdout, stderr } = await runKpi(args, {}, input);
  const lines = stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, lines, stderr };
}

describe("kpi eval", () => {
  it("answers each JSON line in order with the verdict the issue examples expect", async () => {
    const input = [
      { target: "Tối thiểu 90%", actual: 0.9 },
      { target: "Tối thiểu 90%", actual: 0.899 },
      { target: "$>95\\%$", actual: 0.95 },
      { target: "≥ 70", unit: "%", actual: "52,9" },
      { target: "Thực hiện theo lộ trình của Bộ LD-TB&XH", actual: 1 },
      { target: "Tối thiểu 90%", actual: null },
      { target: "", indicator: "Tỷ lệ hồ sơ giải quyết trực tuyến đạt tỷ lệ tối thiểu 60%", actual: 0.61 },
    ]
      .map((line) => JSON.stringify(line))
      .join("\n");
    const { code, lines } = await kpi(["eval"], input + "\n");
    expect(code).toBe(0);
    expect(lines.map((line) => line.verdict)).toEqual(["met", "not_met", "not_met", "not_met", "needs_review", "no_data", "met"]);
    expect(lines[0]).toMatchObject({ kind: "percent", label: "Đạt", explanation: "Đạt: 90% ≥ 90%" });
    expect(lines[4]).toMatchObject({ kind: "manual", label: "Cần đánh giá" });
  });

  it("reports a malformed line and goes on with the rest", async () => {
    const input = ['{"target": "≥ 1 lần/năm", "actual": 2}', "not json", '{"actual": 1}', '{"target":"= 5%","actual":0.05}', '{"target":"Đề án","actual":"Hoàn thành"}'].join("\n");
    const { code, lines } = await kpi(["eval"], input);
    expect(code).toBe(1);
    // "= 5%" is a target written wrongly, not malformed input: a person judges it, told what could not be read.
    expect(lines.map((line) => line.verdict)).toEqual(["met", "error", "error", "needs_review", "met"]);
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(String(lines[2]!.message)).toContain("target");
    expect(String(lines[3]!.explanation)).toContain("≥");
  });

  it("never answers an error for a formula or a sentence: those go to a person", async () => {
    const input = [
      '{"target": "=B2*100", "actual": 0.9}',
      '{"target": "Thực hiện theo lộ trình của Bộ LĐ-TB&XH", "actual": "Hoàn thành"}',
      '{"target": "vào Top 20 địa phương CĐS", "actual": "21"}',
      '{"target": "kinh tế số chiếm khoảng 20% GRDP", "actual": 0.25}',
    ].join("\n");
    const { code, lines } = await kpi(["eval"], input);
    expect(code).toBe(0);
    expect(lines.map((line) => line.verdict)).toEqual(["needs_review", "needs_review", "not_met", "needs_review"]);
  });
});

describe("kpi explain", () => {
  it("prints how a target reads", async () => {
    const { code, lines } = await kpi(["explain", "--json", "Tối thiểu 200 tin, bài/ năm"], "");
    expect(code).toBe(0);
    expect(lines[0]).toMatchObject({ ok: true, target: { kind: "frequency", value: 200, per: "year" } });
  });
});
