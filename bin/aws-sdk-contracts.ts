#!/usr/bin/env node
import { main } from "../src/cli/main.js";

// A reader that stops early (`drift --json | head`) closes the pipe: that ends the output, not in a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// `serve` lives with the handlers (msw, the factories): loaded only when it runs.
process.exitCode = await main(process.argv.slice(2), undefined, undefined, {
  serve: async (args, out) => (await import("../handlers/serve-command.js")).serveCommand(args, out),
});
