import { testClientConfig } from "../../handlers/index.js";
import type { Operation } from "../../src/index.js";

/** A real SDK client, as the tests use it: `send` of a command built from an operation's input. */
export type Client = { send(command: unknown): Promise<Record<string, unknown>>; destroy(): void };
type Module = Record<string, new (input?: unknown) => unknown>;
const modules = new Map<string, Module>();

/** The SDK package an operation names, loaded once. */
export async function sdk(op: Operation): Promise<Module> {
  let module = modules.get(op.sdk.package);
  if (!module) modules.set(op.sdk.package, (module = (await import(op.sdk.package)) as Module));
  return module;
}

/** A client of the operation's service, with the test configuration and the given options (a request handler). */
export async function client(op: Operation, options: { requestHandler?: unknown; maxAttempts?: number } = {}, region?: string): Promise<Client> {
  const Client = (await sdk(op))[op.sdk.client] as new (config: unknown) => Client;
  return new Client({ ...testClientConfig({ maxAttempts: options.maxAttempts ?? 1, ...(region ? { region } : {}) }), ...options });
}

/** Sends one operation's input with the real SDK command. */
export async function send(c: Client, op: Operation, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const Command = (await sdk(op))[op.sdk.command]!;
  return c.send(new Command(input));
}
