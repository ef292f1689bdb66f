import { parseArgs } from "node:util";
import { runCheck, UsageError } from "./check.js";
import { runDrift } from "./drift.js";

const usage = `Usage: aws-sdk-contracts <command> [options]

Commands:
  check [paths or globs...]   Check recorded responses against the contracts
                              (no paths: the sample recordings shipped with the package)
      --strict                Drift (unknown members or enum values) fails
      --operation ID          The operation the recordings answer (glue:GetSession, ...)
      --format FORMAT         wire | har | aws-cli | sdk-json | cassette (detected by default)
      --reporter NAME         text (default) | json | junit
      -q, --quiet             Only failing files
  drift [--json]              Compare the contracts with the AWS SDK clients installed here
  serve [--port N] [--seed S] [--state file.json] [--unknown-ids generate]
                              Serve the mock over HTTP on 127.0.0.1 (for --endpoint-url)

Exit codes: 0 clean, 1 violations, 2 unusable input or usage error.

Options:
  -h, --help       Show this help`;

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
  try {
    switch (command) {
      case "check":
        return await runCheck(rest, {
          out,
          err,
          progress: Boolean(process.stderr.isTTY) && !process.env.CI,
          color: Boolean(process.stdout.isTTY) && !process.env.CI && !process.env.NO_COLOR,
          progressWrite: (t) => void process.stderr.write(t),
        });
      case "drift": {
        const { values } = parseArgs({ args: [...rest], options: { json: { type: "boolean", default: false } }, strict: true });
        return await runDrift({ json: values.json ?? false }, out);
      }
      default:
        if (commands[command]) return await commands[command](rest, out, err);
        err(`aws-sdk-contracts: unknown command "${command}".\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    err(`aws-sdk-contracts: ${message}${error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") ? `\n\n${usage}` : ""}`);
    return 2;
  }
}

