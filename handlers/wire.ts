import { randomUUID } from "../src/platform.js";
export { route } from "../src/index.js";
import { outside, TYPE_RANGE } from "../src/contracts/bounds.js";
import { operations, type ErrorContract, type Finding, type Operation, type Service, type Shape } from "../src/index.js";

/** The member of an error shape that carries its message (`message` or `Message`). */
export function messageMember(error: ErrorContract): string {
  return Object.keys(error.shape.members).find((m) => m.toLowerCase() === "message") ?? "message";
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * The credential scope of a SigV4-signed request (`Credential=<access key id>/<date>/<region>/<service>/aws4_request`):
 * the key id and the region the client signed for, or undefined for a request that is not signed so.
 */
export function credentialScope(authorization: string | undefined): { readonly accessKeyId: string; readonly region?: string } | undefined {
  const m = /Credential=([^/,\s]+)\/(?:\d{8}\/([a-z]{2}(?:-[a-z]+)+-\d{1,2})\/)?/.exec(authorization ?? "");
  return m ? { accessKeyId: m[1]!, ...(m[2] ? { region: m[2] } : {}) } : undefined;
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
    // A 204 has no body (Deadline's TagResource): AWS sends none.
    body: op.http.code === 204 ? "" : typeof body === "string" ? body : JSON.stringify(body),
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

/** `$.Session.Tags["a b"][0]` → `["Session", "Tags", "a b", 0]`. */
function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/\.([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
  return out;
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** The shape, value and AWS-style path (`tags.1.member.key`, member names with a lower-case first letter) a finding names. */
function locate(root: Shape, input: unknown, path: string): { shape: Shape | undefined; value: unknown; at: string; sensitive: boolean } {
  let shape: Shape | undefined = root;
  let value: unknown = input;
  let sensitive = root.sensitive === true;
  const at: string[] = [];
  for (const seg of pathSegments(path)) {
    const container = value as Record<string | number, unknown> | undefined;
    value = container && typeof container === "object" ? container[seg] : undefined;
    if (shape?.kind === "structure") {
      at.push(lowerFirst(String(seg)));
      shape = Object.hasOwn(shape.members, seg) ? (shape.members as Record<string, Shape>)[seg] : undefined;
    } else if (shape?.kind === "list") {
      at.push(`${Number(seg) + 1}.member`);
      shape = shape.member;
    } else if (shape?.kind === "map") {
      at.push(String(seg));
      shape = shape.value;
    } else at.push(String(seg));
    sensitive ||= shape?.sensitive === true;
  }
  return { shape, value, at: at.join("."), sensitive };
}

const sizeOf = (value: unknown): number =>
  typeof value === "string" ? [...value].length : Array.isArray(value) ? value.length : value && typeof value === "object" ? Object.keys(value).length : 0;

/** AWS's own sentence for one broken constraint (`Member must have length less than or equal to 255`). */
function constraint(f: Finding, shape: Shape | undefined, value: unknown): string {
  const bounds = (n: number, b: { min?: number; max?: number } | undefined, what: string) =>
    b?.min !== undefined && n < b.min ? `Member must have ${what} greater than or equal to ${b.min}` : `Member must have ${what} less than or equal to ${b?.max}`;
  switch (f.code) {
    case "missing_required":
      return "Member must not be null";
    case "pattern":
      return `Member must satisfy regular expression pattern: ${shape && "pattern" in shape ? shape.pattern : f.expected}`;
    case "length":
      return bounds(sizeOf(value), shape && "length" in shape ? shape.length : undefined, "length");
    case "range": {
      const modelled = shape && "range" in shape ? shape.range : undefined;
      const type = shape?.kind === "integer" || shape?.kind === "long" ? TYPE_RANGE[shape.kind] : undefined;
      return bounds(Number(value), type && outside(Number(value), type) ? type : modelled, "value");
    }
    case "unknown_enum_value":
      return `Member must satisfy enum value set: [${shape?.kind === "enum" ? shape.values.join(", ") : f.expected.split(" | ").join(", ")}]`;
    default:
      return `Member must be ${f.expected}`;
  }
}

function quoted(value: unknown): string {
  if (value === undefined || value === null) return "null";
  const text = typeof value === "string" ? value : Array.isArray(value) ? `[${value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}]` : typeof value === "object" ? JSON.stringify(value) : String(value);
  return `'${text.length > 1024 ? `${text.slice(0, 1021)}...` : text}'`;
}

/**
 * Each constraint failure as AWS's front end words it, with the member path it names. The value of a
 * `@sensitive` member (or of anything inside one) is never quoted: AWS writes `Value at 'template' …`.
 */
export function validationErrors(root: Shape, input: unknown, findings: readonly Finding[]): { at: string; text: string; sensitive: boolean }[] {
  return findings.map((f) => {
    const { shape, value, at, sensitive } = locate(root, input, f.path);
    return { at, sensitive, text: `Value ${sensitive ? "" : `${quoted(value)} `}at '${at}' failed to satisfy constraint: ${constraint(f, shape, value)}` };
  });
}

/**
 * AWS's wording for constraint failures, the framework's message on every JSON protocol:
 * `1 validation error detected: Value 'x' at 'expression' failed to satisfy constraint: Member must have length less than or equal to 255`.
 */
export function validationMessage(errors: readonly { text: string }[]): string {
  return `${errors.length} validation error${errors.length === 1 ? "" : "s"} detected: ${errors.map((e) => e.text).join("; ")}`;
}
