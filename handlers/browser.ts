/**
 * The handlers entry for browsers, which bundlers take by the `browser` export condition: the Node entry
 * without `serve`, and msw given to the mock by import (a browser has no `require` to load it on demand).
 */
import { http } from "msw";
import { useMsw } from "./mock.js";

useMsw({ http });

export * from "./common.js";

/** `serve` is Node's (an HTTP server): in a browser, the mock answers in the page through `mock.handlers` or `mock.requestHandler()`. */
export function serve(): never {
  throw new Error("[aws-sdk-contracts] serve() runs in Node only (it starts an HTTP server); in a browser, use setupWorker(...mock.handlers) or a client's requestHandler: mock.requestHandler().");
}
