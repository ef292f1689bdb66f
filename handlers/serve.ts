import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAwsMock, type AwsMock, type AwsMockOptions } from "./mock.js";

export interface ServeOptions extends AwsMockOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port?: number;
  /** A JSON file of sessions to add: `{ "glue.sessions": [{ "Id": "s-1", "Status": "READY" }], … }`. */
  readonly state?: string;
}

export interface Served {
  readonly mock: AwsMock;
  readonly url: string;
  close(): Promise<void>;
}

type StateFile = Partial<Record<"glue.sessions" | "deadline.sessions" | "deviceFarm.testGridSessions" | "deviceFarm.remoteAccessSessions", unknown[]>>;

async function loadState(mock: AwsMock, path: string): Promise<void> {
  let state: StateFile;
  try {
    state = JSON.parse(await readFile(path, "utf8")) as StateFile;
  } catch (error) {
    throw new Error(`[aws-sdk-contracts] Failed to read the state file ${path}: ${(error as Error).message}`);
  }
  const stores = {
    "glue.sessions": mock.glue.sessions,
    "deadline.sessions": mock.deadline.sessions,
    "deviceFarm.testGridSessions": mock.deviceFarm.testGridSessions,
    "deviceFarm.remoteAccessSessions": mock.deviceFarm.remoteAccessSessions,
  } as const;
  for (const [name, list] of Object.entries(state)) {
    const store = stores[name as keyof typeof stores];
    if (!store) throw new Error(`[aws-sdk-contracts] Unknown store "${name}" in ${path}; known: ${Object.keys(stores).join(", ")}.`);
    for (const partial of list ?? []) (store.add as (p: unknown) => unknown)(partial);
  }
}

async function text(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Serves the mock over HTTP on loopback, for clients outside JavaScript (`aws --endpoint-url`).
 * @example const served = await serve({ port: 0 }); // aws glue get-session --endpoint-url served.url …
 */
export async function serve(options: ServeOptions = {}): Promise<Served> {
  const mock = createAwsMock(options);
  if (options.state) await loadState(mock, options.state);
  const server: Server = createServer((req, res) => {
    const host = req.headers.host ?? "127.0.0.1";
    mock
      .answer({
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", `http://${host}`),
        header: (name) => {
          const v = req.headers[name.toLowerCase()];
          return Array.isArray(v) ? v.join(", ") : v;
        },
        body: () => text(req),
      })
      .then((wire) => {
        if (!wire) {
          res.writeHead(404, { "content-type": "application/json" });
          res.end(JSON.stringify({ message: `[aws-sdk-contracts] ${req.method} ${req.url} is not one of the modelled operations.` }));
          return;
        }
        res.writeHead(wire.status, wire.headers);
        res.end(wire.body);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: `[aws-sdk-contracts] ${(error as Error).message}` }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4566, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    mock,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
