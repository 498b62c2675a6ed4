import { extname, join } from 'node:path';
import { healthRouter, type Logger } from '@tally/service-kit';
import express, { type Express, type Router } from 'express';
import { authRouter } from './auth/auth-router';
import type { ConsoleAuth } from './config';
import { invoicesExportRouter } from './exports/invoices-export';
import { gatewayProxy } from './gateway-proxy';

/**
 * The console's origin: the built app, and the gateway's API (and playground) under the same
 * host, so the browser needs no CORS; what signing in needs (auth/); and CSV exports streamed
 * from the gateway as the caller (exports/); the Operations page's JSON (ops/). Pages are addressed by hash; any other page path
 * (no file extension) that asks for HTML gets the app too.
 */
export function createConsoleApp(opts: {
  staticDir: string;
  gatewayUrl: string;
  auth: ConsoleAuth;
  /** Where failures no response can carry are told (an export cut off mid-way). */
  logger?: Logger;
  /** The Operations page's JSON under /ops (ops/ops-backend.ts). */
  ops?: { router: Router };
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    healthRouter({
      gateway: async () => {
        const res = await fetch(`${opts.gatewayUrl}/health/live`);
        if (!res.ok) throw new Error(`gateway answered ${res.status}`);
      },
    }),
  );
  app.use(['/graphql', '/playground'], gatewayProxy(opts.gatewayUrl));
  app.use(authRouter(opts.auth));
  app.use(invoicesExportRouter({ gatewayUrl: opts.gatewayUrl, logger: opts.logger }));
  if (opts.ops) app.use(opts.ops.router);
  // Vite puts a content hash in every asset's name: they never change under that name.
  app.use(
    '/assets',
    express.static(join(opts.staticDir, 'assets'), { immutable: true, maxAge: '1y' }),
  );
  app.use(express.static(opts.staticDir));
  app.get('/{*path}', (req, res, next) => {
    if (extname(req.path) || !req.accepts('html')) return next();
    res.sendFile(join(opts.staticDir, 'index.html'));
  });
  return app;
}
