import { nodeBuiltin } from "../src/platform.js";
import { expect, vi } from "vitest";
import type { DeepPartial, InputOf, OperationId } from "../src/index.js";
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

function matching(ctx: MatcherContext, mock: AwsMock, id: OperationId, input?: unknown): Call[] {
  return mock.calls.filter((c) => c.operation === id && (input === undefined || ctx.equals(c.input, expect.objectContaining(input))));
}

/**
 * One real turn of the event loop, which fake timers do not replace: Node's `node:timers` setImmediate, or
 * a message through a channel in a browser.
 */
function realTurn(): Promise<unknown> {
  const timers = nodeBuiltin("node:timers/promises");
  if (timers) return timers.setImmediate();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.addEventListener("message", () => {
      port1.close();
      resolve(undefined);
    });
    port1.start();
    port2.postMessage(undefined);
  });
}

/** Matchers for a mock's call log: `toHaveReceived` and `toHaveReceivedTimes`. */
export const awsMatchers = {
  /**
   * Passes when the mock received a call of the operation whose input contains `input`.
   * @example expect(mock).toHaveReceived("glue:GetSession", { Id: "s-1" })
   */
  toHaveReceived(this: MatcherContext, mock: AwsMock, id: OperationId, input?: unknown) {
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
  toHaveReceivedTimes(this: MatcherContext, mock: AwsMock, id: OperationId, times: number, input?: unknown) {
    const count = matching(this, mock, id, input).length;
    return {
      pass: count === times,
      message: () => `Expected the mock${this.isNot ? " not" : ""} to receive ${id} ${times} time(s), it received it ${count} time(s). Calls made:\n${listCalls(mock.calls)}`,
    };
  },
};

expect.extend(awsMatchers);

interface AwsMatchers<R = unknown> {
  toHaveReceived<Id extends OperationId>(id: Id, input?: DeepPartial<InputOf<Id>>): R;
  toHaveReceivedTimes<Id extends OperationId>(id: Id, times: number, input?: DeepPartial<InputOf<Id>>): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends AwsMatchers<T> {}
}

/**
 * With `vi.useFakeTimers()`: moves fake time on, one pending timer at a time, until `promise` settles,
 * and returns what it settles to. Code that polls (`setTimeout` between calls), the SDK's retry backoff
 * and the mock's clock (`createAwsMock({ clock: { now: () => Date.now() } })`) all move together, so a
 * test need not know how long a state lasts. Fails, instead of hanging, when no timer is left to run or
 * after `maxMs` of fake time (default one hour).
 * @example const ready = waitUntilReady(glue, "notebook"); expect(await advanceUntilSettled(ready)).toBe("READY");
 */
export async function advanceUntilSettled<T>(promise: Promise<T>, { maxMs = 3_600_000 }: { maxMs?: number } = {}): Promise<T> {
  if (!vi.isFakeTimers()) throw new Error("[aws-sdk-contracts] advanceUntilSettled moves fake timers: call vi.useFakeTimers() first.");
  let settled = false;
  const watched = promise.then(
    (value) => ((settled = true), value),
    (error: unknown) => {
      settled = true;
      throw error;
    },
  );
  // Keep an early rejection from being reported as unhandled while time moves.
  watched.catch(() => undefined);
  const start = Date.now();
  while (!settled) {
    // Let answers already on their way arrive (microtasks, I/O callbacks) before moving time.
    await vi.advanceTimersByTimeAsync(0);
    if (settled) break;
    if (vi.getTimerCount() === 0) {
      // Real turns of the event loop (fake timers replace the global setImmediate, not node:timers nor a message channel): I/O in flight may still answer.
      for (let turn = 0; turn < 20 && !settled && vi.getTimerCount() === 0; turn++) await realTurn();
      if (settled) break;
      if (vi.getTimerCount() === 0) throw new Error("[aws-sdk-contracts] advanceUntilSettled: the promise is still pending and no timer is left to run.");
      continue;
    }
    await vi.advanceTimersToNextTimerAsync();
    if (Date.now() - start > maxMs) throw new Error(`[aws-sdk-contracts] advanceUntilSettled: the promise is still pending after ${maxMs} ms of fake time.`);
  }
  return watched;
}
