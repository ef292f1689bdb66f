import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { table } from "./harness.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Milliseconds of one fresh `node` process running an ES module given as text. */
function once(code: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench process failed: ${r.stderr.toString().slice(0, 400)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs both sides in alternating fresh processes and returns the median of each. */
function pair(ours: string, baseline: string, rounds = 9): [number, number] {
  const a: number[] = [];
  const b: number[] = [];
  once(ours);
  once(baseline);
  for (let i = 0; i < rounds; i++) {
    a.push(once(ours));
    b.push(once(baseline));
  }
  return [median(a), median(b)];
}

const imports = (...specifiers: string[]) => specifiers.map((s) => `await import(${JSON.stringify(s)});`).join(" ");
const dist = (path: string) => join(root, "dist", path);

/**
 * Cold start, as a user meets it: the CLI checking one file against `node` importing zod, and each
 * subpath against the third-party modules that subpath needs, each in fresh processes, side by side.
 */
export function benchStartup(): string {
  // The built package is what users import; build it so the numbers describe this tree.
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
  const sample = join(root, "samples/glue-GetSession.wire.json");
  const cli = `process.argv = [process.argv[0], "aws-sdk-contracts", "check", ${JSON.stringify(sample)}]; await import(${JSON.stringify(dist("bin/aws-sdk-contracts.js"))});`;
  const rows: string[][] = [];
  const row = (what: string, against: string, [ours, base]: [number, number], goal: number) =>
    rows.push([what, against, `${ours.toFixed(0)} ms`, `${base.toFixed(0)} ms`, `${(ours / base).toFixed(2)}x`, `≤ ${goal}x`, ours / base <= goal ? "yes" : "NO"]);
  row("check one-file.json", "node + import zod", pair(cli, imports("zod")), 2);
  row("import aws-sdk-contracts", "node + import zod", pair(imports(dist("src/index.js")), imports("zod")), 1.5);
  row("import aws-sdk-contracts/check", "node + import zod", pair(imports(dist("src/check/index.js")), imports("zod")), 1.5);
  row("import aws-sdk-contracts/factories", "zod + faker (en)", pair(imports(dist("factories/index.js")), imports("zod", "@faker-js/faker/locale/en")), 1.5);
  row("import aws-sdk-contracts/handlers", "zod + faker (en) + msw", pair(imports(dist("handlers/index.js")), imports("zod", "@faker-js/faker/locale/en", "msw")), 1.5);
  return table("Cold start: fresh processes, median of 9 alternating runs each", ["what", "against", "ours", "baseline", "ratio", "goal", "met"], rows);
}
