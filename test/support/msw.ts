/**
 * `server.listen` options that mean the same on msw 2 (`onUnhandledRequest`) and msw 3
 * (`onUnhandledFrame`), so one suite proves the whole peer range. A callback records the URL and
 * then fails the request, so nothing unhandled ever reaches the network.
 */
export function listenOptions(onUnhandled: "error" | ((url: string) => void)): never {
  if (onUnhandled === "error") return { onUnhandledRequest: "error", onUnhandledFrame: "error" } as never;
  return {
    onUnhandledRequest: (request: Request) => {
      onUnhandled(request.url);
      throw new Error("unhandled request stopped by the test");
    },
    onUnhandledFrame: ({ frame }: { frame: { data: { request?: Request } } }) => {
      if (frame.data.request) onUnhandled(frame.data.request.url);
      throw new Error("unhandled request stopped by the test");
    },
  } as never;
}
