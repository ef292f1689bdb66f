import { createFactories } from "/work/main/dist/factories/index.js";
const f = createFactories({ seed: 1 }).operation("glue:GetJobRun");
const run = () => { const t = performance.now(); let n = 0; while (performance.now() - t < 2000) { f.build({ JobRun: { Id: `jr_${n}`, JobName: "nightly" } }, { seed: n++ }); } return n / 2; };
run(); console.log("builds/s with overrides", run().toFixed(0));
