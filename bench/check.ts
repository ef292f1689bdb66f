import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkFile, checkRecording, samplesDir } from "../src/check/index.js";
import { fmt, measure, table } from "./harness.js";

/** Check throughput next to bare JSON.parse on the same bytes, and peak memory as a HAR grows. */
export async function benchCheck(): Promise<string> {
  const rows: string[][] = [];
  for (const name of ["glue-GetSession.wire.json", "deadline-GetSession.wire.json", "devicefarm-GetRemoteAccessSession.wire.json"]) {
    const text = readFileSync(join(samplesDir(), name), "utf8");
    const [check, parse] = measure([
      { name: "check", run: () => checkRecording(text) },
      { name: "JSON.parse", run: () => JSON.parse(text) },
    ]);
    const mb = (ops: number) => (ops * text.length) / 1e6;
    rows.push([name, fmt(check!.opsPerSecond), fmt(mb(check!.opsPerSecond)), fmt(mb(parse!.opsPerSecond)), `${(parse!.opsPerSecond / check!.opsPerSecond).toFixed(2)}x`]);
  }
  const out = [
    table("Check: wire recordings, median of 5 alternating rounds", ["recording", "recordings/s", "check MB/s", "JSON.parse MB/s", "cost vs JSON.parse"], rows),
  ];

  const dir = mkdtempSync(join(tmpdir(), "aws-sdk-contracts-bench-"));
  try {
    const har = JSON.parse(readFileSync(join(samplesDir(), "sessions.har"), "utf8"));
    const template = har.log.entries;
    const harRows: string[][] = [];
    for (const count of [10_000, 100_000]) {
      har.log.entries = Array.from({ length: count }, (_, i) => template[i % template.length]);
      const path = join(dir, `big-${count}.har`);
      writeFileSync(path, JSON.stringify(har));
      const size = statSync(path).size;
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
      const t0 = performance.now();
      const report = await checkFile(path, { streamAbove: 0 });
      const checkMs = performance.now() - t0;
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      const t1 = performance.now();
      JSON.parse(readFileSync(path, "utf8"));
      const parseMs = performance.now() - t1;
      harRows.push([
        `${count} entries, ${(size / 1e6).toFixed(1)} MB`,
        fmt(size / 1e3 / checkMs),
        fmt((report.entries.length / checkMs) * 1000),
        fmt(size / 1e3 / parseMs),
        `${(checkMs / parseMs).toFixed(2)}x`,
        `${((peak - before) / 1e6).toFixed(0)} MB`,
      ]);
    }
    out.push(table("Check: a HAR streamed entry by entry (one run each; readFile + JSON.parse as the reference)", ["HAR", "check MB/s", "entries/s", "JSON.parse MB/s", "cost vs JSON.parse", "peak RSS growth"], harRows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out.join("\n");
}
