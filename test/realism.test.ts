import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createFactories } from "../factories/index.js";
import { createAwsMock } from "../handlers/index.js";
import { client, send } from "./support/sdk.js";
import { registry } from "../src/index.js";
import { realismFindings } from "./support/realism.js";

const factories = createFactories({ seed: 20 });
const regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "eu-central-1"];

describe("every generated output reads like AWS's", () => {
  test.each([...registry.services])("%s: for any seed, account and region, every operation's output keeps the realism rules", (service) => {
    const ops = registry.operations.filter((op) => op.service.id === service);
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...regions), fc.stringMatching(/^[1-9][0-9]{11}$/), (seed, region, account) => {
        for (const op of ops) {
          const output = factories.operation(op.id).build(undefined, { seed, region, account });
          const findings = realismFindings(service, op.response.shape, output, { account, region });
          expect(findings, op.id).toEqual([]);
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe("an answer names the client's region and the mock's account", () => {
  test.each([
    ["glue:GetJob", "eu-west-1", { JobName: "orders-etl" }],
    ["glue:GetTable", "ap-southeast-2", { DatabaseName: "sales", Name: "orders" }],
    ["glue:GetCrawler", "us-east-1", { Name: "orders-crawler" }],
    ["deadline:GetJob", "eu-central-1", { farmId: `farm-${"1".repeat(32)}`, queueId: `queue-${"2".repeat(32)}`, jobId: `job-${"3".repeat(32)}` }],
    ["deadline:GetFleet", "us-east-2", { farmId: `farm-${"1".repeat(32)}`, fleetId: `fleet-${"4".repeat(32)}` }],
    ["deviceFarm:GetRun", "us-west-2", { arn: `arn:aws:devicefarm:us-west-2:${createAwsMock({ seed: 5 }).account}:run:${"5".repeat(8)}-5555-4555-8555-${"5".repeat(12)}/${"6".repeat(8)}-6666-4666-8666-${"6".repeat(12)}` }],
  ] as const)("%s from a client in %s, through the real SDK client", async (id, region, input) => {
    const mock = createAwsMock({ unknownIds: "generate", seed: 5 });
    const op = registry.get(id);
    const c = await client(op, { requestHandler: mock.requestHandler() }, region);
    const output = await send(c, op, { ...input });
    const findings = realismFindings(op.service.id, op.response.shape, output, { account: mock.account, region });
    expect(findings).toEqual([]);
    // The rule is not vacuous: the answer names the region or the account somewhere.
    expect(JSON.stringify(output)).toMatch(new RegExp(`${region}|${mock.account}`));
  });
});
