import { GetJobRunCommand, GlueClient } from "@aws-sdk/client-glue";
import { createAwsMock, testClientConfig } from "/work/main/dist/handlers/index.js";
const config = testClientConfig({ maxAttempts: 1 });
const mock = createAwsMock({ unknownIds: "generate" });
let fresh = 0;
const cmd = () => new GetJobRunCommand({ JobName: "nightly-orders", RunId: `jr_${(fresh++).toString(16).padStart(64, "0")}` });
const direct = new GlueClient({ ...config, requestHandler: mock.requestHandler() });
await direct.send(cmd());
const canned = new TextEncoder().encode(mock.responses.at(-1).body);
const floor = new GlueClient({ ...config, requestHandler: { handle: async () => ({ response: { statusCode: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: canned } }), updateHttpClientConfig() {}, httpHandlerConfigs: () => ({}) } });
async function round(client, n) { const t = performance.now(); for (let i = 0; i < n; i++) await client.send(cmd()); return (performance.now() - t) * 1000 / n; }
const res = { floor: [], direct: [] };
for (let r = 0; r < 7; r++) { res.floor.push(await round(floor, 300)); res.direct.push(await round(direct, 300)); if (process.env.CLEAR) { mock.calls.length = 0; mock.responses.length = 0; } }
const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log("floor", med(res.floor).toFixed(0), "direct", med(res.direct).toFixed(0), "ratio", (med(res.direct) / med(res.floor)).toFixed(2), "calls", mock.calls.length);
