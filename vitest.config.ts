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
    // The SDK warns once per process on Node 20 that its 2027 releases need Node 22: noise in a test run.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    include: ["src/**/*.test.ts", "factories/**/*.test.ts", "handlers/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts", "codegen/**/*.test.ts"],
    // The browser example runs in Chromium, by its own config (`npm run test:browser`).
    exclude: ["**/node_modules/**", "examples/browser/**"],
    // Type tests (*.test-d.ts) are checked by `tsc --noEmit` in `npm test`, which reads every file once:
    // a failing expectTypeOf is a type error there, so a second compiler pass here would only cost time.
  },
});
