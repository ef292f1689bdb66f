import { parseArgs } from "node:util";
import { serve } from "./serve.js";

/** `aws-sdk-contracts serve --port N [--seed S] [--state file.json] [--unknown-ids generate]`. */
export async function serveCommand(args: readonly string[], out: (text: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      port: { type: "string", default: "4566" },
      seed: { type: "string" },
      state: { type: "string" },
      "unknown-ids": { type: "string", default: "not-found" },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number; got "${values.port}".`);
  const unknownIds = values["unknown-ids"];
  if (unknownIds !== "not-found" && unknownIds !== "generate") throw new Error(`--unknown-ids must be not-found or generate; got "${unknownIds}".`);
  const served = await serve({
    port,
    unknownIds,
    ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
    ...(values.state ? { state: values.state } : {}),
  });
  out(`aws-sdk-contracts mock listening on ${served.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await served.close();
  return 0;
}
