import type { Operation, Service } from "./operation.js";
import { operations, registry } from "./registry.js";

/** What the mock understood of an HTTP request. */
export type Routed =
  | { readonly kind: "operation"; readonly operation: Operation; readonly labels: Readonly<Record<string, string>> }
  | { readonly kind: "unmodelled"; readonly service: Service; readonly name: string }
  | { readonly kind: "foreign" };

const services = [...new Map(operations.map((op) => [op.service.id, op.service as Service])).values()];

/** The service a host names (`glue.us-west-2.amazonaws.com`, `management.deadline-fips.…`), if any. */
function serviceOfHost(host: string): Service | undefined {
  const labels = host.split(".");
  return services.find((s) => labels.some((l) => l === s.endpointPrefix || l === `${s.endpointPrefix}-fips`));
}

/**
 * Routes a request the way AWS front ends do: awsJson by `X-Amz-Target` on `POST /` (any host),
 * restJson by method and path template (any host, any endpoint base path, with or without host prefix).
 */
export function route(method: string, url: URL, header: (name: string) => string | undefined): Routed {
  const target = header("x-amz-target");
  if (target && method === "POST") {
    const op = registry.byTarget(target);
    if (op) return { kind: "operation", operation: op, labels: {} };
    const [prefix, name = ""] = target.split(".");
    const service = services.find((s) => s.targetPrefix === prefix);
    return service ? { kind: "unmodelled", service, name } : { kind: "foreign" };
  }
  const path = url.pathname;
  // A custom endpoint may carry a base path (`https://example.test/base`): try each suffix.
  for (let i = 0; i >= 0 && i < path.length; i = path.indexOf("/", i + 1)) {
    const match = registry.byRoute(method, path.slice(i));
    if (match) return { kind: "operation", operation: match.operation, labels: match.params };
  }
  const service = serviceOfHost(url.hostname);
  if (service && !service.targetPrefix && /^\/\d{4}-\d{2}-\d{2}\//.test(path)) {
    return { kind: "unmodelled", service, name: `${method} ${path}` };
  }
  return { kind: "foreign" };
}

