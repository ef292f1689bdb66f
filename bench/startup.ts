import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, table } from "./harness.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Milliseconds of one fresh `node` process running an ES module given as text. */
function once(code: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench process failed: ${r.stderr.toString().slice(0, 400)}`);
  return ms;
}

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

/** The commit before the every-operation contracts: four operations, hand-written. */
const BEFORE = process.env.BENCH_BEFORE ?? "b75e936";

function packSize(dir: string): { packed: number; unpacked: number } {
  const [info] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as { size: number; unpackedSize: number }[];
  return { packed: info!.size, unpacked: info!.unpackedSize };
}

/**
 * Before and after, side by side: importing the package and its size, for this tree and for the commit
 * `BENCH_BEFORE` (built in a temporary worktree of this repository).
 */
export function benchBeforeAfter(): string {
  const dir = mkdtempSync(join(tmpdir(), "aws-sdk-contracts-before-"));
  const before = join(dir, "tree");
  try {
    execFileSync("git", ["worktree", "add", "--detach", before, BEFORE], { cwd: root, stdio: "ignore" });
    symlinkSync(join(root, "node_modules"), join(before, "node_modules"));
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(before, "tsconfig.build.json")], { cwd: before, stdio: "inherit" });
    // Trees whose build copies data files beside the compiled modules.
    if (existsSync(join(before, "scripts/copy-data.mjs"))) execFileSync(process.execPath, [join(before, "scripts/copy-data.mjs")], { cwd: before, stdio: "inherit" });
    const [after, old] = pair(imports(dist("src/index.js")), imports(join(before, "dist/src/index.js")), 11);
    const [handlersAfter, handlersBefore] = pair(imports(dist("handlers/index.js")), imports(join(before, "dist/handlers/index.js")), 11);
    // A mock's first answer: its service's shapes read and linked, a factory built, the SDK's request answered.
    const firstAnswer = (tree: string) => `
      const { createAwsMock } = await import(${JSON.stringify(join(tree, "dist/handlers/index.js"))});
      const mock = createAwsMock();
      const r = await mock.handle(new Request("https://glue.us-east-1.amazonaws.com/", { method: "POST", headers: { "x-amz-target": "AWSGlue.GetDatabases", "content-type": "application/x-amz-json-1.1" }, body: "{}" }));
      if (!r || r.status !== 200) process.exit(3);`;
    const [answerAfter, answerBefore] = pair(firstAnswer(root), firstAnswer(before), 11);
    const size = { after: packSize(root), before: packSize(before) };
    const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
    return table(`Before (${BEFORE}) and after (this tree), median of 11 alternating runs`, ["what", "before", "after", "after / before", "budget"], [
      ["import aws-sdk-contracts", `${old.toFixed(0)} ms`, `${after.toFixed(0)} ms`, `${(after / old).toFixed(2)}x`, "≤ 1.2x"],
      ["import aws-sdk-contracts/handlers", `${handlersBefore.toFixed(0)} ms`, `${handlersAfter.toFixed(0)} ms`, `${(handlersAfter / handlersBefore).toFixed(2)}x`, "≤ 1.2x"],
      ["a mock's first answer (fresh process)", `${answerBefore.toFixed(0)} ms`, `${answerAfter.toFixed(0)} ms`, `${(answerAfter / answerBefore).toFixed(2)}x`, "≤ 1.2x"],
      ["npm pack size", mb(size.before.packed), mb(size.after.packed), `${(size.after.packed / size.before.packed).toFixed(2)}x`, ""],
      ["unpacked size", mb(size.before.unpacked), mb(size.after.unpacked), `${(size.after.unpacked / size.before.unpacked).toFixed(2)}x`, "< 8 MB"],
    ]);
  } catch (error) {
    return `\nBefore and after: not measured (${(error as Error).message.split("\n")[0]}); set BENCH_BEFORE to a commit of this repository.`;
  } finally {
    if (existsSync(before)) spawnSync("git", ["worktree", "remove", "--force", before], { cwd: root, stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The first build of a never-used operation's output, in fresh processes of the built package: the
 * first operation of a process (which also reads and links its service's shapes) and then others of
 * each service that nothing has built yet. Contracts are lazy: none of this builds a zod schema.
 */
export function benchFirstBuild(): string {
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
  const code = `
    const { createFactories } = await import(${JSON.stringify(dist("factories/index.js"))});
    const { registry } = await import(${JSON.stringify(dist("src/index.js"))});
    const f = createFactories({ seed: 1 });
    const time = (id) => { const t = performance.now(); f.operation(id).build(); return performance.now() - t; };
    const out = { first: {}, next: {} };
    for (const service of ["glue", "deadline", "deviceFarm"]) {
      const ops = registry.operations.filter((op) => op.service.id === service);
      out.first[service] = time(ops[Math.floor(ops.length / 2)].id);
      out.next[service] = ops.filter((_, i) => i % 9 === 1).map((op) => time(op.id));
    }
    process.stdout.write(JSON.stringify(out));`;
  const runs = Array.from({ length: 7 }, () => JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, encoding: "utf8" })) as { first: Record<string, number>; next: Record<string, number[]> });
  const rows = ["glue", "deadline", "deviceFarm"].map((service) => {
    const first = median(runs.map((r) => r.first[service]!));
    const next = runs.flatMap((r) => r.next[service]!);
    const sorted = [...next].sort((a, b) => a - b);
    const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
    const under = next.filter((ms) => ms < 5).length / next.length;
    return [service, `${first.toFixed(1)} ms`, `${median(next).toFixed(2)} ms`, `${p90.toFixed(2)} ms`, `${sorted.at(-1)!.toFixed(1)} ms`, `${(under * 100).toFixed(0)}%`];
  });
  return table(
    "First build of a never-used operation's output (fresh processes of dist/, 7 runs)",
    ["service", "first of the process (reads the service's shapes)", "another never-used operation: median", "p90", "max", "under 5 ms (goal)"],
    rows,
  );
}
