import { createHash } from "node:crypto";
import type { Shape } from "../model/shapes.js";

/**
 * Replaces identifying values with consistent pseudonyms: the same value always gets the same
 * replacement (for one salt), so an account id in a request ARN and in a response ARN still match,
 * and every replacement keeps the format the contract expects.
 */
export class Pseudonyms {
  readonly #cache = new Map<string, string>();

  constructor(readonly salt = "aws-sdk-contracts") {}

  #hash(kind: string, value: string): string {
    return createHash("sha256").update(`${this.salt}\0${kind}\0${value}`).digest("hex");
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

  /** An opaque value (a sensitive member), same length class, clearly marked. */
  secret(value: string): string {
    return this.#memo("secret", value, (h) => (/^https?:\/\//.test(value) ? `https://redacted.example/${h.slice(0, 16)}` : `redacted-${h.slice(0, 16)}`));
  }
}

const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])/g;
const IPV6_FULL = /(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:])/g;
// Bounded by characters that cannot touch an address, so `us-west-2::device` in an ARN is left alone.
const IPV6_SHORT = /(?<![\w:.-])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?(?![\w:])/g;
const EC2_HOST = /\bip-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\b/g;
const URL_HOST = /\b(https?:\/\/)([A-Za-z0-9.-]+)/g;
const BARE_ACCOUNT = /(?<!\d)\d{12}(?!\d)/g;

/** AWS's own public endpoints are not identifying; every other host is. */
export const isAwsHost = (host: string): boolean => /(^|\.)amazonaws\.com(\.cn)?$|(^|\.)api\.aws$/.test(host);

/** Redacts identifying values inside one string (ARN accounts, IP addresses, host names, account ids). */
export function redactString(text: string, p: Pseudonyms): string {
  // Accounts first (in ARNs or alone, one pseudonym each); later replacements never make 12 digits.
  return text
    .replace(BARE_ACCOUNT, (m) => p.account(m))
    .replace(EC2_HOST, (m, a: string, b: string, c: string, d: string) => `ip-${p.ipv4(`${a}.${b}.${c}.${d}`).replaceAll(".", "-")}`)
    .replace(IPV6_FULL, (m) => p.ipv6(m))
    .replace(IPV6_SHORT, (m) => (m.includes("::") && m.length > 2 ? p.ipv6(m) : m))
    .replace(IPV4, (m, ...parts: string[]) => (parts.slice(0, 4).every((x) => Number(x) <= 255) ? p.ipv4(m) : m))
    .replace(URL_HOST, (m, scheme: string, host: string) => (isAwsHost(host) || host.startsWith("redacted.") ? m : `${scheme}${p.host(host)}`));
}

/** A host name member: EC2's `ip-a-b-c-d…` keeps its link to the address pseudonym, any other becomes a pseudonym host. */
function redactHost(value: string, p: Pseudonyms): string {
  if (/^ip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}\b/.test(value)) return redactString(value, p);
  return isAwsHost(value) ? value : p.host(value);
}

/**
 * Redacts a JSON value: members the shape marks `@sensitive` become opaque pseudonyms, every string
 * is scrubbed of account ids, addresses and host names. The input is not changed.
 */
export function redactValue(value: unknown, shape: Shape | undefined, p: Pseudonyms): unknown {
  if (typeof value === "string") {
    if (shape?.sensitive || shape?.redact === "secret") return p.secret(value);
    if (shape?.redact === "host") return redactHost(value, p);
    return redactString(value, p);
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, shape?.kind === "list" ? shape.member : undefined, p));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const member =
        shape?.kind === "structure" ? (shape.members as Record<string, Shape>)[k] : shape?.kind === "map" ? shape.value : undefined;
      // Member names of a known structure are the model's; any other key may hold data.
      const key = shape?.kind === "structure" ? k : redactString(k, p);
      out[key] = redactValue(v, member, p);
    }
    return out;
  }
  return value;
}

/** Patterns of credentials that must never be written; a cassette holding one is refused. */
export const secretPatterns: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: "AWS access key id", pattern: /\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/ },
  { name: "AWS secret access key", pattern: /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/ },
  { name: "AWS session token", pattern: /(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|AQoDYXdz|AQoEXAMPLE)[A-Za-z0-9/+=]{16,}/ },
  { name: "SigV4 signature", pattern: /Signature=[0-9a-f]{64}/ },
  { name: "long base64 blob", pattern: /[A-Za-z0-9/+=]{200,}/ },
];

/** The names of the secret patterns found in a text. */
export function findSecrets(text: string): string[] {
  return secretPatterns.filter((s) => s.pattern.test(text)).map((s) => s.name);
}
