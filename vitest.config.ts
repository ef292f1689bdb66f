import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // README examples import the package by name; tests run them against the source.
    alias: [
      { find: /^aws-sdk-contracts\/factories$/, replacement: here("./factories/index.ts") },
      { find: /^aws-sdk-contracts\/handlers$/, replacement: here("./handlers/index.ts") },
      { find: /^aws-sdk-contracts\/check$/, replacement: here("./src/check/index.ts") },
      { find: /^aws-sdk-contracts\/vitest$/, replacement: here("./handlers/vitest.ts") },
      { find: /^aws-sdk-contracts$/, replacement: here("./src/index.ts") },
    ],
  },
  test: {
    include: ["src/**/*.test.ts", "factories/**/*.test.ts", "handlers/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts", "codegen/**/*.test.ts"],
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts", "src/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
