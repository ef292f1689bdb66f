import { GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import "../handlers/vitest.js";

describe("vitest matchers", () => {
  test("toHaveReceived matches a call by operation and input subset", async () => {
    const mock = createAwsMock();
    mock.glue.sessions.add({ Id: "s-1" });
    const glue = new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
    await glue.send(new GetSessionCommand({ Id: "s-1", RequestOrigin: "notebook-ui" }));
    expect(mock).toHaveReceived("glue:GetSession", { Id: "s-1" });
    expect(mock).toHaveReceived("glue:GetSession");
    expect(mock).not.toHaveReceived("glue:GetSession", { Id: "s-2" });
    expect(mock).not.toHaveReceived("deadline:GetSession");
    expect(mock).toHaveReceivedTimes("glue:GetSession", 1);
  });

  test("a failing matcher lists the calls that were made", async () => {
    const mock = createAwsMock();
    const glue = new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
    await glue.send(new GetSessionCommand({ Id: "other" })).catch(() => undefined);
    expect(() => expect(mock).toHaveReceived("glue:GetSession", { Id: "s-1" })).toThrowErrorMatchingInlineSnapshot(`
      [Error: Expected the mock to receive glue:GetSession with input containing {"Id":"s-1"}. Calls made:
        1. glue:GetSession {"Id":"other"}]
    `);
    expect(() => expect(mock).toHaveReceivedTimes("glue:GetSession", 2)).toThrow("it received it 1 time(s)");
  });
});
