import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

// One self-contained index.html (scripts, styles and the wasm inlined): the page needs no
// server beyond static files and works offline, and `cargo xtask dist` can ship it as is.
export default defineConfig({
  base: './',
  plugins: [viteSingleFile()],
  build: {
    target: 'es2022',
    reportCompressedSize: true,
  },
});
