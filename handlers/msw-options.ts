/** What to do with a request no handler answers: an msw strategy, or a callback given the request. */
export type UnhandledStrategy = "bypass" | "warn" | "error" | ((request: Request) => void);

/**
 * `server.listen()` options that mean the same on msw 2 (`onUnhandledRequest`) and msw 3 (`onUnhandledFrame`).
 * @example server.listen(onUnhandled("error"))
 */
export function onUnhandled(strategy: UnhandledStrategy): {} {
  if (typeof strategy !== "function") return { onUnhandledRequest: strategy, onUnhandledFrame: strategy };
  return {
    onUnhandledRequest: (request: Request) => strategy(request),
    onUnhandledFrame: ({ frame }: { frame: { data: { request?: Request } } }) => {
      if (frame.data.request) strategy(frame.data.request);
    },
  };
}
