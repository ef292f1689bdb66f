import { createHash } from "node:crypto";
import { cpSync, readFileSync, readdirSync, symlinkSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../src/cli/main.js";
import { checkFile } from "../src/check/files.js";
import { samplesDir } from "../src/check/samples.js";
import { scratchFolders } from "./support/scratch.js";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (t) => out.push(t), (t) => err.push(t));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const scratch = scratchFolders("cli");

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    try {
      if (statSync(path).isFile()) out[name] = createHash("sha256").update(readFileSync(path)).digest("hex");
    } catch {
      out[name] = "unreadable";
    }
  }
  return out;
}

/** One mutation per sample: the path the check must name when it fails. */
const mutations: [file: string, mutate: (doc: any) => void, path: string][] = [
  ["glue-GetSession.wire.json", (d) => (d.Session.CreatedOn = "2024-03-01T12:00:00Z"), "$.Session.CreatedOn"],
  ["deadline-GetSession.wire.json", (d) => (d.startedAt = 1709294400), "$.startedAt"],
  ["devicefarm-GetTestGridSession.wire.json", (d) => (d.testGridSession.arn = "arn:aws:s3:::not-a-device-farm-arn-at-all"), "$.testGridSession.arn"],
  ["devicefarm-GetRemoteAccessSession.wire.json", (d) => delete d.remoteAccessSession.vpcConfig.vpcId, "$.remoteAccessSession.vpcConfig.vpcId"],
  ["glue-GetSession.aws-cli.json", (d) => (d.Session.NumberOfWorkers = "5"), "$.Session.NumberOfWorkers"],
  ["deadline-GetSession.sdk.json", (d) => (d.sessionId = "session-001"), "$.sessionId"],
  [
    "devicefarm-GetTestGridSession.cassette.json",
    (d) => {
      const body = JSON.parse(d.response.body);
      body.testGridSession.status = 3;
      d.response.body = JSON.stringify(body);
    },
    "$.response.testGridSession.status",
  ],
  [
    "sessions.har",
    (d) => {
      const body = JSON.parse(d.log.entries[0].response.content.text);
      body.Session.Role = "not-a-role";
      d.log.entries[0].response.content.text = JSON.stringify(body);
    },
    "$.log.entries[0].Session.Role",
  ],
];

