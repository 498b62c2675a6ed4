import react from '@vitejs/plugin-react';
import express from 'express';
import { defineConfig, type Plugin } from 'vite';
import { authRouter } from './server/src/auth/auth-router';
import { loadConsoleSettings } from './server/src/config';
import { invoicesExportRouter } from './server/src/exports/invoices-export';
import { createOpsBackend } from './server/src/ops/ops-backend';
import { createLogger } from '@tally/service-kit';

/**
 * The console server's own routes in the dev server too: /auth, so signing in works there, and
 * the CSV exports (from GATEWAY_URL, by default the gateway the proxy below uses), and the
 * Operations page's /ops JSON.
 */
const consoleRoutes = (): Plugin => ({
  name: 'tally-console-routes',
  configureServer(server) {
    const settings = loadConsoleSettings();
    const app = express();
    app.use(authRouter(settings.auth));
    app.use(invoicesExportRouter({ gatewayUrl: settings.gatewayUrl }));
    const ops = createOpsBackend(settings.ops, createLogger('web-dev', 'warn'));
    app.use(ops.router);
    ops.start();
    server.httpServer?.once('close', () => void ops.stop());
    server.middlewares.use(app);
  },
});

// `npm run dev -w @tally/web` proxies the API to a running stack's gateway.
export default defineConfig({
  plugins: [react(), consoleRoutes()],
  build: { outDir: 'dist/console', emptyOutDir: true },
  server: { port: 3000, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
