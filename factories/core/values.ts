import { hashSeed, type Gen } from "./random.js";

/** The AWS account of a build: the same for every field of one build, so ARNs agree with each other. */
export function accountId(gen: Gen): string {
  return gen.where?.account ?? gen.memo("$account", () => gen.root().digits("$account", 12));
}

/** The region of a build (Glue and Deadline are regional; Device Farm lives in us-west-2 only). */
export function region(gen: Gen): string {
  return gen.where?.region ?? gen.root().pick("$region", ["us-west-2", "us-west-2", "us-east-1", "eu-west-1", "ap-southeast-2"]);
}

/** The account a seed stands for: the mock's, and a factory set's unless it names one. */
export function accountOf(seed: number): string {
  return String(100000000000 + (hashSeed(seed, "account") % 900000000000));
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A private IPv4 address in a VPC range. */
export function privateIpv4(gen: Gen, field: string): string {
  return `10.${gen.int(`${field}.b`, 0, 255)}.${gen.int(`${field}.c`, 0, 255)}.${gen.int(`${field}.d`, 1, 254)}`;
}

/** The first two groups of an AWS IPv6 block in each region the factories use. */
const IPV6_PREFIX: Record<string, [string, string]> = {
  "us-west-2": ["2600", "1F14"],
  "us-east-1": ["2600", "1F18"],
  "eu-west-1": ["2A05", "D018"],
  "ap-southeast-2": ["2406", "DA1C"],
};

/** The private DNS name EC2 gives an address in a region (us-east-1 has its own suffix). */
export function ec2HostName(ip: string, regionName: string): string {
  return `ip-${ip.replaceAll(".", "-")}.${regionName === "us-east-1" ? "ec2.internal" : `${regionName}.compute.internal`}`;
}

/** A full, upper-case, eight-group IPv6 address in the region's AWS block (the form Deadline's pattern takes). */
export function fullIpv6(gen: Gen, field: string, regionName: string): string {
  const [a, b] = IPV6_PREFIX[regionName] ?? ["2600", "1F14"];
  const groups = [a, b, gen.hex(`${field}.3`, 4, true), gen.hex(`${field}.4`, 4, true), "0000", "0000", gen.hex(`${field}.7`, 4, true), gen.hex(`${field}.8`, 4, true)];
  return groups.join(":");
}
