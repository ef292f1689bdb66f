// `npm test`: the type check (tsc, which also checks the *.test-d.ts type tests) and the vitest suite run
// side by side, since neither keeps both cores busy alone; arguments go to vitest. Fails if either fails.
import { spawn } from "node:child_process";

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const tsc = spawn(bin("tsc"), ["--noEmit"], { stdio: ["ignore", "pipe", "pipe"] });
let typeErrors = "";
tsc.stdout.on("data", (d) => (typeErrors += d));
tsc.stderr.on("data", (d) => (typeErrors += d));
const typecheck = new Promise((resolve) => tsc.on("close", (code) => resolve(code ?? 1)));
const vitest = spawn(bin("vitest"), ["run", ...process.argv.slice(2)], { stdio: "inherit" });
const tests = new Promise((resolve) => vitest.on("close", (code) => resolve(code ?? 1)));
const [typed, tested] = await Promise.all([typecheck, tests]);
if (typed !== 0) console.error(`\ntsc --noEmit failed (type errors, or a failing type test):\n${typeErrors}`);
else console.log("tsc --noEmit: no type errors (type tests included)");
process.exitCode = typed !== 0 ? typed : tested;
