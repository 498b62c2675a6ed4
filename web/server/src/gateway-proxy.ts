import { request } from 'node:http';
import type { RequestHandler } from 'express';

const UPSTREAM_TIMEOUT_MS = 60_000;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'host', 'upgrade']);

/**
 * Forwards the request as it came (method, path, headers, streamed body) to the gateway, so
 * the browser talks to one origin. An unreachable gateway answers like a GraphQL outage.
 */
export function gatewayProxy(gatewayUrl: string): RequestHandler {
  const target = new URL(gatewayUrl);
  return (req, res) => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
    );
    const upstream = request(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.originalUrl,
        headers: { ...headers, host: target.host },
        timeout: UPSTREAM_TIMEOUT_MS,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('the gateway did not answer in time')));
    upstream.on('error', (err) => {
      if (res.headersSent) return void res.destroy();
      res.status(502).json({
        errors: [{ message: `gateway: ${err.message}`, extensions: { code: 'UNAVAILABLE' } }],
      });
    });
    req.pipe(upstream);
  };
}
