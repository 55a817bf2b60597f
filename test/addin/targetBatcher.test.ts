import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpTargetTransport, TargetBatcher } from "../../addin/functions/targetBatcher";
import { startStack, type TestStack } from "../support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

function countingFetch(): { fetch: typeof fetch; requests: number[] } {
  const requests: number[] = [];
  return {
    requests,
    fetch: async (input, init) => {
      requests.push(JSON.parse(String(init?.body)).queries.length);
      return fetch(input, init);
    },
  };
}

describe("KPI.TARGET batching against the real functions", () => {
  it("answers many cells of one recalculation with one request", async () => {
    const counter = countingFetch();
    const batcher = new TargetBatcher(httpTargetTransport(stack.host.url, stack.keys.agency, counter.fetch));
    const cells = Array.from({ length: 40 }, (_, index) =>
      batcher.target({ agency: index % 2 ? "so-tai-chinh" : "Sở Tài chính", indicatorCode: index % 3 ? "CDS-001" : "cds-002", period: "2025-Q4" }),
    );
    const unknown = batcher.target({ agency: "so-khong-co", indicatorCode: "CDS-001", period: "2025-Q4" });
    const answers = await Promise.all(cells);
    // One request for the 41 cells: 5 distinct questions (two spellings of the agency × two codes, and the unknown one).
    expect(counter.requests).toEqual([5]);
    expect(new Set(answers)).toEqual(new Set(["Tối thiểu 65%", "Tối thiểu 70%"]));
    await expect(unknown).rejects.toThrow('Không có cơ quan "so-khong-co"');

    await batcher.target({ agency: "so-tai-chinh", indicatorCode: "CDS-001", period: "2025-Q4" });
    expect(counter.requests).toHaveLength(1);
  });

  it("splits a recalculation larger than the batch cap", async () => {
    const counter = countingFetch();
    const batcher = new TargetBatcher(httpTargetTransport(stack.host.url, stack.keys.agency, counter.fetch), { maxBatch: 10 });
    await Promise.allSettled(Array.from({ length: 25 }, (_, i) => batcher.target({ agency: "so-tai-chinh", indicatorCode: `CDS-${String(i + 1).padStart(3, "0")}`, period: "2025-Q4" })));
    expect(counter.requests).toEqual([10, 10, 5]);
  });

  it("gives every pending cell a clear error when the server is down, and asks again next time", async () => {
    const down = new TargetBatcher(httpTargetTransport("http://127.0.0.1:9", stack.keys.agency));
    const results = await Promise.allSettled([1, 2, 3].map(() => down.target({ agency: "so-tai-chinh", indicatorCode: "CDS-001" })));
    expect(results.map((result) => (result.status === "rejected" ? String(result.reason.message) : "ok"))).toEqual(
      Array(3).fill("Không kết nối được máy chủ KPI; kiểm tra mạng hoặc địa chỉ máy chủ trong khung KPI."),
    );
    const counter = countingFetch();
    const revoked = new TargetBatcher(httpTargetTransport(stack.host.url, "kpi_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", counter.fetch));
    await expect(revoked.target({ agency: "so-tai-chinh", indicatorCode: "CDS-001" })).rejects.toThrow("Khóa truy cập không đúng");
    await expect(revoked.target({ agency: "so-tai-chinh", indicatorCode: "CDS-001" })).rejects.toThrow();
    expect(counter.requests).toHaveLength(2);
  });

  it("never leaves a cell busy when the server does not answer", async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const batcher = new TargetBatcher(httpTargetTransport(url, stack.keys.agency), { timeoutMs: 300 });
    await expect(batcher.target({ agency: "so-tai-chinh", indicatorCode: "CDS-001" })).rejects.toThrow("Máy chủ không trả lời kịp");
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });
});
