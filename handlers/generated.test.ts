import { describe, expect, test } from "vitest";
import { arnUnder, renamed } from "./generated.js";

const DF = "arn:aws:devicefarm:us-west-2:111122223333";
const P = "11111111-1111-4111-8111-111111111111";
const R = "22222222-2222-4222-8222-222222222222";
const Q = "33333333-3333-4333-8333-333333333333";
const S = "44444444-4444-4444-8444-444444444444";

describe("arnUnder", () => {
  test("an ARN below its parent's depth takes the parent's path, account and region, and keeps its own ids below", () => {
    expect(arnUnder(`arn:aws:devicefarm:us-west-2:999999999999:job:${Q}/${S}/00002`, `${DF}:run:${P}/${R}`)).toBe(`${DF}:job:${P}/${R}/00002`);
    // Two levels below: the job's id stays between the run and the suite.
    expect(arnUnder(`${DF}:suite:${Q}/${S}/00002/00007`, `${DF}:run:${P}/${R}`)).toBe(`${DF}:suite:${P}/${R}/00002/00007`);
  });

  test("an ARN of another service, or not below the parent's depth, stays as it is unless always", () => {
    expect(arnUnder(`arn:aws:s3:::bucket/key`, `${DF}:run:${P}/${R}`)).toBe("arn:aws:s3:::bucket/key");
    expect(arnUnder(`${DF}:project:${Q}`, `${DF}:project:${P}`)).toBe(`${DF}:project:${Q}`);
    expect(arnUnder(`${DF}:project:${Q}`, `${DF}:project:${P}`, true)).toBe(`${DF}:project:${P}/${Q}`);
    expect(arnUnder(`${DF}:devicepool:${Q}/${S}`, `${DF}:project:${P}`, true)).toBe(`${DF}:devicepool:${P}/${S}`);
  });
});

describe("renamed", () => {
  test("renames ids in every string without changing the value given: what changes is copied, the rest shared", () => {
    const shared = { kept: ["x"] };
    const given = Object.freeze({ arn: `${DF}:upload:${P}/${R}`, nested: Object.freeze({ url: `https://bucket/${P}/${R}/app.apk`, note: "n" }), shared });
    const out = renamed(given, [[P, Q]]) as typeof given;
    expect(out).toEqual({ arn: `${DF}:upload:${Q}/${R}`, nested: { url: `https://bucket/${Q}/${R}/app.apk`, note: "n" }, shared: { kept: ["x"] } });
    expect(given.arn).toBe(`${DF}:upload:${P}/${R}`);
    expect(out.shared).toBe(shared);
    expect(renamed(given, [[S, Q]])).toBe(given);
  });
});
