#!/usr/bin/env node
// The command as one bundle (dist/bundle/): Node's ES module loader resolves, reads and links
// each of the ~120 modules of dist/ and its dependencies one by one, which took about 100 ms of
// every run (measured: importing dist/cli/main.js 150–170 ms, the bundle 60–70 ms). Run by
// `npm run build` after tsc. The pool's worker is an entry of its own, beside the command, so that
// the pool finds it as it does in dist/batch. dist/ as tsc wrote it stays the package's API.
// Packages loaded lazily and big (the PDF engines, piscina) or read with require (yaml) stay
// outside and are loaded from node_modules as before.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: { cli: path.join(root, 'dist/cli/main.js'), worker: path.join(root, 'dist/batch/worker.js') },
  outdir: path.join(root, 'dist/bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@embedpdf/pdfium', 'unpdf', 'pdfjs-dist', 'piscina', 'yaml', 'chalk'],
  // CommonJS dependencies (commander, json-logic-js) require Node's modules: give them require
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
