/**
 * The handlers entry for browsers, which bundlers take by the `browser` export condition: the Node entry
 * without `serve`, and msw given to the mock by import (a browser has no `require` to load it on demand).
 */
import { http } from "msw";
import { useMsw } from "./mock.js";

useMsw({ http });

export * from "./common.js";
