import react from '@vitejs/plugin-react';
import express from 'express';
import { defineConfig, type Plugin } from 'vite';
import { authRouter } from './server/src/auth/auth-router';
import { loadConsoleSettings } from './server/src/config';

/** The console server's /auth routes in the dev server too, so signing in works there. */
const consoleAuth = (): Plugin => ({
  name: 'tally-console-auth',
  configureServer(server) {
    const app = express();
    app.use(authRouter(loadConsoleSettings().auth));
    server.middlewares.use(app);
  },
});

// `npm run dev -w @tally/web` proxies the API to a running stack's gateway.
export default defineConfig({
  plugins: [react(), consoleAuth()],
  build: { outDir: 'dist/console', emptyOutDir: true },
  server: { port: 3000, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
