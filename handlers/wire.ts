import { randomUUID } from "node:crypto";
export { route } from "../src/index.js";
import { operations, type ErrorContract, type Finding, type Operation, type Service } from "../src/index.js";

/** The member of an error shape that carries its message (`message` or `Message`). */
export function messageMember(error: ErrorContract): string {
  return Object.keys(error.shape.members).find((m) => m.toLowerCase() === "message") ?? "message";
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A request id in the form AWS uses (a UUID). */
function requestId(): string {
  return randomUUID();
}

/** A success response as AWS writes it for the operation's protocol (`body` as JSON text or a value). */
export function successResponse(op: Operation, body: unknown): WireResponse {
  return {
    status: op.http.code,
    headers: { "content-type": op.protocol.responseContentType, "x-amzn-requestid": requestId() },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

/**
 * An error response as AWS writes it: the code in the body's `__type` or in `x-amzn-ErrorType`
 * (a property of the protocol), header-bound members in headers, the rest in the body.
 */
export function errorResponse(op: Operation | { protocol: Operation["protocol"] }, error: ErrorContract, members: Record<string, unknown>): WireResponse {
  const headers: Record<string, string> = { "content-type": op.protocol.responseContentType, "x-amzn-requestid": requestId() };
  const body: Record<string, unknown> = {};
  if (op.protocol.errorCodeLocation === "__type") body.__type = error.name;
  else headers["x-amzn-errortype"] = error.name;
  for (const [name, value] of Object.entries(members)) {
    if (value === undefined) continue;
    const header = error.headers[name];
    if (header) headers[header.toLowerCase()] = String(value);
    else body[name] = value;
  }
  return { status: error.httpStatus, headers, body: JSON.stringify(body) };
}

/** An error the operation does not model (an unknown operation, a malformed request), in the protocol's form. */
export function frameworkError(service: Service, status: number, code: string, message: string): WireResponse {
  const protocol = service.protocol;
  const headers: Record<string, string> = { "content-type": protocol.responseContentType, "x-amzn-requestid": requestId() };
  // The service's own casing of the message member (Glue writes `Message`).
  const modelled = operations.find((op) => op.service.id === service.id)?.errors[0] as ErrorContract | undefined;
  const body: Record<string, unknown> = { [modelled ? messageMember(modelled) : "message"]: message };
  if (protocol.errorCodeLocation === "__type") body.__type = code;
  else headers["x-amzn-errortype"] = code;
  return { status, headers, body: JSON.stringify(body) };
}

/** AWS's wording for constraint failures: `1 validation error detected: Value '…' at '…' failed to satisfy constraint: …`. */
export function validationMessage(findings: readonly Finding[]): string {
  const parts = findings.map((f) => {
    const at = f.path.replace(/^\$\.?/, "");
    const value = f.received === "nothing" ? "null" : f.received.replace(/^\w+ /, "").replace(/^"|"$/g, "");
    return `Value '${value}' at '${at}' failed to satisfy constraint: Member must ${constraint(f)}`;
  });
  return `${findings.length} validation error${findings.length === 1 ? "" : "s"} detected: ${parts.join("; ")}`;
}

function constraint(f: Finding): string {
  switch (f.code) {
    case "missing_required":
      return "not be null";
    case "pattern":
      return `satisfy regular expression pattern: ${f.expected.replace(/^a string matching \/(.*)\/u$/, "$1")}`;
    case "length":
      return `have length ${f.expected}`;
    case "range":
      return `be within ${f.expected}`;
    default:
      return `be ${f.expected}`;
  }
}
