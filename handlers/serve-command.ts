import { parseArgs } from "node:util";
import { serve } from "./serve.js";

/**
 * `aws-sdk-contracts serve --port N [--seed S] [--state file.json] [--unknown-ids generate] [--log [text|json]]`.
 * Prints `aws-sdk-contracts mock listening on <url>` once it listens (a script reads the URL from that line).
 */
export async function serveCommand(args: readonly string[], out: (text: string) => void): Promise<number> {
  // `--log` alone logs text: parseArgs wants a value, so a bare one gets "text".
  const given = args.flatMap((a, i) => (a === "--log" && (args[i + 1] === undefined || args[i + 1]!.startsWith("-")) ? [a, "text"] : [a]));
  const { values } = parseArgs({
    args: given,
    strict: true,
    options: {
      port: { type: "string", default: "4566" },
      seed: { type: "string" },
      state: { type: "string" },
      "unknown-ids": { type: "string", default: "not-found" },
      log: { type: "string" },
    },
  });
  if (values.log !== undefined && values.log !== "text" && values.log !== "json") throw new Error(`--log takes text or json; got "${values.log}".`);
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
    ...(values.log ? { log: values.log as "text" | "json", onLog: out } : {}),
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
