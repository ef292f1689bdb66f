import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

/** msw's service worker, served and built from the installed msw (what `npx msw init public/` would copy), so the two never differ. */
function mswServiceWorker(): Plugin {
  const file = createRequire(import.meta.url).resolve("msw/mockServiceWorker.js");
  return {
    name: "msw-service-worker",
    configureServer(server) {
      server.middlewares.use("/mockServiceWorker.js", (_req, res) => {
        res.setHeader("Content-Type", "text/javascript");
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "mockServiceWorker.js", source: readFileSync(file, "utf8") });
    },
  };
}

// The page imports the package by name, as an app that installed it does: node_modules/aws-sdk-contracts
// here is this repository (its built dist/, through package.json's exports and their `browser` condition).
const link = fileURLToPath(new URL("./node_modules/aws-sdk-contracts", import.meta.url));
if (!existsSync(link)) {
  mkdirSync(fileURLToPath(new URL("./node_modules", import.meta.url)), { recursive: true });
  symlinkSync("../../..", link, "dir");
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [mswServiceWorker()],
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  logLevel: "warn",
});
