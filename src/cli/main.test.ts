import { describe, expect, test } from "vitest";
import { main } from "./main.js";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (t) => out.push(t), (t) => err.push(t));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("cli", () => {
  test("drift reports every operation as matching the installed SDKs and exits 0", async () => {
    const { code, out } = await run("drift");
    expect(code).toBe(0);
    expect(out).toMatch(/^glue: 314 operations match @aws-sdk\/client-glue@3\.1169\.0$/m);
    expect(out).toMatch(/^deadline: 126 operations match @aws-sdk\/client-deadline@3\.1107\.0$/m);
    expect(out).toMatch(/^deviceFarm: 77 operations match @aws-sdk\/client-device-farm@3\.1169\.0$/m);
    expect(out).toMatch(/^517 passed, 0 failed$/m);
    const one = await run("drift", "--operation", "glue:GetJobRun");
    expect(one.out).toMatch(/^glue: 1 operation matches @aws-sdk\/client-glue@3\.1169\.0$/m);
    expect((await run("drift", "--operation", "glue:Nope")).code).toBe(2);
  });

  test("drift --json prints the reports as data", async () => {
    const { code, out } = await run("drift", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveLength(517);
  });

  test("an unknown command or option is a usage error (exit 2) with a sentence, not a stack trace", async () => {
    const unknown = await run("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');
    const badOption = await run("drift", "--colour");
    expect(badOption.code).toBe(2);
    expect(badOption.err).toMatch(/^aws-sdk-contracts: unknown option --colour\n/);
    expect(badOption.err).not.toMatch(/\n\s+at /);
  });

  test("a mistyped option or command says what was meant; help and --version are commands", async () => {
    const typo = await run("check", "--strcit");
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/^aws-sdk-contracts: unknown option --strcit \(did you mean --strict\?\)\n/);
    expect((await run("chek")).err).toMatch(/^aws-sdk-contracts: unknown command "chek" \(did you mean check\?\)/);
    const version = await run("--version");
    expect(version.code).toBe(0);
    expect(version.out).toMatch(/^aws-sdk-contracts \d+\.\d+\.\d+$/);
    expect((await run("help")).code).toBe(0);
    expect((await run("help", "check")).out).toMatch(/^Usage: aws-sdk-contracts check/);
    // A message of the library is not prefixed twice.
    const serveError = await run("drift", "--operation", "glue:Nope");
    expect(serveError.err).not.toMatch(/\[aws-sdk-contracts\]/);
  });

  test("a finding of a null value reads 'received: null', once", async () => {
    const { checkRecording, formatText } = await import("../check/index.js");
    const report = checkRecording('{"Session":{"Id":"s","Status":null}}', { operation: "glue:GetSession" });
    expect(report.entries[0]!.findings[0]).toMatchObject({ code: "null_value", received: "null" });
    expect(formatText([report])).not.toMatch(/null null/);
  });

  test("no command prints usage and exits 2; --help exits 0", async () => {
    expect((await run()).code).toBe(2);
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("Usage: aws-sdk-contracts");
  });

  test.each(["check", "drift", "serve"])("%s --help prints that command's help and exits 0", async (command) => {
    for (const flag of ["--help", "-h"]) {
      const help = await run(command, flag);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(new RegExp(`^Usage: aws-sdk-contracts ${command} `));
    }
  });
});
