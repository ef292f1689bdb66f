export * from "./common.js";
export { serve } from "./serve.js";
export type { ServeOptions, Served } from "./serve.js";
