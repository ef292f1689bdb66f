import { parseArgs } from "node:util";
import { packageVersion } from "../version.js";
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
  const helps: Record<string, string> = { check: checkHelp, drift: driftHelp, serve: serveHelp };
  if (!command || command === "-h" || command === "--help" || command === "help") {
    const topic = command === "help" ? rest[0] : undefined;
    if (topic !== undefined && !Object.hasOwn(helps, topic)) {
      err(`aws-sdk-contracts: no help for "${topic}"; commands: ${Object.keys(helps).join(", ")}.`);
      return 2;
    }
    out(topic ? helps[topic]! : usage);
    return command ? 0 : 2;
  }
  if (command === "--version" || command === "-v" || command === "version") {
    out(`aws-sdk-contracts ${packageVersion()}`);
    return 0;
  }
  const help = Object.hasOwn(helps, command) ? helps[command] : undefined;
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
        err(`aws-sdk-contracts: unknown command "${command}"${suggest(command, [...Object.keys(helps), ...Object.keys(commands), "help", "--version"])}\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    let message = (error instanceof Error ? error.message : String(error)).replace(/^\[aws-sdk-contracts\] /, "");
    // Node's parser says "Unknown option '--strcit'. To specify a positional argument…": say what was meant instead.
    const unknown = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? /Unknown option '([^']+)'/.exec(message)?.[1] : undefined;
    if (unknown) message = `unknown option ${unknown}${suggest(unknown, optionsOf(help ?? ""))}`;
    const usageOf = help ?? usage;
    err(`aws-sdk-contracts: ${clean(message)}${error instanceof UsageError || code?.startsWith("ERR_PARSE_ARGS") ? `\n\n${usageOf}` : ""}`);
    return 2;
  }
}


/** The options a help text lists (`--strict`, `-q`, …). */
const optionsOf = (help: string): string[] => [...help.matchAll(/^\s+(?:(-\w), )?(--[\w-]+)/gm)].flatMap((m) => [m[2]!, ...(m[1] ? [m[1]] : [])]);

/** ` (did you mean --strict?)` when one known word is within two edits of what was typed. */
function suggest(typed: string, known: readonly string[]): string {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const best = known.map((k) => [k, distance(typed.replace(/=.*$/, ""), k)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= 2 ? ` (did you mean ${best[0]}?)` : "";
}

