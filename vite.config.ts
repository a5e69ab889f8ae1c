import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Vendor chunks that change rarely and load in parallel; antd alone is most of the bundle.
 * The highest priority wins, so react-dom stays out of the antd chunk that imports it.
 */
const VENDOR_GROUPS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 4 },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/, priority: 3 },
  { name: 'i18n-dates', test: /node_modules[\\/](date-fns|i18next|react-i18next)[\\/]/, priority: 2 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
];

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build is served by app:// in Electron and by the browser-mode host.
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // antd's date-fns adapter imports every date-fns locale; the app ships two.
      { find: /^date-fns\/locale$/, replacement: fromRoot('./renderer/i18n/dateFnsLocales.ts') },
    ],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output: { codeSplitting: { groups: VENDOR_GROUPS } } },
  },
});
