import { readFileSync } from "node:fs";
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

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [mswServiceWorker()],
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  logLevel: "warn",
});
