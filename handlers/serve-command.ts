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
  if (!/^\d{1,5}$/.test(values.port ?? "") || port > 65535) throw new Error(`--port must be a port number from 0 to 65535; got "${values.port}".`);
  if (values.seed !== undefined && !/^-?\d{1,16}$/.test(values.seed)) throw new Error(`--seed must be a whole number; got "${values.seed}".`);
  const unknownIds = values["unknown-ids"];
  if (unknownIds !== "not-found" && unknownIds !== "generate") throw new Error(`--unknown-ids must be not-found or generate; got "${unknownIds}".`);
  const served = await serve({
    port,
    unknownIds,
    ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
    ...(values.state ? { state: values.state } : {}),
  });
  // What the state file added, with the input that fetches each (Deadline's farm, queue and job ids included).
  for (const { store, input } of served.added) out(`added to ${store}: ${JSON.stringify(input)}`);
  out(`aws-sdk-contracts mock listening on ${served.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await served.close();
  return 0;
}
