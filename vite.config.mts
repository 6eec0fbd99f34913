import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { withContentSecurityPolicy } from './src-main/security/content-security-policy';

// The renderer only. Electron loads the result from file://, hence relative
// asset URLs; the web mode serves the same files over loopback HTTP.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [
    react(),
    // The meta tag's policy comes from the same source as the headers (web mode, Electron).
    { name: 'wren-content-security-policy', transformIndexHtml: { order: 'pre', handler: withContentSecurityPolicy } },
  ],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // The preload polyfill would be the only script not from a file; modern Chromium needs none.
    modulePreload: { polyfill: false },
    // Keep every asset a file, so nothing needs a data: exception beyond images.
    assetsInlineLimit: 0,
  },
});
