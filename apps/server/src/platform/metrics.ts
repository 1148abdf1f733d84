import client from "prom-client";

/**
 * One Prometheus registry per app instance (tests build many apps in one process), with the
 * process defaults and an HTTP histogram labelled by route pattern, never by raw URL.
 */
export function createMetrics(shared: client.Registry[] = []) {
  const own = new client.Registry();
  client.collectDefaultMetrics({ register: own, prefix: "parley_" });
  const httpDuration = new client.Histogram({
    name: "parley_http_request_duration_seconds",
    help: "HTTP request duration by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [own],
  });
  // Merging copies the list of metrics as it is now: every metric above is registered first.
  const registry = shared.length > 0 ? client.Registry.merge([own, ...shared]) : own;
  return { registry, httpDuration };
}
export type Metrics = ReturnType<typeof createMetrics>;
