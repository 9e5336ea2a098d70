import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { HttpMiddleware } from './http-request';

/**
 * One registry per app (not prom-client's global one), since the embedded default runs four services in
 * one process and each must report only its own traffic.
 */
export class HttpMetrics {
  readonly registry: Registry;
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  /** `registry`: one the service's runtime metrics are already registered in (see service-metrics). */
  constructor(service: string, registry = new Registry()) {
    this.registry = registry;
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const labelNames = ['method', 'route', 'status'] as const;
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route pattern and status',
      labelNames,
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route pattern and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
  }

  middleware(): HttpMiddleware {
    return (req, res, next) => {
      const stop = this.duration.startTimer();
      res.on('finish', () => {
        // The route pattern, never the raw URL: ids in URLs would make one series per record.
        const route = req.route ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
        const labels = { method: req.method ?? 'GET', route, status: String(res.statusCode) };
        this.requests.inc(labels);
        stop(labels);
      });
      next();
    };
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
