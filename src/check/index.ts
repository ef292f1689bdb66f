export { checkRecording, checkEntry } from "./check.js";
export type { CheckOptions, CheckReport, EntryResult, Problem } from "./check.js";
export { checkFile, checkPaths, expandPaths } from "./files.js";
export { detect, formats, operationOfBody, CASSETTE } from "./formats.js";
export type { Format } from "./formats.js";
export { formatText, formatJson, formatJunit, summaryLine, totals } from "./print.js";
export type { Totals } from "./print.js";
export { samplesDir } from "./samples.js";
