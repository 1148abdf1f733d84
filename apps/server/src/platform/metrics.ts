import client from "prom-client";

/**
 * One Prometheus registry per app instance (tests build many apps in one process), with the
 * process defaults and an HTTP histogram labelled by route pattern, never by raw URL.
 */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "parley_" });
  const httpDuration = new client.Histogram({
    name: "parley_http_request_duration_seconds",
    help: "HTTP request duration by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, httpDuration };
}
export type Metrics = ReturnType<typeof createMetrics>;
