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
 * The words of a name, whatever its spelling: `--db_pass` → db, pass; `DB_PASS` → db, pass;
 * `clientSecret` → client, secret; `APIKey` → api, key; `spark.hadoop.fs.s3a.secret.key` → …, secret, key.
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Words that make a name secret wherever they stand in it (`PasswordFile`, `dbpassword`, `SecretString`). */
const SECRET_ANYWHERE = /pass(word|wd|phrase)|secret|credential|privatekey/;
/** Words that make a name secret as its head (last) word: `--db_pass`, `auth_token`, `--pw`, `session_cookie`. */
const SECRET_HEAD = new Set(["pass", "pwd", "pw", "pword", "token", "tokens", "auth", "authorization", "cookie", "cookies", "signature", "sig", "creds", "apikey", "accesskey", "authtoken", "bearer", "jwt", "otp", "sas"]);
/** Head words ending in one of these are secret too (`dbpass`, `smtppwd`, `accesstoken`); a few English words are not. */
const SECRET_SUFFIX = /(pass|pwd|token|apikey|accesskey|cookie|signature)$/;
const NOT_SECRET = new Set(["bypass", "compass", "overpass", "underpass", "encompass", "trespass", "impass"]);
/** What a `key` is when the word before it is one of these: `--encryption-key`, `hmac_key`, `apiKey`, `signing_key`. */
const KEY_QUALIFIERS = new Set([
  "api", "private", "encryption", "decryption", "signing", "sign", "hmac", "access", "secret", "master", "client", "cert", "certificate",
  "ssl", "tls", "ssh", "session", "shared", "storage", "account", "aes", "crypto", "consumer", "app", "license", "subscription", "auth", "pgp", "gpg",
]);

/**
 * Member, map-key, flag and parameter names whose values are secrets whatever the model says:
 * `PASSWORD`, `--db-password`, `--db_pass`, `--pw`, `--hmac-key`, `signing_key`, `api_key`, `auth_token`,
 * `client_secret`, `spark.hadoop.fs.s3a.secret.key`, `X-Amz-Credential`, `session_cookie`…, but not
 * `PartitionKeys`, `KeyName`, `keyPrefix`, `SortKey`, `TokenType`, `AuthenticationType`.
 */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (words.some((w) => SECRET_ANYWHERE.test(w))) return true;
  const head = words[words.length - 1]!;
  if (SECRET_HEAD.has(head) || (SECRET_SUFFIX.test(head) && !NOT_SECRET.has(head))) return true;
  if (head === "key" || head === "keys") return words.length > 1 && KEY_QUALIFIERS.has(words[words.length - 2]!);
  return head.endsWith("key") && KEY_QUALIFIERS.has(head.slice(0, -3));
}

const HOST_HEADS = new Set(["host", "hosts", "hostname", "hostnames", "server", "servers", "broker", "brokers", "bootstrapservers"]);

/** Names whose values are host names (or `host:port` lists): `HOST`, `hostAddress`, `KAFKA_BOOTSTRAP_SERVERS`, `ServerName`. */
export function isHostName(name: string): boolean {
  const words = nameWords(name);
  const head = words[words.length - 1];
  if (head === undefined) return false;
  if (HOST_HEADS.has(head)) return true;
  const before = words[words.length - 2];
  return (head === "address" || head === "name" || head === "names") && (before === "host" || before === "server");
}

const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])/g;
const IPV6_FULL = /(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:])/g;
// An IPv6 address whose last 32 bits are written as a dotted quad (`2001:db8::203.0.113.77`, `::ffff:1.2.3.4`).
const IPV6_V4_TAIL = /(?<![\w:.-])(?:[0-9A-Fa-f]{0,4}:){2,6}\d{1,3}(?:\.\d{1,3}){3}(?![\w:]|\.\d)/g;
// Bounded by characters that cannot touch an address, so `us-west-2::device` in an ARN is left alone.
const IPV6_SHORT = /(?<![\w:.-])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?(?![\w:]|\.\d)/g;
// EC2's private (`ip-10-0-0-1`) and public (`ec2-54-201-33-44.us-west-2.compute.amazonaws.com`) host names embed the address.
const EC2_HOST = /\b(ip|ec2)-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\b/g;
/**
 * A URL of any scheme (`https:`, `jdbc:mysql:`, `mongodb+srv:`, `redis:`, `smb:`, `ftp:`, `kafka:`…), its
 * optional user info and its host list (`mongodb://a:27017,b:27017`). S3 and file paths name no host.
 */
