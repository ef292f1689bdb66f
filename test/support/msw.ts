import { onUnhandled } from "../../handlers/index.js";

/** Listen options for the suite: a callback records the URL, then fails the request so nothing leaves the machine. */
export function listenOptions(strategy: "error" | ((url: string) => void)): {} {
  if (strategy === "error") return onUnhandled("error");
  return onUnhandled((request) => {
    strategy(request.url);
    throw new Error("unhandled request stopped by the test");
  });
}
