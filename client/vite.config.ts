import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './graphql-documents-plugin';

const clientDir = fileURLToPath(new URL('.', import.meta.url));

/** The web client: built into client/dist, which the API server serves next to /graphql. */
export default defineConfig(({ command }) => ({
  root: clientDir,
  plugins: [react(), graphqlDocuments(fileURLToPath(new URL('./src', import.meta.url)))],
  // Apollo Client guards its development warnings with this flag; false lets the production bundle drop them.
  define: command === 'build' ? { 'globalThis.__DEV__': 'false' } : {},
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: false },
    },
  },
}));
