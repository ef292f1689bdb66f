import type { Gen } from "./random.js";

/** The AWS account of a build: the same for every field of one build, so ARNs agree with each other. */
export function accountId(gen: Gen): string {
  return gen.memo("$account", () => gen.root().digits("$account", 12));
}

/** The region of a build (Glue and Deadline are regional; Device Farm lives in us-west-2 only). */
export function region(gen: Gen): string {
  return gen.root().pick("$region", ["us-west-2", "us-west-2", "us-east-1", "eu-west-1", "ap-southeast-2"]);
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A date after every one of `dates`, by between `minMs` and `maxMs`. */
export function afterAll(gen: Gen, field: string, dates: readonly Date[], maxMs: number, minMs = 1000): Date {
  const latest = Math.max(...dates.map((d) => d.getTime()));
  return new Date(latest + minMs + Math.floor(gen.unit(field) * (maxMs - minMs + 1)));
}

/** A private IPv4 address in a VPC range. */
export function privateIpv4(gen: Gen, field: string): string {
  return `10.${gen.int(`${field}.b`, 0, 255)}.${gen.int(`${field}.c`, 0, 255)}.${gen.int(`${field}.d`, 1, 254)}`;
}

/** A full, upper-case, eight-group IPv6 address in an AWS range (the form Deadline's pattern takes). */
export function fullIpv6(gen: Gen, field: string): string {
  const groups = ["2600", "1F14", gen.hex(`${field}.3`, 4, true), gen.hex(`${field}.4`, 4, true), "0000", "0000", gen.hex(`${field}.7`, 4, true), gen.hex(`${field}.8`, 4, true)];
  return groups.join(":");
}
