// Tests the package as users get it: pack it, install the tarball into a scratch project, import every
// subpath from ESM (and from CommonJS with require), run the CLI, and run the README quick start there.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const scratch = mkdtempSync(join(tmpdir(), "aws-sdk-contracts-package-"));
const sh = (cmd, args, cwd = scratch) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
let failures = 0;
let checks = 0;
const check = (name, fn) => {
  checks++;
  try {
    fn();
    console.log(`ok - ${name}`);
  } catch (error) {
    failures++;
    console.log(`not ok - ${name}\n  ${String(error.stdout ?? error.message).split("\n").slice(0, 20).join("\n  ")}`);
  }
};

try {
  // Packed the way a release is: from a clean clone of what is committed (no dist/), so `prepack` must build it.
  const clone = join(scratch, "clone");
  sh("git", ["clone", "-q", root, clone], scratch);
  sh("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], clone);
  const tarball = sh("npm", ["pack", "--silent", "--pack-destination", scratch], clone).trim().split("\n").pop();
  rmSync(clone, { recursive: true, force: true });
  check("the tarball packed from a clean clone ships the built code", () => {
    const files = sh("tar", ["-tzf", join(scratch, tarball)]);
    for (const f of ["package/dist/src/index.js", "package/dist/src/index.d.ts", "package/dist/handlers/index.js", "package/dist/factories/index.js", "package/dist/bin/aws-sdk-contracts.js"]) {
      if (!files.split("\n").includes(f)) throw new Error(`${f} is not in the tarball`);
    }
  });
  // msw is an optional peer: the direct transport works without it installed.
  const bare = join(scratch, "without-msw");
  sh("mkdir", ["-p", bare]);
  writeFileSync(join(bare, "package.json"), JSON.stringify({ name: "without-msw", private: true, type: "module" }));
  sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(scratch, tarball), `zod@${pkg.devDependencies.zod}`], bare);
  check("drift with no SDK client installed is a usage error, not 0 passed", () => {
    try {
      execFileSync("npx", ["--no-install", "aws-sdk-contracts", "drift"], { cwd: bare, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
      throw new Error("drift exited 0");
    } catch (error) {
      if (error.status !== 2 || !/None of the SDK clients to compare with is installed/.test(error.stderr)) throw new Error(`exit ${error.status}: ${error.stderr ?? error.message}`);
    }
  });
  sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", `@aws-sdk/client-glue@${pkg.devDependencies["@aws-sdk/client-glue"]}`], bare);
  check("the handlers load and answer through requestHandler() without msw installed", () => {
    writeFileSync(
      join(bare, "direct.mjs"),
      `import assert from "node:assert";
import { GetJobRunCommand, GlueClient } from "@aws-sdk/client-glue";
import { createAwsMock, testClientConfig } from "aws-sdk-contracts/handlers";
const mock = createAwsMock({ unknownIds: "generate" });
const glue = new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
const out = await glue.send(new GetJobRunCommand({ JobName: "nightly", RunId: "jr_0123" }));
assert.equal(out.JobRun.Id, "jr_0123");
assert.throws(() => mock.handlers, /mock\.handlers needs msw/);
`,
    );
    sh("node", ["direct.mjs"], bare);
  });
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  const dev = pkg.devDependencies;
  const peers = ["zod", "msw", "vitest", "@aws-sdk/client-glue", "@aws-sdk/client-deadline", "@aws-sdk/client-device-farm"].map((n) => `${n}@${dev[n]}`);
  sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(scratch, tarball), ...peers]);
  let jest = true;
  try {
    sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "jest@30"]);
  } catch {
    jest = false;
    console.log("# jest could not be installed here: the jest check is skipped");
  }

  check("the installed package bundles for the browser (its `browser` entry, msw/browser, a Deadline client): no Node built-in, shapes in chunks of their own", () => {
    writeFileSync(
      join(scratch, "bundle.mjs"),
      `import { build } from ${JSON.stringify(join(root, "node_modules/esbuild/lib/main.js"))};
const result = await build({
  stdin: { contents: 'import { createAwsMock, preload } from "aws-sdk-contracts/handlers"; import { setupWorker } from "msw/browser"; import { DeadlineClient } from "@aws-sdk/client-deadline"; const mock = createAwsMock(); await setupWorker(...mock.handlers).start(); await preload("deadline"); new DeadlineClient({});', resolveDir: process.cwd() },
  bundle: true, write: false, format: "esm", splitting: true, outdir: "out", platform: "browser", metafile: true, logLevel: "error", absWorkingDir: process.cwd(),
});
const inputs = Object.keys(result.metafile.inputs);
if (!inputs.some((i) => i.endsWith("dist/handlers/browser.js"))) throw new Error("the browser entry was not taken");
if (inputs.some((i) => i.endsWith("dist/handlers/serve.js"))) throw new Error("serve is in the browser bundle");
const shapeChunks = Object.values(result.metafile.outputs).filter((o) => Object.keys(o.inputs).some((i) => i.endsWith("shapes.json")));
if (shapeChunks.length !== 3 || shapeChunks.some((o) => Object.keys(o.inputs).length !== 1)) throw new Error("each service's shapes should be a chunk of its own");
`,
    );
    sh("node", ["bundle.mjs"]);
  });
  check("with no Node built-in to reach and no bundler (Deno-like), the installed package loads a service's shapes as a JSON module and answers", () => {
    writeFileSync(
      join(scratch, "unbundled.mjs"),
      `delete process.getBuiltinModule;
const { CreateDatabaseCommand, GetDatabaseCommand, GlueClient } = await import("@aws-sdk/client-glue");
const { createAwsMock, testClientConfig } = await import("aws-sdk-contracts/handlers");
const mock = createAwsMock();
const glue = new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: "sales" } }));
const { Database } = await glue.send(new GetDatabaseCommand({ Name: "sales" }));
if (Database.Name !== "sales") throw new Error("unexpected answer " + JSON.stringify(Database));
`,
    );
    sh("node", ["unbundled.mjs"]);
  });
  check("every subpath imports from ESM", () => {
    writeFileSync(
      join(scratch, "esm.mjs"),
      `import assert from "node:assert";
import { registry } from "aws-sdk-contracts";
import { createFactories } from "aws-sdk-contracts/factories";
import { createAwsMock } from "aws-sdk-contracts/handlers";
import { checkRecording } from "aws-sdk-contracts/check";
assert.equal(registry.operations.length, 517);
assert.deepEqual(registry.get("glue:GetJobRun").request.shape.required, ["JobName", "RunId"]);
assert.equal(createFactories({ seed: 1 }).glue.session.build().Status, "READY");
assert.equal(typeof createAwsMock().requestHandler, "function");
assert.equal(checkRecording('{"Session":{"Id":"s"}}').ok, true);
`,
    );
    sh("node", ["esm.mjs"]);
  });

  check("the main subpaths load with require() from CommonJS", () => {
    writeFileSync(
      join(scratch, "cjs.cjs"),
      `const assert = require("node:assert");
const { registry } = require("aws-sdk-contracts");
const { checkRecording } = require("aws-sdk-contracts/check");
const { createFactories } = require("aws-sdk-contracts/factories");
assert.equal(registry.get("glue:GetSession").id, "glue:GetSession");
assert.equal(checkRecording("{}", { operation: "glue:GetSession" }).ok, true);
assert.ok(createFactories().deadline.session.build().sessionId.startsWith("session-"));
`,
    );
    sh("node", ["cjs.cjs"]);
  });

  check("the CLI checks the shipped samples", () => {
    const out = sh("npx", ["--no-install", "aws-sdk-contracts", "check"]);
    if (!/^8 passed, 0 failed$/m.test(out)) throw new Error(out);
  });

  check("the CLI compares with the installed SDK clients", () => {
    const out = sh("npx", ["--no-install", "aws-sdk-contracts", "drift"]);
    if (!/^glue: 314 operations match @aws-sdk\/client-glue@/m.test(out) || !/^517 passed, 0 failed$/m.test(out)) throw new Error(out);
  });

  check("the README quick start passes in the scratch project", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const quickStart = /## Quick start: a test with the mock\n\n```ts\n([\s\S]*?)```/.exec(readme)[1];
    writeFileSync(join(scratch, "quick-start.test.ts"), quickStart);
    sh("npx", ["--no-install", "vitest", "run", "--root", scratch, "quick-start.test.ts"]);
  });
  if (jest) {
    check("jest (native ESM) runs a test with the factories and the direct transport", () => {
      writeFileSync(
        join(scratch, "glue.test.mjs"),
        `import { GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import { createFactories } from "aws-sdk-contracts/factories";
import { createAwsMock, testClientConfig } from "aws-sdk-contracts/handlers";

test("a factory-built session comes back through the real client", async () => {
  const mock = createAwsMock();
  const session = mock.glue.sessions.add(createFactories({ seed: 9 }).glue.session.with("ready").build({ Id: "jest-1" }));
  const glue = new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
  const out = await glue.send(new GetSessionCommand({ Id: "jest-1" }));
  expect(out.Session).toEqual(session);
});
`,
      );
      writeFileSync(join(scratch, "jest.config.json"), JSON.stringify({ testMatch: ["**/glue.test.mjs"], transform: {} }));
      execFileSync("npx", ["--no-install", "jest", "--config", "jest.config.json"], {
        cwd: scratch,
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
        env: { ...process.env, NODE_OPTIONS: "--experimental-vm-modules --no-warnings" },
      });
    });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`package: ${checks - failures} passed, ${failures} failed`);
process.exitCode = failures ? 1 : 0;