describe("aws-sdk-contracts check", () => {
  test("with no arguments checks the shipped samples, all of which pass", async () => {
    const { code, out } = await run("check");
    expect(code).toBe(0);
    expect(out).toContain("No paths given: checking the sample recordings shipped with aws-sdk-contracts.");
    expect(out).toMatch(/^8 passed, 0 failed$/m);
    expect(readdirSync(samplesDir())).toHaveLength(mutations.length);
  });

  test.each(mutations)("a mutated copy of %s fails with the right path", async (file, mutate, path) => {
    const dir = scratch();
    const doc = JSON.parse(readFileSync(join(samplesDir(), file), "utf8"));
    mutate(doc);
    writeFileSync(join(dir, file), JSON.stringify(doc));
    const { code, out } = await run("check", join(dir, file));
    expect(code).toBe(1);
    expect(out).toContain(`FAIL ${join(dir, file)}`);
    expect(out).toContain(` ${path}`);
    expect(out).toMatch(/^0 passed, 1 failed$/m);
  });

  test("drift passes by default and fails with --strict", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "tags.json"), JSON.stringify({ Session: { Id: "s-1", Status: "READY", Tags: { ManagedBy: "MCP" } } }));
    const open = await run("check", dir);
    expect(open.code).toBe(0);
    expect(open.out).toMatch(/^1 passed, 0 failed \(1 drift finding\)$/m);
    const strict = await run("check", "--strict", dir);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain("violation unknown_member $.Session.Tags");
  });

  test("bad files are one clear finding each, the others are still checked, and nothing is changed", async () => {
    const dir = scratch();
    cpSync(samplesDir(), dir, { recursive: true });
    writeFileSync(join(dir, "broken.json"), '{\n  "Session": {\n    "Id": "s-1",\n  }\n}');
    writeFileSync(join(dir, "empty.json"), "");
    writeFileSync(join(dir, "image.json"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    mkdirSync(join(dir, "nested", "deeper"), { recursive: true });
    writeFileSync(join(dir, "nested", "deeper", "ok.json"), readFileSync(join(samplesDir(), "glue-GetSession.wire.json")));
    symlinkSync(join(dir, "nested"), join(dir, "nested", "deeper", "loop"));
    symlinkSync(join(dir, "missing.json"), join(dir, "dangling.json"));
    const before = hashTree(dir);
    const { code, out } = await run("check", dir);
    expect(code).toBe(2);
    expect(out).toContain(`FAIL ${join(dir, "broken.json")}\n  error invalid_json: Malformed JSON at line 4, column 3`);
    expect(out).toContain(`FAIL ${join(dir, "empty.json")}\n  error empty: The file is empty.`);
    expect(out).toContain(`FAIL ${join(dir, "image.json")}\n  error binary: The file is binary, not JSON text.`);
    expect(out).toContain("error symlink_loop");
    expect(out).toContain(`FAIL ${join(dir, "dangling.json")}\n  error not_found`);
    expect(out).toContain(`PASS ${join(dir, "nested", "deeper", "ok.json")}`);
    expect(out).toMatch(/^9 passed, 5 failed$/m);
    expect(out).not.toMatch(/\n\s+at /);
    expect(hashTree(dir)).toEqual(before);
  });

  test("globs pick recordings, and a glob matching nothing says so", async () => {
    const dir = scratch();
    cpSync(samplesDir(), dir, { recursive: true });
    const { code, out } = await run("check", join(dir, "**/*.wire.json"));
    expect(code).toBe(0);
    expect(out).toMatch(/^4 passed, 0 failed$/m);
    const none = await run("check", join(dir, "*.xml"));
    expect(none.code).toBe(2);
    expect(none.out).toContain("The pattern matches no recording.");
  });

  test("a recording whose operation cannot be told apart asks for --operation", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "empty-object.json"), "{}");
    const { code, out } = await run("check", join(dir, "empty-object.json"));
    expect(code).toBe(2);
    expect(out).toContain("pass --operation with its id, such as glue:GetSession");
    expect((await run("check", "--operation", "glue:GetSession", join(dir, "empty-object.json"))).code).toBe(0);
  });

  test("json and junit reporters carry the same results", async () => {
    const json = await run("check", "--reporter", "json");
    const parsed = JSON.parse(json.out);
    expect(parsed.totals).toEqual({ passed: 8, failed: 0, drift: 0, unusable: 0 });
    const junit = await run("check", "--reporter", "junit");
    expect(junit.out).toMatch(/^<\?xml/);
    expect(junit.out).toContain('<testsuite name="aws-sdk-contracts check" tests="8" failures="0">');
  });

  test("usage errors exit 2 with a sentence", async () => {
    const badFormat = await run("check", "--format", "xml");
    expect(badFormat).toMatchObject({ code: 2 });
    expect(badFormat.err).toContain("--format must be one of wire, har, aws-cli, sdk-json, cassette");
    expect((await run("check", "--operation", "s3:GetObject")).err).toContain('--operation: Unknown operation "s3:GetObject". Ids are service:Operation, for the services glue, deadline, deviceFarm');
    expect((await run("check", "--operation", "glue:getjobrun")).err).toContain("Did you mean glue:GetJobRun?");
    expect((await run("check", "--bogus")).code).toBe(2);
  });

  test("a large HAR is streamed entry by entry and gives the same results", async () => {
    const dir = scratch();
    const har = JSON.parse(readFileSync(join(samplesDir(), "sessions.har"), "utf8"));
    har.log.entries = Array.from({ length: 300 }, (_, i) => har.log.entries[i % 3]);
    const path = join(dir, "big.har");
    writeFileSync(path, JSON.stringify(har, null, 1));
    const whole = await checkFile(path);
    const streamed = await checkFile(path, { streamAbove: 0 });
    expect(streamed).toEqual(whole);
    expect(streamed).toMatchObject({ ok: true, skipped: 100 });
    expect(streamed.entries).toHaveLength(200);
    writeFileSync(path, JSON.stringify(har).slice(0, 5000));
    expect((await checkFile(path, { streamAbove: 0 })).problems).toEqual([expect.objectContaining({ code: "invalid_json" })]);
  });
});

describe("on a terminal", () => {
  test("progress is drawn on stderr and the text is coloured; piped output has neither", async () => {
    const { runCheck } = await import("../src/cli/check.js");
    const out: string[] = [];
    const progress: string[] = [];
    expect(await runCheck([], { out: (t) => out.push(t), err: () => {}, progress: true, color: true, progressWrite: (t) => progress.push(t) })).toBe(0);
    expect(progress[0]).toBe("\rchecking 1/8");
    expect(progress.at(-1)).toBe("\r\x1b[K");
    expect(out.join("\n")).toContain("\x1b[32mPASS\x1b[0m");
    const plain: string[] = [];
    const drawn: string[] = [];
    await runCheck([], { out: (t) => plain.push(t), err: () => {}, progress: false, progressWrite: (t) => drawn.push(t) });
    expect(drawn).toEqual([]);
    expect(plain.join("\n")).not.toContain("\x1b[");
  });
});

describe("paths", () => {
  test("two globs over one folder, a second link to a walked folder and a dangling link the pattern cannot match are not problems", async () => {
    const dir = scratch();
    cpSync(samplesDir(), join(dir, "rec"), { recursive: true });
    mkdirSync(join(dir, "rec", "sub"));
    symlinkSync(join(dir, "nowhere.json"), join(dir, "rec", "sub", "dangling.json"));
    symlinkSync(join(dir, "rec"), join(dir, "alias"));
    const globs = await run("check", join(dir, "rec", "*.json"), join(dir, "rec", "*.har"));
    expect(globs.code).toBe(0);
    expect(globs.out).toMatch(/^8 passed, 0 failed$/m);
    const both = await run("check", join(dir, "rec", "glue-GetSession.wire.json"), join(dir, "alias", "*.wire.json"));
    expect(both.out).not.toContain("symlink_loop");
    expect(both.out).toMatch(/^4 passed, 0 failed$/m);
  });
});
