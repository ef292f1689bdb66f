import { createHmac, randomBytes } from "node:crypto";
import { setOwn } from "../model/own.js";
import type { Shape } from "../model/shapes.js";

/**
 * Replaces identifying values with consistent pseudonyms: the same value always gets the same
 * replacement (for one key), so an account id in a request ARN and in a response ARN still match,
 * and every replacement keeps the format the contract expects. Pseudonyms are HMAC-SHA-256 of the
 * value under a key that is random per instance unless one is given, so nobody without the key can
 * confirm a guess (an account id, an address) against a cassette.
 */
export class Pseudonyms {
  readonly #cache = new Map<string, string>();
  readonly #key: Uint8Array | string;

  /** @param key A secret to make pseudonyms reproducible across runs; a fresh random key by default. */
  constructor(key?: string | Uint8Array) {
    if (key !== undefined && typeof key !== "string" && !(key instanceof Uint8Array)) {
      throw new TypeError(`[aws-sdk-contracts] The pseudonym key must be a string or bytes; got ${typeof key}.`);
    }
    if (key !== undefined && key.length < 16) throw new TypeError("[aws-sdk-contracts] The pseudonym key must be at least 16 characters (or bytes) long.");
    this.#key = key ?? randomBytes(32);
  }

  #hash(kind: string, value: string): string {
    return createHmac("sha256", this.#key).update(`${kind}\0${value}`).digest("hex");
  }

  #memo(kind: string, value: string, make: (hex: string) => string): string {
    const key = `${kind}\0${value}`;
    let out = this.#cache.get(key);
    if (out === undefined) this.#cache.set(key, (out = make(this.#hash(kind, value))));
    return out;
  }

  /** A 12-digit account id. */
  account(value: string): string {
    return this.#memo("account", value, (h) => (BigInt(`0x${h.slice(0, 15)}`) % 900_000_000_000n + 100_000_000_000n).toString());
  }

  ipv4(value: string): string {
    return this.#memo("ipv4", value, (h) => `10.${parseInt(h.slice(0, 2), 16)}.${parseInt(h.slice(2, 4), 16)}.${(parseInt(h.slice(4, 6), 16) % 254) + 1}`);
  }

  /** Keeps the written form: full upper-case groups stay so (Deadline's pattern), others become full lower-case. */
  ipv6(value: string): string {
    return this.#memo("ipv6", value, (h) => {
      const groups = ["FD00", h.slice(0, 4), h.slice(4, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20, 24), h.slice(24, 28)].join(":");
      return value === value.toUpperCase() ? groups.toUpperCase() : groups.toLowerCase();
    });
  }

  host(value: string): string {
    return this.#memo("host", value, (h) => `host-${h.slice(0, 10)}.example`);
  }

  email(value: string): string {
    return this.#memo("email", value, (h) => `user-${h.slice(0, 10)}@example.com`);
  }

  /** An opaque value (a sensitive member); a URL stays a URL of its own scheme. */
  secret(value: string): string {
    return this.#memo("secret", value, (h) => {
      const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
      return scheme ? `${scheme.toLowerCase()}://redacted.example/${h.slice(0, 16)}` : `redacted-${h.slice(0, 16)}`;
    });
  }
}

/**
 * A guide to a JSON value: which members the model marks `@sensitive` (or we mark as secret or host),
 * read from our shapes or from the SDK's runtime schema, so commands without a contract are guided too.
 */
export interface Guide {
  readonly kind: "structure" | "list" | "map" | "scalar";
  readonly sensitive: boolean;
  readonly redact?: "secret" | "host";
  /** An enum or number: never a secret, whatever its name. */
  readonly closed: boolean;
  /** The guide of a structure member, a list item or a map value. */
  child(name: string): Guide | undefined;
}

/** A guide from one of our shapes. */
export function shapeGuide(shape: Shape | undefined): Guide | undefined {
  if (!shape) return undefined;
  return {
    kind: shape.kind === "structure" || shape.kind === "list" || shape.kind === "map" ? shape.kind : "scalar",
    sensitive: shape.sensitive === true,
    ...(shape.redact ? { redact: shape.redact } : {}),
    closed: shape.kind !== "string",
    child: (name) =>
      shapeGuide(
        shape.kind === "structure" ? (Object.hasOwn(shape.members, name) ? (shape.members as Record<string, Shape>)[name] : undefined) : shape.kind === "list" ? shape.member : shape.kind === "map" ? shape.value : undefined,
      ),
  };
}

