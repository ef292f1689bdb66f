import { benchFactories } from "./factories.js";
import { benchHandlers } from "./handlers.js";

console.log(`aws-sdk-contracts benchmarks on Node ${process.version}: ratios matter, absolute numbers depend on the machine.`);
console.log(benchFactories());
console.log(await benchHandlers());
