import type { TimestampFormat } from "../model/shapes.js";

/**
 * What a protocol decides for every operation that speaks it. Shared code reads these properties
 * and never branches on a service.
 */
export interface Protocol {
  /** AWS's own name for the protocol. */
  readonly name: "awsJson1_1" | "restJson1";
  /** The format of a timestamp member that carries no `@timestampFormat`. */
  readonly defaultTimestampFormat: TimestampFormat;
  /** The `Content-Type` AWS puts on responses (the SDK ignores it). */
  readonly responseContentType: string;
  /** The `Content-Type` the SDK sends with a request body, if the protocol sends one. */
  readonly requestContentType: string;
  /** Where AWS writes an error's code: the body's `__type` or the `x-amzn-ErrorType` header. */
  readonly errorCodeLocation: "__type" | "x-amzn-ErrorType";
  /** Whether operations are told apart by the `X-Amz-Target` header (all share `POST /`). */
  readonly targetHeader: boolean;
}

export const awsJson1_1: Protocol = {
  name: "awsJson1_1",
  defaultTimestampFormat: "epoch-seconds",
  responseContentType: "application/x-amz-json-1.1",
  requestContentType: "application/x-amz-json-1.1",
  errorCodeLocation: "__type",
  targetHeader: true,
};

export const restJson1: Protocol = {
  name: "restJson1",
  defaultTimestampFormat: "epoch-seconds",
  responseContentType: "application/json",
  requestContentType: "application/json",
  errorCodeLocation: "x-amzn-ErrorType",
  targetHeader: false,
};
