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
    expect(badOption.err).toMatch(/^aws-sdk-contracts: Unknown option '--colour'/);
    expect(badOption.err).not.toMatch(/\n\s+at /);
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
