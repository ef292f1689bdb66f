import { parseArgs } from "node:util";
import { clean } from "../check/print.js";
import { checkHelp, driftHelp, serveHelp, usage, UsageError } from "./usage.js";

/** Runs the CLI with the given arguments; resolves to the exit code. */
type Print = (text: string) => void;

/** A command contributed by another part of the package (the bin adds `serve` from the handlers). */
export type Command = (args: readonly string[], out: Print, err: Print) => Promise<number>;

export async function main(
  argv: readonly string[],
  out: Print = (t) => void process.stdout.write(`${t}\n`),
  err: Print = (t) => void process.stderr.write(`${t}\n`),
  commands: Readonly<Record<string, Command>> = {},
): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help") {
    out(usage);
    return command ? 0 : 2;
  }
  const help = { check: checkHelp, drift: driftHelp, serve: serveHelp }[command];
  if (help && (rest.includes("--help") || rest.includes("-h"))) {
    out(help);
    return 0;
  }
  try {
    // Each command loads its own code when it runs: checking a file never loads the mock.
    switch (command) {
      case "check": {
        const { runCheck } = await import("./check.js");
        return await runCheck(rest, {
          out,
          err,
          progress: Boolean(process.stderr.isTTY) && !process.env.CI,
          color: Boolean(process.stdout.isTTY) && !process.env.CI && !process.env.NO_COLOR,
          progressWrite: (t) => void process.stderr.write(t),
        });
      }
      case "drift": {
        const { runDrift } = await import("./drift.js");
        const { values } = parseArgs({ args: [...rest], options: { json: { type: "boolean", default: false }, operation: { type: "string" } }, strict: true });
        return await runDrift({ json: values.json ?? false, ...(values.operation ? { operation: values.operation } : {}) }, out);
      }
      default:
        if (commands[command]) return await commands[command](rest, out, err);
        err(`aws-sdk-contracts: unknown command "${command}".\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const usageOf = help ?? usage;
    err(`aws-sdk-contracts: ${clean(message)}${error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") ? `\n\n${usageOf}` : ""}`);
    return 2;
  }
}

