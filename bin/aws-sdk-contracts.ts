#!/usr/bin/env node
import { main } from "../src/cli/main.js";
import { serveCommand } from "../handlers/serve-command.js";

process.exitCode = await main(process.argv.slice(2), undefined, undefined, { serve: serveCommand });
