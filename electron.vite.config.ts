import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One main bundle with two entries: the Electron host (index) and the CLI / `flagdeck serve` (cli).
// Shared services land in common chunks; only index.js imports `electron`.
export default defineConfig({
  main: {
    // csv-parse and zod are bundled: resolving and loading their modules one by one cost `flagdeck
    // inspect` about 12 ms of its fixed start-up (csv-parse's eleven) and every command that loads
    // the review code about 80 ms (zod's seventy; measured by bench/open.mjs).
    plugins: [externalizeDepsPlugin({ exclude: ['csv-parse', 'zod'] })],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
