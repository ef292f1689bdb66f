import type { GetSessionCommandOutput as DeadlineGetSessionOutput } from "@aws-sdk/client-deadline";
import type { GetRemoteAccessSessionCommandOutput, GetTestGridSessionCommandOutput } from "@aws-sdk/client-device-farm";
import type { GetSessionCommandOutput as GlueGetSessionOutput, Session as GlueSession } from "@aws-sdk/client-glue";
import { describe, expectTypeOf, test } from "vitest";
import type { OutputOf, WireOutputOf } from "../src/index.js";

/**
 * Paths (".a.b[]") of members the SDK type has and ours lacks, at any depth; `never` when ours covers all.
 * An SDK upgrade that adds a member makes this non-never, which fails the tests below.
 */
type MissingPaths<Sdk, Ours, P extends string = ""> = [Sdk] extends [Date | string | number | boolean | undefined]
  ? never
  : Sdk extends readonly (infer E)[]
    ? MissingPaths<E, Ours extends readonly (infer F)[] ? F : never, `${P}[]`>
    : {
        [K in keyof Sdk & string]-?: K extends keyof NonNullable<Ours>
          ? MissingPaths<NonNullable<Sdk[K]>, NonNullable<NonNullable<Ours>[K]>, `${P}.${K}`>
          : `${P}.${K}`;
      }[keyof Sdk & string];

type Body<T> = Omit<T, "$metadata">;

describe("decoded outputs are the SDK's own output types", () => {
  test("glue:GetSession", () => {
    expectTypeOf<OutputOf<"glue:GetSession">>().toExtend<Body<GlueGetSessionOutput>>();
    expectTypeOf<MissingPaths<Body<GlueGetSessionOutput>, OutputOf<"glue:GetSession">>>().toEqualTypeOf<never>();
  });

  test("deadline:GetSession", () => {
    expectTypeOf<OutputOf<"deadline:GetSession">>().toExtend<Body<DeadlineGetSessionOutput>>();
    expectTypeOf<MissingPaths<Body<DeadlineGetSessionOutput>, OutputOf<"deadline:GetSession">>>().toEqualTypeOf<never>();
  });

  test("deviceFarm:GetTestGridSession", () => {
    expectTypeOf<OutputOf<"deviceFarm:GetTestGridSession">>().toExtend<Body<GetTestGridSessionCommandOutput>>();
    expectTypeOf<MissingPaths<Body<GetTestGridSessionCommandOutput>, OutputOf<"deviceFarm:GetTestGridSession">>>().toEqualTypeOf<never>();
  });

  test("deviceFarm:GetRemoteAccessSession", () => {
    expectTypeOf<OutputOf<"deviceFarm:GetRemoteAccessSession">>().toExtend<Body<GetRemoteAccessSessionCommandOutput>>();
    expectTypeOf<MissingPaths<Body<GetRemoteAccessSessionCommandOutput>, OutputOf<"deviceFarm:GetRemoteAccessSession">>>().toEqualTypeOf<never>();
  });
});

describe("the type checks can fail", () => {
  test("a contract without Session.SessionType misses a member of the SDK type", () => {
    type Without = { Session?: Omit<NonNullable<OutputOf<"glue:GetSession">["Session"]>, "SessionType"> };
    expectTypeOf<MissingPaths<Body<GlueGetSessionOutput>, Without>>().toEqualTypeOf<".Session.SessionType">();
  });

  test("a string where the SDK has a Date is not assignable", () => {
    type Wrong = { Session?: Omit<GlueSession, "CreatedOn"> & { CreatedOn?: string } };
    expectTypeOf<Wrong>().not.toExtend<Body<GlueGetSessionOutput>>();
  });

  test("the wire type keeps timestamps as the protocol sends them", () => {
    expectTypeOf<NonNullable<WireOutputOf<"glue:GetSession">["Session"]>["CreatedOn"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<WireOutputOf<"deadline:GetSession">["startedAt"]>().toEqualTypeOf<string>();
    expectTypeOf<OutputOf<"deadline:GetSession">["startedAt"]>().toEqualTypeOf<Date>();
  });
});
