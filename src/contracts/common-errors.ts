import type { Protocol } from "../protocols/protocols.js";

/**
 * Errors every AWS service can send, whether its model lists them or not: the front end's throttling,
 * transient and authentication answers. Data only: the status each protocol's front end uses, the words
 * AWS writes, and how the SDK's retry strategy reads the code (sources in NOTES.md).
 */
export interface CommonError {
  readonly name: string;
  /** The HTTP status by protocol (awsJson front ends answer client errors with 400; restJson with 403/429). */
  readonly status: Readonly<Record<Protocol["name"], number>>;
  /** The message AWS sends; `{action}`, `{account}` and `{region}` are filled in per call. */
  readonly message: string;
  /** How the SDK's standard retry strategy treats it: retried as throttling, retried as transient, or not retried. */
  readonly retry: "throttling" | "transient" | "none";
}

export const COMMON_ERRORS = [
  { name: "ThrottlingException", status: { awsJson1_1: 400, restJson1: 429 }, message: "Rate exceeded", retry: "throttling" },
  { name: "TooManyRequestsException", status: { awsJson1_1: 429, restJson1: 429 }, message: "Too Many Requests", retry: "throttling" },
  { name: "RequestLimitExceeded", status: { awsJson1_1: 503, restJson1: 503 }, message: "Request limit exceeded.", retry: "throttling" },
  { name: "Throttling", status: { awsJson1_1: 400, restJson1: 400 }, message: "Rate exceeded", retry: "throttling" },
  { name: "ServiceUnavailable", status: { awsJson1_1: 503, restJson1: 503 }, message: "The request has failed due to a temporary failure of the server.", retry: "transient" },
  { name: "ServiceUnavailableException", status: { awsJson1_1: 503, restJson1: 503 }, message: "The request has failed due to a temporary failure of the server.", retry: "transient" },
  { name: "InternalFailure", status: { awsJson1_1: 500, restJson1: 500 }, message: "The request processing has failed because of an unknown error, exception or failure.", retry: "transient" },
  { name: "RequestTimeout", status: { awsJson1_1: 408, restJson1: 408 }, message: "The request timed out.", retry: "transient" },
  {
    name: "AccessDeniedException",
    status: { awsJson1_1: 400, restJson1: 403 },
    message: "User: arn:aws:iam::{account}:user/test is not authorized to perform: {action} because no identity-based policy allows the {action} action",
    retry: "none",
  },
  { name: "UnrecognizedClientException", status: { awsJson1_1: 400, restJson1: 403 }, message: "The security token included in the request is invalid.", retry: "none" },
  { name: "ExpiredTokenException", status: { awsJson1_1: 400, restJson1: 403 }, message: "The security token included in the request is expired", retry: "none" },
  {
    name: "InvalidSignatureException",
    status: { awsJson1_1: 400, restJson1: 403 },
    message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    retry: "none",
  },
  { name: "IncompleteSignatureException", status: { awsJson1_1: 400, restJson1: 403 }, message: "Authorization header requires 'Credential' parameter.", retry: "none" },
  { name: "MissingAuthenticationTokenException", status: { awsJson1_1: 403, restJson1: 403 }, message: "Missing Authentication Token", retry: "none" },
] as const satisfies readonly CommonError[];

export type CommonErrorName = (typeof COMMON_ERRORS)[number]["name"];

export const commonError = (name: string): CommonError | undefined => (COMMON_ERRORS as readonly CommonError[]).find((e) => e.name === name);

/**
 * AWS's own words for modelled errors where they are known (published responses; sources in NOTES.md),
 * by error name; any other error's default message says it was planned by the test.
 */
export const KNOWN_MESSAGES: Readonly<Record<string, string>> = {
  ThrottlingException: "Rate exceeded",
  EntityNotFoundException: "Entity Not Found",
  NotFoundException: "The specified entity was not found.",
  UnrecognizedClientException: "The security token included in the request is invalid.",
};
