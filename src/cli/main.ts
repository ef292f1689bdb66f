import { parseArgs } from "node:util";
import { runDrift } from "./drift.js";

const usage = `Usage: aws-sdk-contracts <command> [options]

Commands:
  drift [--json]   Compare the contracts with the AWS SDK clients installed here

Options:
  -h, --help       Show this help`;

/** Runs the CLI with the given arguments; resolves to the exit code. */
type Print = (text: string) => void;

export async function main(
  argv: readonly string[],
  out: Print = (t) => void process.stdout.write(`${t}\n`),
  err: Print = (t) => void process.stderr.write(`${t}\n`),
): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help") {
    out(usage);
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case "drift": {
        const { values } = parseArgs({ args: [...rest], options: { json: { type: "boolean", default: false } }, strict: true });
        return await runDrift({ json: values.json ?? false }, out);
      }
      default:
        err(`aws-sdk-contracts: unknown command "${command}".\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    err(`aws-sdk-contracts: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