const SDK_SENSITIVE_BIT = 8;
const sdkSensitive = (traits: unknown): boolean =>
  typeof traits === "number" ? (traits & SDK_SENSITIVE_BIT) !== 0 : typeof traits === "object" && traits !== null && "sensitive" in traits;

/**
 * A guide from an `@smithy/core` schema tuple (`[3, ns, name, traits, memberNames, memberList]`, member
 * wrappers `[schema, traits]`, simple schemas `[0, ns, name, traits, ref]`, numeric codes for lists and maps).
 */
export function sdkGuide(ref: unknown, depth = 0): Guide | undefined {
  let s = ref;
  let sensitive = false;
  for (let i = 0; i < 16; i++) {
    if (typeof s === "function") s = (s as () => unknown)();
    else if (Array.isArray(s) && s.length === 2 && (typeof s[0] === "function" || Array.isArray(s[0]) || typeof s[0] === "number")) {
      sensitive ||= sdkSensitive(s[1]);
      s = s[0];
    } else if (Array.isArray(s) && s[0] === 0 && s.length === 5) {
      sensitive ||= sdkSensitive(s[3]);
      s = s[4];
    } else break;
  }
  if (depth > 256) return undefined;
  const scalar = (closed: boolean): Guide => ({ kind: "scalar", sensitive, closed, child: () => undefined });
  if (typeof s === "number") {
    if (s >= 128 && s <= 255) return { kind: "map", sensitive, closed: false, child: () => sdkGuide(s & 63, depth + 1) };
    if (s >= 64 && s < 128) return { kind: "list", sensitive, closed: false, child: () => sdkGuide(s & 63, depth + 1) };
    return scalar(s !== 0 && s !== 15 && s !== 21);
  }
  if (!Array.isArray(s)) return undefined;
  sensitive ||= sdkSensitive(s[3]);
  if (s[0] === 1) return { kind: "list", sensitive, closed: false, child: () => sdkGuide(s[4], depth + 1) };
  if (s[0] === 2) return { kind: "map", sensitive, closed: false, child: () => sdkGuide(s[5], depth + 1) };
  if (s[0] === 3 || s[0] === -3 || s[0] === 4) {
    const names = Array.isArray(s[4]) ? (s[4] as string[]) : [];
    const list = Array.isArray(s[5]) ? (s[5] as unknown[]) : [];
    return {
      kind: "structure",
      sensitive,
      closed: false,
      child: (name) => {
        const at = names.indexOf(name);
        return at === -1 ? undefined : sdkGuide(list[at], depth + 1);
      },
    };
  }
  return undefined;
}

/**
 * Member and map-key names whose values are secrets whatever the model says: `PASSWORD`,
 * `--db-password`, `spark.hadoop.fs.s3a.secret.key`, `token`, `X-Amz-Credential`, …
 */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (n === "") return false;
  return (
    /pass(word|wd|phrase)|secret|privatekey|credential/.test(n) ||
    /(pwd|token|apikey|accesskey|authorization|cookie|signature|sig)$/.test(n)
  );
}

