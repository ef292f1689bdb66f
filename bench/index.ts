import { benchBundle } from "./bundle.js";
import { benchCheck } from "./check.js";
import { benchFactories } from "./factories.js";
import { benchHandlers } from "./handlers.js";
import { benchServe } from "./serve.js";
import { benchBeforeAfter, benchFirstBuild, benchStartup } from "./startup.js";

// The SDK's once-per-process notice that its 2027 releases need Node 22 is noise in a table of ratios.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
console.log(`aws-sdk-contracts benchmarks on Node ${process.version}: ratios matter, absolute numbers depend on the machine.`);
const only = process.argv[2];
if (!only || only === "factories") console.log(benchFactories());
if (!only || only === "handlers") console.log(await benchHandlers());
if (!only || only === "check") console.log(await benchCheck());
if (!only || only === "serve") console.log(await benchServe());
if (!only || only === "startup") console.log(benchStartup());
if (!only || only === "first-build") console.log(benchFirstBuild());
if (!only || only === "before-after") console.log(benchBeforeAfter());
if (!only || only === "bundle") console.log(await benchBundle());
