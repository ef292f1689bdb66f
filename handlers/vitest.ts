import { expect } from "vitest";
import type { OperationId } from "../src/index.js";
import type { AwsMock, Call } from "./mock.js";

interface MatcherContext {
  readonly isNot: boolean;
  equals(a: unknown, b: unknown): boolean;
  utils: { printExpected(value: unknown): string; printReceived(value: unknown): string };
}

function listCalls(calls: readonly Call[]): string {
  if (calls.length === 0) return "  (no calls)";
  return calls.map((c, i) => `  ${i + 1}. ${c.operation} ${JSON.stringify(c.input)}`).join("\n");
}

function matching(ctx: MatcherContext, mock: AwsMock, id: OperationId, input?: Record<string, unknown>): Call[] {
  return mock.calls.filter((c) => c.operation === id && (input === undefined || ctx.equals(c.input, expect.objectContaining(input))));
}

/** Matchers for a mock's call log: `toHaveReceived` and `toHaveReceivedTimes`. */
export const awsMatchers = {
  /**
   * Passes when the mock received a call of the operation whose input contains `input`.
   * @example expect(mock).toHaveReceived("glue:GetSession", { Id: "s-1" })
   */
  toHaveReceived(this: MatcherContext, mock: AwsMock, id: OperationId, input?: Record<string, unknown>) {
    const pass = matching(this, mock, id, input).length > 0;
    const wanted = `${id}${input ? ` with input containing ${JSON.stringify(input)}` : ""}`;
    return {
      pass,
      message: () =>
        pass ? `Expected the mock not to receive ${wanted}, but it did. Calls made:\n${listCalls(mock.calls)}` : `Expected the mock to receive ${wanted}. Calls made:\n${listCalls(mock.calls)}`,
    };
  },

  /**
   * Passes when the mock received exactly `times` calls of the operation (whose input contains `input`).
   * @example expect(mock).toHaveReceivedTimes("deadline:GetSession", 3)
   */
  toHaveReceivedTimes(this: MatcherContext, mock: AwsMock, id: OperationId, times: number, input?: Record<string, unknown>) {
    const count = matching(this, mock, id, input).length;
    return {
      pass: count === times,
      message: () => `Expected the mock${this.isNot ? " not" : ""} to receive ${id} ${times} time(s), it received it ${count} time(s). Calls made:\n${listCalls(mock.calls)}`,
    };
  },
};

expect.extend(awsMatchers);

interface AwsMatchers<R = unknown> {
  toHaveReceived(id: OperationId, input?: Record<string, unknown>): R;
  toHaveReceivedTimes(id: OperationId, times: number, input?: Record<string, unknown>): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends AwsMatchers<T> {}
}
