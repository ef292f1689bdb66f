import type { CreateSessionCommandInput, GetJobRunCommandInput, GetJobRunCommandOutput } from "@aws-sdk/client-glue";
import type { ListFarmsCommandOutput } from "@aws-sdk/client-deadline";
import { describe, expectTypeOf, test } from "vitest";
import { createFactories } from "../factories/index.js";
import { createAwsMock } from "../handlers/index.js";
import type { ErrorNameOf, InputOf } from "../src/index.js";

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

test("inputFor() gives the Get operation's own input type; fault() and factories.error() take only known error names", () => {
  const mock = createAwsMock();
  expectTypeOf(mock.deadline.sessions.inputFor).returns.toEqualTypeOf<InputOf<"deadline:GetSession">>();
  expectTypeOf(mock.glue.sessions.inputFor).returns.toEqualTypeOf<InputOf<"glue:GetSession">>();
  // @ts-expect-error a typo in an error name does not compile
  mock.fault("glue:GetJobRun", { error: "EntityNotFoundExceptoin" });
  // @ts-expect-error an error another operation models, not this one
  createFactories().error("glue:GetJobRun", "ConcurrentRunsExceededException");
  expectTypeOf<ErrorNameOf<"deadline:GetQueue">>().toEqualTypeOf<"AccessDeniedException" | "InternalServerErrorException" | "ResourceNotFoundException" | "ThrottlingException" | "ValidationException">();
});
