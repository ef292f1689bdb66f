import { playwright } from "@vitest/browser-playwright";
import { defineConfig, mergeConfig } from "vitest/config";
import page from "./vite.config.js";

// vitest's browser mode: the test files run in Chromium (Debian's, or the one CHROMIUM names), msw's
// worker served by the page's Vite config. `npm run test:browser` runs it after the Playwright test.
export default mergeConfig(
  page,
  defineConfig({
    test: {
      include: ["*.browser.test.ts"],
      testTimeout: 60_000,
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        provider: playwright({
          launchOptions: {
            executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
            args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
          },
        }),
        instances: [{ browser: "chromium" }],
      },
    },
  }),
);
