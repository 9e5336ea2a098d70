import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `vite` (dev) proxies /api and /portal-api to a running embedded platform (CEM_GATEWAY, default :3000).
const gateway = process.env.CEM_GATEWAY ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': gateway, '/portal-api': gateway } },
});
