import { spawn } from "node:child_process";
import { CONTROL_PREFIX } from "../handlers/control.js";
import { serve } from "../handlers/serve.js";
import { median, table } from "./harness.js";

/** Milliseconds per run of `run`, the median of `n` runs. */
async function timed(n: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The CLI started as a test suite in another language starts it: until it prints its URL, then stopped. */
function startProcess(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bin/aws-sdk-contracts.ts", "serve", "--port", "0"], { stdio: ["ignore", "pipe", "ignore"] });
    let seen = "";
    child.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes("listening on ")) {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }
    });
    child.once("error", reject);
  });
}

/** What a reset between tests costs through the control API, against starting a server per test. */
export async function benchServe(): Promise<string> {
  const served = await serve({ port: 0 });
  const reset = `${served.url}${CONTROL_PREFIX}/reset?account=111111111111`;
  const body = JSON.stringify({});
  // A test's worth of state first, so the reset has something to forget.
  const glue = { "x-amz-target": "AWSGlue.CreateDatabase", "content-type": "application/x-amz-json-1.1", authorization: "AWS4-HMAC-SHA256 Credential=111111111111/20260115/us-west-2/glue/aws4_request" };
  let n = 0;
  const resetMs = await timed(200, async () => {
    await fetch(`${served.url}/`, { method: "POST", headers: glue, body: JSON.stringify({ DatabaseInput: { Name: `db${n++}` } }) });
    await fetch(reset, { method: "POST", body });
  });
  await served.close();
  const inProcessMs = await timed(20, async () => (await serve({ port: 0 })).close());
  const processMs = await timed(5, startProcess);
  const row = (name: string, ms: number) => [name, `${ms.toFixed(2)} ms`, `${(ms / resetMs).toFixed(1)}x`];
  return table("serve: a reset between tests (one call and the reset, over HTTP) against starting a server, median", ["between tests", "time", "vs reset"], [
    row("POST /reset (after one CreateDatabase)", resetMs),
    row("serve() in the same process, then close", inProcessMs),
    row("aws-sdk-contracts serve --port 0 until it listens", processMs),
  ]);
}
