import { execFile, execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { main } from "../src/cli/main.js";
import { checkFile, checkPaths, checkRecording, CASSETTE, formatJunit, formatText, samplesDir } from "../src/check/index.js";
import { show } from "../src/contracts/issues.js";
import { scratchFolders } from "./support/scratch.js";

const scratch = scratchFolders("attack");

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (t) => out.push(t), (t) => err.push(t));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Fails the case instead of hanging the suite. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no result within ${ms} ms`)), ms).unref())]);
}

const writeHar = (text: string) => {
  const file = join(scratch(), "bombs.har");
  writeFileSync(file, text);
  return file;
};

const sampleHar = () => JSON.parse(readFileSync(join(samplesDir(), "sessions.har"), "utf8")) as { log: { entries: Record<string, any>[] } };
const glueWire = () => JSON.parse(readFileSync(join(samplesDir(), "glue-GetSession.wire.json"), "utf8")) as Record<string, any>;

describe("special files and arguments", () => {
  test("a FIFO, a link to /dev/zero and a folder named x.json are findings, never a hang", async () => {
    const dir = scratch();
    execFileSync("mkfifo", [join(dir, "pipe.json")]);
    symlinkSync("/dev/zero", join(dir, "zero.json"));
    mkdirSync(join(dir, "empty.json"));
    expect((await within(5000, checkFile(join(dir, "pipe.json")))).problems).toEqual([expect.objectContaining({ code: "not_regular", message: expect.stringContaining("a FIFO") })]);
    expect((await within(5000, checkFile(join(dir, "zero.json")))).problems).toEqual([expect.objectContaining({ code: "not_regular", message: expect.stringContaining("a character device") })]);
    const cli = await within(10_000, run("check", dir));
    expect(cli.code).toBe(2);
    expect(cli.out).toMatch(/pipe\.json\n {2}error not_regular/);
    // In a folder, a link out of it is not followed (it is read when named directly, above).
    expect(cli.out).toMatch(/zero\.json\n {2}error symlink_outside/);
    expect((await run("check", join(dir, "empty.json"))).out).toMatch(/error not_found: This folder holds no recordings/);
  });

  test("the CLI process itself ends on a FIFO (nothing left blocked on it)", async () => {
    const dir = scratch();
    execFileSync("mkfifo", [join(dir, "pipe.json")]);
    const result = await within(20_000, promisify(execFile)(process.execPath, ["--import", "tsx", "bin/aws-sdk-contracts.ts", "check", join(dir, "pipe.json")]).catch((e: { code: number; stdout: string }) => e));
    expect(result).toMatchObject({ code: 2, stdout: expect.stringContaining("not_regular") });
  });

  test("a reader that closes the pipe early (drift --json | head -1) ends the output quietly, exit 0", async () => {
    const shell = `"${process.execPath}" --import tsx bin/aws-sdk-contracts.ts drift --json | head -c 1 >/dev/null; echo "exit \${PIPESTATUS[0]}"`;
    const result = await within(30_000, promisify(execFile)("bash", ["-c", shell]));
    expect(result.stdout.trim()).toBe("exit 0");
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  test("checkPaths takes one path or a list, and says so for anything else", async () => {
    const reports = await checkPaths("ab.json");
    expect(reports).toEqual([expect.objectContaining({ source: "ab.json", problems: [expect.objectContaining({ code: "not_found" })] })]);
    await expect(checkPaths(42 as never)).rejects.toThrow(/expects a path or an array of paths/);
    await expect(checkPaths([""])).rejects.toThrow(/non-empty strings/);
    await expect(checkPaths(["x.json"], { format: "xml" } as never)).rejects.toThrow(/format must be one of wire, har/);
  });

  test("checkRecording never throws on its options: null is no options, a wrong one is a usage problem", () => {
    expect(checkRecording(JSON.stringify(glueWire()), null as never)).toMatchObject({ ok: true });
    expect(checkRecording("{}", { format: "xml" } as never).problems).toEqual([{ code: "usage", message: 'format must be one of wire, har, aws-cli, sdk-json, cassette; got "xml".' }]);
    expect(checkRecording("{}", { stirct: true } as never).problems[0]?.message).toMatch(/Unknown option "stirct"/);
    expect(checkRecording(null as never).problems[0]?.code).toBe("usage");
  });

  test("an input above the size limit is a too_large problem; a file is never read past it", async () => {
    const dir = scratch();
    const path = join(dir, "big.json");
    writeFileSync(path, JSON.stringify({ Session: { Id: "s", DefaultArguments: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, "v"])) } }));
    expect((await checkFile(path, { maxBytes: 4096 })).problems).toEqual([expect.objectContaining({ code: "too_large", message: expect.stringMatching(/the check reads at most 4096 bytes/) })]);
    expect((await run("check", "--max-bytes", "4096", path)).code).toBe(2);
    expect((await run("check", "--max-bytes=abc", path)).err).toContain("--max-bytes must be a positive whole number");
  });

  test("a value is shown within 80 characters without reading all of it", () => {
    let reads = 0;
    const huge = new Proxy(Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`key${i}`, "x".repeat(100)])), {
      get: (target, key) => (reads++, Reflect.get(target, key)),
    });
    expect(show(huge).length).toBeLessThanOrEqual(80);
    expect(reads).toBeLessThan(10);
    expect(show("y".repeat(10_000_000))).toMatch(/^"y{76}\.\.\.$/);
  });

  test("nesting thousands of levels deep is a too_deep problem, in a document and in a HAR entry", () => {
    const deep = `{"Session":{"Id":"s","DefaultArguments":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}}`;
    expect(checkRecording(deep).problems).toEqual([expect.objectContaining({ code: "too_deep" })]);
    const har = sampleHar();
    har.log.entries[0]!.response.content.text = deep;
    const report = checkRecording(JSON.stringify(har));
    expect(report.problems).toEqual([expect.objectContaining({ code: "invalid_entry", message: expect.stringContaining("$.log.entries[0]: the response body nests deeper than 512 levels") })]);
    expect(report.entries.length).toBeGreaterThan(0);
  });
});

describe("no false passes", () => {
  test("a body that is an object, not JSON text, is a problem in a cassette and in a HAR", () => {
    const cassette = { format: CASSETTE, operation: "glue:GetSession", request: { method: "POST", url: "https://glue.us-west-2.amazonaws.com/", headers: {}, body: "{}" }, response: { status: 200, headers: {}, body: { Session: { Id: 5 } } } };
    expect(checkRecording(JSON.stringify(cassette))).toMatchObject({ ok: false, problems: [{ code: "invalid_entry", message: "$.response: the body must be JSON text (a string); found an object." }] });
    const har = sampleHar();
    har.log.entries[0]!.response.content.text = { Session: { Id: 5 } };
    expect(checkRecording(JSON.stringify(har)).problems).toEqual([{ code: "invalid_entry", message: "$.log.entries[0]: the body must be JSON text (a string); found an object." }]);
  });

  test("a HAR without entries is unknown_format, not a Deadline response; so is a .har file without them", async () => {
    for (const log of [{ version: "1.2", creator: { name: "x" } }, { entries: null }]) {
      expect(checkRecording(JSON.stringify({ log })).problems).toEqual([{ code: "unknown_format", message: "Not a HAR file: no log.entries array." }]);
    }
    const dir = scratch();
    writeFileSync(join(dir, "x.har"), JSON.stringify({ something: 1 }));
    const cli = await run("check", join(dir, "x.har"));
    expect(cli.code).toBe(2);
    expect(cli.out).toContain("unknown_format");
  });

  test("a multi-byte character across the 8 KiB sample boundary is text, not binary", () => {
    // The sample is the first 8 KiB; the euro sign (3 bytes) and the emoji (4) straddle its end as the shift moves.
    const text = JSON.stringify({ Session: { Id: "s", Description: `${"a".repeat(8149)}€😀${"b".repeat(100)}` } });
    for (let shift = 0; shift < 6; shift++) {
      const bytes = new TextEncoder().encode(text.replace(`"Description":"`, `"Description":"${"c".repeat(shift)}`));
      expect(checkRecording(bytes).problems, `shift ${shift}`).toEqual([]);
    }
  });

  test("one bad HAR entry is one problem; every other entry is checked, the same in memory and streamed", async () => {
    const har = sampleHar();
    const good = har.log.entries.length;
    har.log.entries.splice(1, 0, { request: { method: "GET", url: "x" } }, { request: { method: "GET", url: "https://management.deadline.us-west-2.amazonaws.com/2023-10-12/farms/%E0%A4%A/queues/q/jobs/j/sessions/s", headers: [] }, response: { status: 200, headers: [], content: { text: "{}" } } });
    const dir = scratch();
    const path = join(dir, "mixed.har");
    writeFileSync(path, JSON.stringify(har));
    const whole = await checkFile(path);
    const streamed = await checkFile(path, { streamAbove: 0 });
    expect(streamed).toEqual(whole);
    expect(whole.problems).toEqual([{ code: "invalid_entry", message: "$.log.entries[1]: not a HAR entry (request and response objects expected)." }]);
    expect(whole.entries.length + whole.skipped).toBe(good + 1);
  });

  test("recorder cassettes of unmodelled commands are skipped and counted; --operation never asks for itself", async () => {
    const dir = scratch();
    const cassette = (operation: string, status: number, body: string) => ({ format: CASSETTE, operation, request: { method: "POST", url: "https://glue.us-west-2.amazonaws.com/", headers: {}, body: "{}" }, response: { status, headers: {}, body } });
    writeFileSync(join(dir, "a.cassette.json"), JSON.stringify(cassette("GlueClient:GetConnectionCommand", 200, "{}")));
    const cli = await run("check", dir);
    expect(cli.code).toBe(0);
    expect(cli.out).toContain("PASS");
    expect(cli.out).toContain("(cassette, nothing checked: 1 entry skipped (not one of the modelled operations))");
    writeFileSync(join(dir, "a.cassette.json"), JSON.stringify(cassette("GlueClient:GetConnectionCommand", 400, '{"__type":"Unmodelled"}')));
    const forced = await run("check", "--operation", "glue:GetSession", dir);
    expect(forced.out).not.toContain("pass --operation");
  });

  test("a HAR whose entries are all skipped says so", () => {
    const har = sampleHar();
    har.log.entries = har.log.entries.map((e) => ({ ...e, request: { ...e.request, url: "https://example.org/", headers: [] } }));
    const report = checkRecording(JSON.stringify(har), { source: "all-skipped.har" });
    expect(formatText([report])).toMatch(/^PASS all-skipped\.har \(har, nothing checked: \d+ entries skipped \(not one of the modelled operations\)\)/);
  });

  test("a number beyond a double is named as such", () => {
    const [finding] = checkRecording('{"Session":{"Id":"s","MaxCapacity":1e400}}').entries[0]!.findings;
    expect(finding).toMatchObject({ path: "$.Session.MaxCapacity", received: "number Infinity (beyond the range of a JSON number)" });
  });

  test("a map key named __proto__ is validated like any other", () => {
    expect(checkRecording('{"Session":{"Id":"s","DefaultArguments":{"__proto__":5}}}').entries[0]!.findings).toEqual([
      expect.objectContaining({ code: "wrong_type", path: "$.Session.DefaultArguments.__proto__" }),
    ]);
  });
});

describe("links, duplicate members and other encodings", () => {
  test("a link out of the folder being checked is reported and not followed; a link inside it, and a link named directly, are read", async () => {
    const outside = scratch();
    writeFileSync(join(outside, "elsewhere.json"), JSON.stringify(glueWire()));
    const dir = scratch();
    writeFileSync(join(dir, "a.json"), JSON.stringify(glueWire()));
    symlinkSync(join(outside, "elsewhere.json"), join(dir, "out.json"));
    symlinkSync(join(dir, "a.json"), join(dir, "in.json"));
    const reports = await checkPaths(dir);
    expect(reports.flatMap((r) => r.problems.map((p) => [r.source, p.code]))).toEqual([[join(dir, "out.json"), "symlink_outside"]]);
    expect(reports.filter((r) => r.entries.length).map((r) => r.source)).toEqual([join(dir, "a.json")]);
    expect((await checkPaths(join(dir, "out.json")))[0]!.ok).toBe(true);
  });

  test("a member named twice is a duplicate_key problem: a HAR's second entries array cannot hide the first", () => {
    const har = sampleHar();
    const broken = JSON.parse(JSON.stringify(har.log.entries[0]));
    broken.response.content.text = "{}";
    const text = JSON.stringify(har).replace('"entries":[', `"entries":[${JSON.stringify(broken)}],"entries":[`);
    const report = checkRecording(text);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ code: "duplicate_key", message: expect.stringMatching(/^\$\.log\.entries is named twice in one object/) })]);
    expect(checkRecording('{"Session":{"Id":"a","Id":"b"}}').problems.map((p) => p.message)).toEqual([expect.stringMatching(/^\$\.Session\.Id is named twice/)]);
    expect(checkRecording('{"a":[{"x":1},{"x":2}],"b":{"x":"\\u0078"}}', { operation: "glue:GetSession" }).problems).toEqual([]);
  });

  test("a UTF-16 file (with or without a byte-order mark) is read as text, not called binary", () => {
    const body = JSON.stringify(glueWire());
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, "utf16le")]);
    const bare = Buffer.from(body, "utf16le");
    for (const bytes of [le, bare]) {
      const report = checkRecording(new Uint8Array(bytes));
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    }
  });
});

describe("output a terminal and a CI can trust", () => {
  test("control characters from files and file names are escaped; JUnit is well-formed XML", async () => {
    const dir = scratch();
    const name = join(dir, "evil\x1b[2J.json");
    const body = glueWire();
    body.Session["\x1b[2J\x1b[32mPASS\x1b[0m\n"] = "\u0007";
    writeFileSync(name, JSON.stringify(body));
    const text = await run("check", "--strict", name);
    expect(text.out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(text.out).toContain("\\u001b[2J");
    const junit = formatJunit([await checkFile(name, { strict: true })]);
    expect(junit).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
    expect(junit).toContain("evil\\u001b[2J.json");
  });

  test("a gzip body is read when base64-encoded, and named when saved as raw bytes", () => {
    const har = sampleHar();
    const entry = har.log.entries.find((e) => e.request.url.includes("glue"))!;
    const original = entry.response.content.text as string;
    entry.response.content = { mimeType: "application/x-amz-json-1.1", encoding: "base64", text: gzipSync(original).toString("base64") };
    expect(checkRecording(JSON.stringify(har)).problems).toEqual([]);
    entry.response.content = { mimeType: "application/x-amz-json-1.1", text: gzipSync(original).toString("latin1") };
    const [problem] = checkRecording(JSON.stringify(har)).problems;
    expect(problem?.message).toMatch(/the body is compressed \(content-encoding: gzip\); export the HAR with decoded content/);
  });

  test("decompression bombs: each body inflates within maxBytes and all of them within a total budget; the rest of the HAR is still checked", async () => {
    const har = sampleHar();
    const glue = har.log.entries.find((e) => e.request.url.includes("glue"))!;
    const bomb = (mib: number) => ({ ...glue, response: { ...glue.response, content: { mimeType: "application/x-amz-json-1.1", encoding: "base64", text: gzipSync(Buffer.alloc(mib * 1024 * 1024, 0x20)).toString("base64") } } });
    // A 3 MiB bomb against a 1 MiB limit, then twelve 0.9 MiB bodies (blank: not JSON) against the 8 MiB total, then the sample's own entries.
    har.log.entries = [bomb(3), ...Array.from({ length: 12 }, () => bomb(0.9)), ...har.log.entries];
    const text = JSON.stringify(har);
    expect(text.length).toBeLessThan(1024 * 1024);
    for (const report of [checkRecording(text, { maxBytes: 1024 * 1024 }), (await checkPaths(writeHar(text), { maxBytes: 1024 * 1024, streamAbove: 0 }))[0]!]) {
      const large = report.problems.filter((p) => p.code === "too_large").map((p) => p.message);
      expect(large[0]).toMatch(/^\$\.log\.entries\[0\]: the gzip body was not checked: it inflates to more than 1\.0 MiB/);
      expect(large.slice(1).every((m) => /inflate to more than 8\.0 MiB in all/.test(m))).toBe(true);
      expect(large.length).toBeGreaterThanOrEqual(4);
      // The entries after the bombs were still checked.
      expect(report.entries.length).toBeGreaterThan(0);
    }
    const cli = await run("check", writeHar(text), "--max-bytes", String(1024 * 1024));
    // Problems (not a crash): exit 2 with each one named.
    expect(cli.code).toBe(2);
    expect(`${cli.out}\n${cli.err}`).toMatch(/gzip body was not checked/);
  });
});

describe("globs", () => {
  test("a glob walks only folders that can match and reports nothing from the others", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.json"), JSON.stringify(glueWire()));
    mkdirSync(join(dir, "node_modules", "pkg"), { recursive: true });
    writeFileSync(join(dir, "node_modules", "pkg", "bad.json"), "not json");
    // A link loop in a folder the glob cannot match must not be walked, nor reported.
    symlinkSync("..", join(dir, "node_modules", "pkg", "loop"));
    const reports = await checkPaths([join(dir, "*.json")]);
    expect(reports.map((r) => r.source)).toEqual([join(dir, "a.json")]);
    const deep = await checkPaths([join(dir, "node_modules", "*", "*.json")]);
    expect(deep.map((r) => r.source)).toEqual([join(dir, "node_modules", "pkg", "bad.json")]);
  });
});

describe("the check CLI under fuzzing", () => {
  test("random bytes and random JSON give exit 0, 1 or 2 with a result, within a time limit per case", async () => {
    const dir = scratch();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
          fc.json({ depthSize: "medium" }).map((j) => Buffer.from(j)),
          fc.jsonValue().map((v) => Buffer.from(JSON.stringify({ log: { entries: [v] } }))),
          fc.jsonValue().map((v) => Buffer.from(JSON.stringify({ Session: v }))),
        ),
        fc.constantFrom("x.json", "x.har"),
        async (bytes, name) => {
          const path = join(dir, `${n++}-${name}`);
          writeFileSync(path, bytes);
          const result = await within(5000, run("check", path));
          expect([0, 1, 2]).toContain(result.code);
          expect(result.out).toMatch(/\d+ passed, \d+ failed/);
          if (result.code !== 0) expect(result.out).toMatch(/error |violation /);
          expect(result.out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
          expect(result.err).not.toMatch(/\n\s+at /);
        },
      ),
      { numRuns: 150 },
    );
  });
});
