import type { CreateSessionCommandInput, GetJobRunCommandInput, GetJobRunCommandOutput } from "@aws-sdk/client-glue";
import type { ListFarmsCommandOutput } from "@aws-sdk/client-deadline";
import { describe, expectTypeOf, test } from "vitest";
import { createFactories } from "../factories/index.js";

const factories = createFactories();

describe("factories of any operation build the SDK's own types", () => {
  test("an input is what the command takes", () => {
    expectTypeOf(factories.input("glue:GetJobRun").build()).toExtend<GetJobRunCommandInput>();
    expectTypeOf(factories.input("glue:CreateSession").build()).toExtend<CreateSessionCommandInput>();
  });

  test("an output is what the command returns, without $metadata", () => {
    expectTypeOf(factories.operation("glue:GetJobRun").build()).toExtend<Omit<GetJobRunCommandOutput, "$metadata">>();
    expectTypeOf(factories.operation("deadline:ListFarms").build()).toExtend<Omit<ListFarmsCommandOutput, "$metadata">>();
  });

  test("overrides are deep partials of the output, checked by the compiler", () => {
    factories.operation("glue:GetJobRun").build({ JobRun: { JobRunState: "FAILED" } });
    // @ts-expect-error: not a JobRunState
    factories.operation("glue:GetJobRun").build({ JobRun: { JobRunState: "PAUSED" } });
  });
});
