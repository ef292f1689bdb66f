import { readFileSync } from "node:fs";
import { registry, type Operation } from "../../src/index.js";

/** The verified wire reference, as a copy kept in test/reference (compared with ../shared when present). */
const reference = readFileSync(new URL("../reference/aws-wire.md", import.meta.url), "utf8");

const sections: Record<string, string> = {
  "5": "deviceFarm:GetTestGridSession",
  "6": "deviceFarm:GetRemoteAccessSession",
  "7": "deadline:GetSession",
  "8": "glue:GetSession",
};

export interface Example {
  readonly operation: Operation;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly where: string;
}

export function examples(): Example[] {
  const found: Example[] = [];
  let section = "";
  const lines = reference.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heading = /^## (\d+)\./.exec(lines[i]!);
    if (heading) section = heading[1]!;
    if (lines[i] !== "```http" || !sections[section]) continue;
    const block: string[] = [];
    for (i++; lines[i] !== "```"; i++) block.push(lines[i]!);
    const status = /^HTTP\/1\.1 (\d{3})/.exec(block[0]!);
    if (!status) continue;
    const blank = block.indexOf("");
    const headers = Object.fromEntries(
      block.slice(1, blank).map((h) => [h.slice(0, h.indexOf(":")).toLowerCase(), h.slice(h.indexOf(":") + 1).trim()]),
    );
    const text = block.slice(blank + 1).join("\n");
    found.push({ operation: registry.get(sections[section] as never), status: Number(status[1]), headers, body: JSON.parse(text), where: `§${section} line ${i}` });
  }
  return found;
}


/** The success example body of an operation, as a fresh copy. */
export function successExample(id: string): Record<string, unknown> {
  const example = examples().find((e) => e.operation.id === id && e.status === 200);
  if (!example) throw new Error(`no success example for ${id}`);
  return structuredClone(example.body) as Record<string, unknown>;
}
