import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @tally/web` proxies the API to a running stack's gateway.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/console', emptyOutDir: true },
  server: { port: 3000, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