const URL_HOSTS = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)((?:[^\s/?#@"']{0,256}@)?)((?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9_.%-]{1,253})(?::\d{1,5})?(?:,(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9_.%-]{1,253})(?::\d{1,5})?){0,63})/gi;
const NO_HOST_SCHEMES = new Set(["s3://", "s3a://", "s3n://", "file://", "arn://"]);
/** Oracle's thin and OCI forms: `jdbc:oracle:thin:user/password@//host:1521/svc`, `…:@host:1521:SID`. */
const ORACLE = /\b(jdbc:oracle:[a-z]+:)(?:([^\s/@"';]{0,128})\/([^\s@"';]{1,256}))?@(\/\/)?([A-Za-z0-9_.-]{1,253})/gi;
/** `host:port` lists outside URLs (Kafka's `bootstrap.servers`): a dotted name ending in letters, and a port. */
const HOST_PORT = /(?<![\w.@/:-])((?:[A-Za-z0-9-]{1,63}\.){1,16}[A-Za-z][A-Za-z0-9-]{0,62}):(\d{2,5})(?![\w.:])/g;
/** Ports a service listens on below 1024 (a `name.name:200` below them is a setting, not an address). */
const WELL_KNOWN_PORTS = new Set([21, 22, 23, 25, 53, 80, 110, 143, 389, 443, 445, 465, 587, 636, 993, 995]);
/** ADO/ODBC names of the server that are not host-like words: `Data Source=db.corp;`, `Network Address=…`. */
const ADO_HOST = /\b(Data Source|Network Address|Addr|Address)([ \t]*=[ \t]*)([^;'"\s]{1,253})/gi;
const BARE_ACCOUNT = /(?<!\d)\d{12}(?!\d)/g;
const DASHED_ACCOUNT = /(?<![\d-])(\d{4})-(\d{4})-(\d{4})(?![\d-])/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})/g;
const PEM = /-----BEGIN ([A-Z0-9 ]{1,64})-----[\s\S]*?(?:-----END \1-----|$)/g;
const JWT = /\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
/** HTTP authorization values inside text: `Basic dXNlcjpwdw==`, `Bearer <any alphabet>`, `Digest username=…`. */
const AUTH_SCHEME = /\b(Basic|Bearer|Digest|Negotiate|NTLM|AWS4-HMAC-SHA256|OAuth)([ \t]+)([^\s"',;]{1,8192}(?:,[ \t]*[A-Za-z]+=[^\s"',;]{1,1024}){0,16})/g;
// `name=value` pairs (query strings, Spark `--conf`, ADO/ODBC/JDBC connection strings, `-Dkey=value`), the value quoted, braced or bare.
const PAIR = /([A-Za-z0-9_.\-]{1,128})[ \t]*=[ \t]*("[^"\n]{0,4096}"|'[^'\n]{0,4096}'|\{[^}\n]{0,4096}\}|[^&\s"',;]{1,4096})/g;
// `name: value` lines (YAML, HTTP headers, logs): a quoted name may be followed by `:` at once, a bare one by a space.
const COLON_PAIR = /(?<![\w.-])(?:(["'])([A-Za-z][A-Za-z0-9_.\- ]{0,127})\1[ \t]*:[ \t]*|([A-Za-z][A-Za-z0-9_.-]{0,127}):[ \t]+)("(?:[^"\\\n]|\\.){0,4096}"|'[^'\n]{0,4096}'|[^\s,}\]"']{1,4096}(?:[ \t]+[^\s,}\]"']{1,4096}){0,32})/g;
// Command-line flags: `--password x`, `--db_pass=x`, `-p x`; the value never starts with a dash (that is the next flag).
const FLAG = /(?<![\w-])(--?[A-Za-z][A-Za-z0-9_.-]{0,127})(=|[ \t]+)("[^"\n]{0,4096}"|'[^'\n]{0,4096}'|(?!-)[^\s"']{1,4096})/g;
// Tools that take `user/password@database` (sqlplus, expdp, …).
const USER_SLASH_PASSWORD = /\b(sqlplus|rman|expdp|impdp|exp|imp|sqlldr)([ \t]+(?:-\w+[ \t]+)*)([^\s/@"']{1,128})\/([^\s@"']{1,256})@/gi;
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

/** A credential found where redaction would hide it (inside `Basic` credentials): the recorder refuses the cassette. */
export class SecretFound extends Error {
  constructor(readonly secret: string) {
    super(`${secret} found in a redacted value`);
  }
}

/**
 * Spans already replaced are held out of the text behind private-use markers, so no later rule reads a
 * pseudonym again (an address inside a host pseudonym, an e-mail made of a redacted password and a host).
 */
class Held {
  readonly #spans: string[] = [];

  hold(value: string): string {
    let n = this.#spans.push(value) - 1;
    let code = "";
    do {
      code = String.fromCharCode(0xe100 + (n & 0xff)) + code;
      n >>>= 8;
    } while (n > 0);
    return `\uE000${code}\uE001`;
  }

  restore(text: string): string {
    if (this.#spans.length === 0) return text;
    return text.replace(/\uE000([\uE100-\uE1FF]{1,4})\uE001/g, (m, code: string) => {
      let n = 0;
      for (const c of code) n = n * 256 + (c.charCodeAt(0) - 0xe100);
      return this.#spans[n] ?? m;
    });
  }
}

const unquoted = (value: string): [open: string, inner: string, close: string] => {
  const q = value[0];
  if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) return [q, value.slice(1, -1), q];
  if (q === "{" && value.endsWith("}")) return ["{", value.slice(1, -1), "}"];
  return ["", value, ""];
};

/** A host (or IP address) pseudonym in the host's own form: an IPv4 address stays one, AWS and placeholder hosts stay. */
function hostPseudonym(host: string, p: Pseudonyms, keepPlaceholders = true): string {
  if (host === "" || isAwsHost(host) || /^(host-[0-9a-f]{10}|redacted)\.example$/.test(host) || (keepPlaceholders && isPlaceholder(host))) return host;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.split(".").every((x) => Number(x) <= 255) ? p.ipv4(host) : host;
  if (host.startsWith("[") && host.endsWith("]")) return `[${p.ipv6(host.slice(1, -1))}]`;
  if (/^[0-9A-Fa-f:]+$/.test(host) && host.includes(":")) return p.ipv6(host);
  return p.host(host);
}

/** A value that holds hosts: `db.corp:5432`, `b1:9092,b2:9092`, `tcp:sql.corp,1433`, an address, or a URL. */
export function redactHosts(value: string, p: Pseudonyms): string {
  if (value.includes("://")) return redactString(value, p);
  if (/^ip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}\b|^ec2-\d/.test(value)) return redactString(value, p);
  return value.replace(/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.:-]+?)(:\d{1,5})?(?=$|[,;\s])/g, (m, host: string, port: string | undefined) => {
    const proto = /^(tcp|udp|np|lpc|admin):/i.exec(host)?.[0] ?? "";
    const name = host.slice(proto.length);
    if (name === "" || /^\d+$/.test(name)) return m;
    return `${proto}${hostPseudonym(name, p, false)}${port ?? ""}`;
  });
}

/**
 * Redacts identifying values inside one string: JSON text held in the string (redacted member by member),
 * secrets under secret names in `name=value` pairs, `name: value` lines and command-line flags, URL and
 * connection-string passwords, authorization values (`Basic`, `Bearer`), PEM keys, JWTs, bearer tokens,
 * long blobs, e-mail addresses, account ids (ARN, bare or dashed), IP addresses and host names in URLs
 * of any scheme, JDBC forms and `host:port` lists. AWS credentials are left for the secret scan, which
 * refuses the cassette; one inside `Basic` credentials throws {@link SecretFound}.
 */
export function redactString(text: string, p: Pseudonyms, depth = 512): string {
  const trimmed = text.trim();
  const first = trimmed[0];
  if ((first === "{" || first === "[") && trimmed.length > 1) {
    let parsed: unknown;
    let ok = false;
    try {
      parsed = JSON.parse(trimmed);
      ok = typeof parsed === "object" && parsed !== null;
    } catch {
      // Not JSON: read as text below.
    }
    if (ok) return JSON.stringify(walk(parsed, undefined, p, false, depth - 1));
  }
  const held = new Held();
  const secret = (value: string) => held.hold(p.secret(value));
  /** A value's secret inside its quotes or braces, which stay. */
  const secretInside = (value: string) => {
    const [open, inner, close] = unquoted(value);
    return `${open}${secret(inner)}${close}`;
  };
  let out = text;
  if (out.length >= BLOB_MIN) {
    const runs = blobRuns(out);
    for (let i = runs.length - 1; i >= 0; i--) {
      const [a, b] = runs[i]!;
      out = `${out.slice(0, a)}${secret(out.slice(a, b))}${out.slice(b)}`;
    }
  }
  if (out.includes("-----BEGIN ")) out = out.replace(PEM, (m) => secret(m));
  if (out.includes("eyJ")) out = out.replace(JWT, (m) => secret(m));
  out = out.replace(AUTH_SCHEME, (m, scheme: string, space: string, value: string) => {
    if (scheme === "Basic") {
      const decoded = Buffer.from(value, "base64").toString("latin1");
      const found = secretPatterns.find((s) => s.pattern.test(decoded));
      if (found) throw new SecretFound(`${found.name} in Basic credentials`);
    }
    if (scheme === "OAuth" && !/=/.test(value)) return m;
    return `${scheme}${space}${secret(value)}`;
  });
  if (/oracle/i.test(out)) {
    out = out.replace(ORACLE, (m, head: string, user: string | undefined, password: string | undefined, slashes: string | undefined, host: string) =>
      held.hold(`${head}${user !== undefined ? `${user}/${p.secret(password!)}` : ""}@${slashes ?? ""}${hostPseudonym(host, p)}`),
    );
  }
  if (out.includes("/")) out = out.replace(USER_SLASH_PASSWORD, (m, tool: string, flags: string, user: string, password: string) => `${tool}${flags}${user}/${secret(password)}@`);
  if (out.includes("://")) {
    out = out.replace(URL_HOSTS, (m, scheme: string, userinfo: string, hosts: string) => {
      if (NO_HOST_SCHEMES.has(scheme.toLowerCase())) return m;
      let info = userinfo;
      const colon = info.indexOf(":");
      if (colon !== -1) info = `${info.slice(0, colon + 1)}${p.secret(info.slice(colon + 1, -1))}@`;
      const list = hosts.replace(/(\[[0-9A-Fa-f:.]+\]|[^,:[\]]+)((?::\d{1,5})?)/g, (h, name: string, port: string) => `${hostPseudonym(name, p)}${port}`);
      return held.hold(`${scheme}${info}${list}`);
    });
  }
  if (out.includes("=")) {
    out = out.replace(PAIR, (m, name: string, value: string) => {
      if (isSecretName(name)) return `${name}${m.slice(name.length, m.length - value.length)}${secretInside(value)}`;
      if (isHostName(name)) {
        const [open, inner, close] = unquoted(value);
        return `${name}${m.slice(name.length, m.length - value.length)}${held.hold(`${open}${redactHosts(inner, p)}${close}`)}`;
      }
      return m;
    });
  }
  if (out.includes("=")) out = out.replace(ADO_HOST, (m, name: string, eq: string, value: string) => `${name}${eq}${held.hold(redactHosts(value, p))}`);
  if (out.includes(":")) {
    out = out.replace(COLON_PAIR, (m, quote: string | undefined, quotedName: string | undefined, bareName: string | undefined, value: string) => {
      const name = quotedName ?? bareName ?? "";
      if (!isSecretName(name) || value.startsWith("\uE000")) return m;
      return `${m.slice(0, m.length - value.length)}${secretInside(value)}`;
    });
  }
  if (out.includes("-")) {
    out = out.replace(FLAG, (m, flag: string, sep: string, value: string) => {
      if (value.startsWith("\uE000")) return m;
      const [q, inner] = unquoted(value);
      // `-h db.corp`, `--host=…`, `--bootstrap-server a:9092,b:9092`: a host when the value looks like one.
      if ((flag === "-h" || (flag.startsWith("--") && isHostName(flag))) && /^[\w.[\]:,-]+$/.test(inner) && /[.:]/.test(inner)) return `${flag}${sep}${q}${held.hold(redactHosts(inner, p))}${q}`;
      const secretFlag = flag === "-p" || (flag.startsWith("--") ? isSecretName(flag) : false);
      return secretFlag ? `${flag}${sep}${secretInside(value)}` : m;
    });
  }
  if (out.includes("@")) out = out.replace(EMAIL, (m, domain: string) => (isPlaceholder(domain) ? m : held.hold(p.email(m))));
  out = out.replace(HOST_PORT, (m, host: string, port: string, at: number, whole: string) => {
    const listed = whole[at + m.length] === "," || whole[at - 1] === ",";
    if (!listed && Number(port) < 1024 && !WELL_KNOWN_PORTS.has(Number(port))) return m;
    return `${held.hold(hostPseudonym(host, p))}:${port}`;
  });
  out = out.replace(TOKEN, (m) => (mixed(m) && !CREDENTIAL_LIKE.test(m) ? secret(m) : m));
  // Accounts first (in ARNs or alone, one pseudonym each); later replacements never make 12 digits.
  out = out
    .replace(BARE_ACCOUNT, (m) => p.account(m))
    .replace(DASHED_ACCOUNT, (m, a: string, b: string, c: string) => p.account(`${a}${b}${c}`).replace(/^(\d{4})(\d{4})(\d{4})$/, "$1-$2-$3"))
    .replace(EC2_HOST, (m, kind: string, a: string, b: string, c: string, d: string) => `${kind}-${p.ipv4(`${a}.${b}.${c}.${d}`).replaceAll(".", "-")}`)
    .replace(IPV6_FULL, (m) => p.ipv6(m))
    .replace(IPV6_V4_TAIL, (m) => p.ipv6(m))
    .replace(IPV6_SHORT, (m) => (m.includes("::") && m.length > 2 ? p.ipv6(m) : m))
    .replace(IPV4, (m, ...parts: string[]) => (parts.slice(0, 4).every((x) => Number(x) <= 255) ? p.ipv4(m) : m));
  return held.restore(out);
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

function walk(value: unknown, guide: Guide | undefined, p: Pseudonyms, secret: boolean, depth: number, host = false): unknown {
  if (depth < 0) throw new RangeError("nested too deeply to redact");
  if (typeof value === "string") {
    if (guide?.sensitive || guide?.redact === "secret" || (secret && !guide?.closed)) return p.secret(value);
    if (guide?.redact === "host" || (host && !guide?.closed)) return redactHosts(value, p);
    return redactString(value, p, depth);
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, guide?.kind === "list" ? guide.child("member") : undefined, p, secret || guide?.sensitive === true, depth - 1, host));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    const below = secret || guide?.sensitive === true;
    for (const [k, v] of Object.entries(value)) {
      const member = guide?.kind === "structure" || guide?.kind === "map" ? guide.child(k) : undefined;
      // Member names of a known structure are the model's; any other key may hold data.
      const key = guide?.kind === "structure" && member ? k : redactString(k, p);
      setOwn(out, key, walk(v, member, p, below || isSecretName(k), depth - 1, isHostName(k)));
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
 * Escapes written into ordinary text (a log line quoting JSON, double-encoded JSON): `\u0041`, `\\u0041`,
 * `\x41`, `\/` become their characters, however many backslashes stand before them.
 */
function unescaped(text: string): string {
  return text
    .replace(/\\+u([0-9A-Fa-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\+x([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\+([/"'])/g, "$1");
}

/** Base64 runs that decode to text (`Basic` credentials, an encoded key pair): the decoded text, to be scanned too. */
function base64Decoded(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{16,4096}={0,2}(?![A-Za-z0-9+/=])/g)) {
    const decoded = Buffer.from(m[0], "base64").toString("latin1");
    // Only text is worth scanning: a credential is printable.
    if (/[A-Za-z0-9]{16}/.test(decoded)) out.push(decoded);
  }
  return out;
}

/**
 * The names of the secrets found in a text, also after `%`-decoding it, undoing `\u` escapes, and decoding
 * base64 runs (`Basic` credentials): credential patterns and long base64 blobs. Linear in the length of the text.
 */
export function findSecrets(text: string): string[] {
  const variants = [text];
  if (text.includes("%")) variants.push(percentDecoded(text));
  if (text.includes("\\")) {
    const u = unescaped(text);
    variants.push(u);
    if (u.includes("%")) variants.push(percentDecoded(u));
  }
  for (const v of [...variants]) variants.push(...base64Decoded(v));
  const found = new Set<string>();
  for (const t of variants) {
    for (const s of secretPatterns) if (s.pattern.test(t)) found.add(s.name);
    if (t === text && t.length >= BLOB_MIN && blobRuns(t).length > 0) found.add("long base64 blob");
  }
  return secretPatterns.map((s) => s.name).concat("long base64 blob").filter((n) => found.has(n));
}