const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])/g;
const IPV6_FULL = /(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:])/g;
// An IPv6 address whose last 32 bits are written as a dotted quad (`2001:db8::203.0.113.77`, `::ffff:1.2.3.4`).
const IPV6_V4_TAIL = /(?<![\w:.-])(?:[0-9A-Fa-f]{0,4}:){2,6}\d{1,3}(?:\.\d{1,3}){3}(?![\w:]|\.\d)/g;
// Bounded by characters that cannot touch an address, so `us-west-2::device` in an ARN is left alone.
const IPV6_SHORT = /(?<![\w:.-])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?(?![\w:]|\.\d)/g;
// EC2's private (`ip-10-0-0-1`) and public (`ec2-54-201-33-44.us-west-2.compute.amazonaws.com`) host names embed the address.
const EC2_HOST = /\b(ip|ec2)-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\b/g;
const URL_HOST = /\b((?:https?|wss?):\/\/)(?:[^\s/?#@"']{1,256}@)?([A-Za-z0-9.-]{1,253})/gi;
const BARE_ACCOUNT = /(?<!\d)\d{12}(?!\d)/g;
const DASHED_ACCOUNT = /(?<![\d-])(\d{4})-(\d{4})-(\d{4})(?![\d-])/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})/g;
const PEM = /-----BEGIN ([A-Z0-9 ]{1,64})-----[\s\S]*?(?:-----END \1-----|$)/g;
const JWT = /\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
// `name=value` pairs (query strings, Spark `--conf`, connection strings) and `user:password@` in URLs.
const PAIR = /([A-Za-z0-9_.\-]{1,128})=([^&\s"',;]{1,4096})/g;
const USERINFO = /(\b[a-z][a-z0-9+.-]{0,31}:\/\/[^\s/:@"']{0,256}:)([^\s/@"']{1,256})@/gi;
// High-entropy tokens (bearer tokens in URL paths): base64url, 32+ characters, mixing cases and digits.
const TOKEN = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9_-]{32,199}(?![A-Za-z0-9+/=_-])/g;
const CREDENTIAL_LIKE = /^[A-Za-z0-9/+]{40}$/;
/** Characters of base64 and base64url: a run of 200 or more of them is an opaque blob. */
const BLOB_MIN = 200;

const isBlobChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2b || c === 0x2f || c === 0x3d || c === 0x5f || c === 0x2d;

/** The runs of 200+ base64/base64url characters in a text, found in one pass (a regex backtracks on megabytes). */
function blobRuns(text: string): [start: number, end: number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isBlobChar(text.charCodeAt(i))) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      if (i - start >= BLOB_MIN) out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

/** AWS's own public endpoints are not identifying; every other host is. */
export const isAwsHost = (host: string): boolean => /(^|\.)amazonaws\.com(\.cn)?$|(^|\.)api\.aws$/i.test(host);

const isPlaceholder = (domain: string) => /(^|\.)example(\.com)?$/i.test(domain);
const mixed = (s: string) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s);

/**
 * Redacts identifying values inside one string: secrets in `name=value` pairs, URL passwords, PEM keys,
 * JWTs, bearer tokens, long blobs, e-mail addresses, account ids (ARN, bare or dashed), IP addresses and
 * host names. AWS credentials are left for the secret scan, which refuses the cassette.
 */
export function redactString(text: string, p: Pseudonyms): string {
  let out = text;
  if (out.length >= BLOB_MIN) {
    const runs = blobRuns(out);
    for (let i = runs.length - 1; i >= 0; i--) {
      const [a, b] = runs[i]!;
      out = `${out.slice(0, a)}${p.secret(out.slice(a, b))}${out.slice(b)}`;
    }
  }
  if (out.includes("-----BEGIN ")) out = out.replace(PEM, (m) => p.secret(m));
  if (out.includes("eyJ")) out = out.replace(JWT, (m) => p.secret(m));
  if (out.includes("=")) out = out.replace(PAIR, (m, name: string, value: string) => (isSecretName(name) ? `${name}=${p.secret(value)}` : m));
  if (out.includes("@")) {
    out = out.replace(USERINFO, (m, head: string, password: string) => `${head}${p.secret(password)}@`);
    out = out.replace(EMAIL, (m, domain: string) => (isPlaceholder(domain) ? m : p.email(m)));
  }
  out = out.replace(TOKEN, (m) => (mixed(m) && !CREDENTIAL_LIKE.test(m) ? p.secret(m) : m));
  // Accounts first (in ARNs or alone, one pseudonym each); later replacements never make 12 digits.
  return out
    .replace(BARE_ACCOUNT, (m) => p.account(m))
    .replace(DASHED_ACCOUNT, (m, a: string, b: string, c: string) => p.account(`${a}${b}${c}`).replace(/^(\d{4})(\d{4})(\d{4})$/, "$1-$2-$3"))
    .replace(EC2_HOST, (m, kind: string, a: string, b: string, c: string, d: string) => `${kind}-${p.ipv4(`${a}.${b}.${c}.${d}`).replaceAll(".", "-")}`)
    .replace(IPV6_FULL, (m) => p.ipv6(m))
    .replace(IPV6_V4_TAIL, (m) => p.ipv6(m))
    .replace(IPV6_SHORT, (m) => (m.includes("::") && m.length > 2 ? p.ipv6(m) : m))
    .replace(IPV4, (m, ...parts: string[]) => (parts.slice(0, 4).every((x) => Number(x) <= 255) ? p.ipv4(m) : m))
    .replace(URL_HOST, (m, scheme: string, host: string) => (isAwsHost(host) || host.startsWith("redacted.") || isPlaceholder(host) ? m : `${scheme}${p.host(host)}`));
}

/** A host name member: EC2's `ip-a-b-c-d…` keeps its link to the address pseudonym, any other becomes a pseudonym host. */
function redactHost(value: string, p: Pseudonyms): string {
  if (/^(ip|ec2)-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}\b/.test(value)) return redactString(value, p);
  return isAwsHost(value) ? value : p.host(value);
}

/**
 * Redacts a JSON value: members the guide marks `@sensitive` (or secret) and values under secret-looking
 * names become opaque pseudonyms, every other string is scrubbed of accounts, addresses, hosts and
 * tokens. The input is not changed; a value nested deeper than `maxDepth` throws (the caller refuses).
 */
export function redactValue(value: unknown, guide: Guide | Shape | undefined, p: Pseudonyms, maxDepth = 512): unknown {
  const g = guide && "child" in guide ? guide : shapeGuide(guide as Shape | undefined);
  return walk(value, g, p, false, maxDepth);
}

function walk(value: unknown, guide: Guide | undefined, p: Pseudonyms, secret: boolean, depth: number): unknown {
  if (depth < 0) throw new RangeError("nested too deeply to redact");
  if (typeof value === "string") {
    if (guide?.sensitive || guide?.redact === "secret" || (secret && !guide?.closed)) return p.secret(value);
    if (guide?.redact === "host") return redactHost(value, p);
    return redactString(value, p);
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, guide?.kind === "list" ? guide.child("member") : undefined, p, secret || guide?.sensitive === true, depth - 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    const below = secret || guide?.sensitive === true;
    for (const [k, v] of Object.entries(value)) {
      const member = guide?.kind === "structure" || guide?.kind === "map" ? guide.child(k) : undefined;
      // Member names of a known structure are the model's; any other key may hold data.
      const key = guide?.kind === "structure" && member ? k : redactString(k, p);
      setOwn(out, key, walk(v, member, p, below || isSecretName(k), depth - 1));
    }
    return out;
  }
  return value;
}

/** Patterns of credentials that must never be written; a cassette holding one is refused. */
export const secretPatterns: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: "AWS access key id", pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])/ },
  { name: "AWS secret access key", pattern: /(?<![A-Za-z0-9+])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9+=])/ },
  { name: "AWS session token", pattern: /(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|AQoDYXdz|AQoEXAMPLE)[A-Za-z0-9/+=]{16}/ },
  { name: "SigV4 signature", pattern: /Signature=[0-9a-f]{64}/i },
  { name: "private key", pattern: /-----BEGIN [A-Z0-9 ]{0,64}PRIVATE KEY-----/ },
  { name: "JSON web token", pattern: /\beyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\./ },
];

/** `%2F` → `/`, tolerating malformed escapes. */
function percentDecoded(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * The names of the secrets found in a text (also after `%`-decoding it): credential patterns and long
 * base64 blobs. Linear in the length of the text.
 */
export function findSecrets(text: string): string[] {
  const variants = text.includes("%") ? [text, percentDecoded(text)] : [text];
  const found = new Set<string>();
  for (const t of variants) {
    for (const s of secretPatterns) if (s.pattern.test(t)) found.add(s.name);
    if (t.length >= BLOB_MIN && blobRuns(t).length > 0) found.add("long base64 blob");
  }
  return secretPatterns.map((s) => s.name).concat("long base64 blob").filter((n) => found.has(n));
}
