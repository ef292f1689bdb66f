/** A mistake in how the CLI was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export const checkHelp = `Usage: aws-sdk-contracts check [paths or globs...] [options]

Check recorded responses against the contracts (no paths: the sample recordings shipped with the package).

Options:
  --strict                Drift (unknown members or enum values) fails
  --operation ID          The operation the recordings answer (glue:GetSession, ...)
  --format FORMAT         wire | har | aws-cli | sdk-json | cassette (detected by default)
  --reporter NAME         text (default) | json | junit
  -q, --quiet             Only failing files
  --max-bytes N           Largest input checked (default 67108864, 64 MiB)
  -h, --help              Show this help

Exit codes: 0 clean, 1 violations, 2 unusable input or usage error.`;

export const driftHelp = `Usage: aws-sdk-contracts drift [--operation ID] [--json]

Compare the contracts with the AWS SDK clients installed here: one line per service when they match,
one line per difference otherwise; exit 1 on any difference.

Options:
  --operation ID          Only this operation (glue:GetJobRun, ...)
  --json                  Print the reports as JSON
  -h, --help              Show this help`;

export const serveHelp = `Usage: aws-sdk-contracts serve [--port N] [--seed S] [--state file.json] [--unknown-ids generate] [--log [text|json]]

Serve the mock over HTTP on 127.0.0.1, for clients outside JavaScript (aws --endpoint-url, boto3).
Prints "aws-sdk-contracts mock listening on <url>" once listening; stops on SIGINT or SIGTERM.
A client whose access key id is twelve digits talks to that account's own state.
Control API (reset, state, faults, answers, calls): <url>/_aws-sdk-contracts/v1/ (see README).

Options:
  --port N                Port on 127.0.0.1 (default 4566; 0 picks a free one)
  --seed S                Seed of the generated answers (a whole number)
  --state FILE            A JSON file of sessions and resources to add at start
  --unknown-ids MODE      not-found (default) | generate
  --log [FORMAT]          One line per call: text (default) or json
  -h, --help              Show this help`;

export const usage = `Usage: aws-sdk-contracts <command> [options]

Commands:
  check [paths or globs...]   Check recorded responses against the contracts
                              (no paths: the sample recordings shipped with the package)
  drift [--operation ID] [--json]
                              Compare the contracts with the AWS SDK clients installed here
  serve [--port N] [--seed S] [--state file.json] [--unknown-ids generate] [--log [text|json]]
                              Serve the mock over HTTP on 127.0.0.1 (for --endpoint-url)

  help [command]              This text, or a command's options
  --version                   The version of aws-sdk-contracts

Run "aws-sdk-contracts <command> --help" for a command's options.
Exit codes: 0 clean, 1 violations, 2 unusable input or usage error.

Options:
  -h, --help       Show this help`;
