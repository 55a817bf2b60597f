import { describe, expect, it } from "vitest";
import { runKpi, runKpiEntryPoint } from "../support/kpiProcess";

/**
 * The other CLI tests run `kpi` built once for speed; this one runs what people type, `node bin/kpi.mjs` (what
 * `npx kpi` starts), from the TypeScript sources, and checks that the built one answers the same.
 */
describe("bin/kpi.mjs", () => {
  it("prints the Vietnamese usage for --help and exits 0, as the built kpi does", async () => {
    const [sources, built] = await Promise.all([runKpiEntryPoint(["--help"]), runKpi(["--help"])]);
    expect(sources.code, sources.stderr).toBe(0);
    expect(sources.stdout).toContain("Cách dùng: kpi <lệnh> [tham số]");
    expect(sources.stderr).toBe("");
    expect(built).toEqual(sources);
  }, 60_000);

  it("judges a line on stdin, and exits 2 for a command it does not have, as the built kpi does", async () => {
    const line = JSON.stringify({ target: "Tối thiểu 90%", actual: 0.899 }) + "\n";
    const [sources, built] = await Promise.all([runKpiEntryPoint(["eval"], {}, line), runKpi(["eval"], {}, line)]);
    expect(sources.code, sources.stderr).toBe(0);
    expect(JSON.parse(sources.stdout)).toMatchObject({ verdict: "not_met", label: "Không đạt" });
    expect(built).toEqual(sources);

    const unknown = await runKpiEntryPoint(["khong-co-lenh"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Không có lệnh "khong-co-lenh"');
  }, 60_000);
});
