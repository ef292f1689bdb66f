import type { AwsMock } from "./mock.js";

/** The parts of a Smithy `HttpRequest` the SDK hands to a request handler. */
interface SmithyRequest {
  readonly method: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly port?: number;
  readonly path: string;
  readonly query?: Record<string, string | string[] | null>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** A Smithy `HttpResponse` as the SDK reads it. */
interface SmithyResponse {
  readonly statusCode: number;
  readonly reason?: string;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/** A request handler for the `requestHandler` option of any SDK v3 client. */
export interface DirectHandler {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's HttpHandlerOptions, without depending on @smithy/types
  handle(request: SmithyRequest, options?: any): Promise<{ response: SmithyResponse }>;
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

/** The SDK's `abortSignal`: a standard AbortSignal, or Smithy's older one with only `aborted` and `onabort`. */
interface AbortSignalLike {
  readonly aborted?: boolean;
  onabort?: ((...args: never[]) => unknown) | null;
  addEventListener?: unknown;
}

function standardSignal(signal: AbortSignalLike): AbortSignal {
  if (typeof AbortSignal !== "undefined" && signal instanceof AbortSignal) return signal;
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else {
    const previous = signal.onabort;
    signal.onabort = (...args: never[]) => {
      controller.abort();
      return previous?.(...args);
    };
  }
  return controller.signal;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toUrl(req: SmithyRequest): string {
  const port = req.port ? `:${req.port}` : "";
  if (!req.query || Object.keys(req.query).length === 0) return `${req.protocol}//${req.hostname}${port}${req.path}`;
  const query = Object.entries(req.query ?? {}).flatMap(([k, v]) =>
    v === null ? [encodeURIComponent(k)] : (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`),
  );
  return `${req.protocol}//${req.hostname}${port}${req.path}${query.length ? `?${query.join("&")}` : ""}`;
}

function toBody(body: unknown): string | Uint8Array<ArrayBuffer> | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return body as Uint8Array<ArrayBuffer>;
  throw new Error("[aws-sdk-contracts] The direct transport reads string and byte bodies only; streaming request bodies are not supported.");
}

/** The URLs of recent requests, parsed once: a client sends most of its calls to one endpoint (the mock only reads them). */
const urls = new Map<string, URL>();
function urlOf(text: string): URL {
  let url = urls.get(text);
  if (!url) {
    if (urls.size >= 64) urls.clear();
    urls.set(text, (url = new URL(text)));
  }
  return url;
}

/** Serves a mock to an SDK client directly: no global interception, so mocks can run side by side. */
export function directHandler(mock: AwsMock, onUnhandled: "error" | ((request: Request) => Response | Promise<Response>)): DirectHandler {
  return {
    async handle(req, options: { abortSignal?: AbortSignalLike } | undefined) {
      if (options?.abortSignal?.aborted) throw Object.assign(new Error("Request aborted"), { name: "AbortError" });
      const url = urlOf(toUrl(req));
      const lower: Record<string, string> = {};
      for (const k in req.headers) if (Object.hasOwn(req.headers, k)) lower[k.toLowerCase()] = req.headers[k]!;
      const wire = await mock.answer({
        method: req.method,
        url,
        header: (name) => lower[name.toLowerCase()],
        body: async () => {
          const body = toBody(req.body);
          return body === undefined ? "" : typeof body === "string" ? body : decoder.decode(body);
        },
        ...(options?.abortSignal ? { signal: standardSignal(options.abortSignal) } : {}),
      });
      if (wire) return { response: { statusCode: wire.status, headers: wire.headers, body: encoder.encode(wire.body) } };
      if (onUnhandled === "error") {
        throw new Error(`[aws-sdk-contracts] No handler for ${req.method} ${url.href}: it is not one of the modelled operations (${lower["x-amz-target"] ?? "no X-Amz-Target"}).`);
      }
      const response = await onUnhandled(new Request(url, { method: req.method, headers: lower, body: toBody(req.body) ?? null }));
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      return { response: { statusCode: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
    destroy() {},
  };
}
