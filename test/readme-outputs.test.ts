import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createFactories } from "../factories/index.js";

/** The outputs README.md shows are the ones the factories build: each block follows its recipe. */
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/<!-- factory-output: (\{.*?\}) -->\n```json\n([\s\S]*?)\n```/g)].map((m) => [JSON.parse(m[1]!) as { id: string; seed: number; region: string; trait?: string }, m[2]!] as const);

describe("README's generated outputs", () => {
  test("the README shows a Glue table and a Device Farm run", () => {
    expect(blocks.map(([recipe]) => recipe.id)).toEqual(["glue:GetTable", "deviceFarm:GetRun"]);
  });

  test.each(blocks.map(([recipe, json]) => [recipe.id, recipe, json] as const))("%s is shown as it comes out", (_, recipe, json) => {
    const factory = createFactories({ seed: 42, account: "123456789012", region: recipe.region }).operation(recipe.id as never);
    const built = (recipe.trait ? factory.with(recipe.trait) : factory).build(undefined, { seed: recipe.seed });
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(built)));
  });
});
