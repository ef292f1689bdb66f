#!/usr/bin/env node
import { main } from "../src/cli/main.js";

// `serve` lives with the handlers (msw, the factories): loaded only when it runs.
process.exitCode = await main(process.argv.slice(2), undefined, undefined, {
  serve: async (args, out) => (await import("../handlers/serve-command.js")).serveCommand(args, out),
});
