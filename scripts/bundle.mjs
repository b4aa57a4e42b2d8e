#!/usr/bin/env node
// The command as one bundle (dist/bundle/): Node's ES module loader resolves, reads and links
// each of the ~120 modules of dist/ and its dependencies one by one, which took about 100 ms of
// every run (measured: importing dist/cli/main.js 150–170 ms, the bundle 60–70 ms). Run by
// `npm run build` after tsc. dist/ as tsc wrote it stays the package's API.
//
// The command's bundle is CommonJS (cli.cjs) so that bin/budget-lint.js can compile it through
// vm.Script with V8's code cache (cli.cjs.cache, made here by linting the bundled samples once):
// the functions a lint runs are then loaded as bytecode instead of being parsed and compiled on
// every run, about 100 ms of a cold lint (see scripts/code-cache note in bin/budget-lint.js).
// Node 20 has no compile cache for ES modules (module.enableCompileCache is Node 22).
// The pool's worker stays an ES module bundle of its own, found beside the command as
// dist/batch/worker.js is beside dist/batch/pool.js.
// Packages loaded lazily and big (the PDF engines, piscina) or read with require (yaml) stay
// outside and are loaded from node_modules as before.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['@embedpdf/pdfium', 'unpdf', 'pdfjs-dist', 'piscina', 'yaml'],
  logLevel: 'warning',
};
const cli = await build({
  ...common,
  entryPoints: { cli: path.join(root, 'dist/cli/main.js') },
  outdir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  write: false,
  // the modules find the package from their own URL (dist/<folder>/x.js → ../../); the bundle sits at the same depth
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// import() of the packages left outside (piscina, unpdf/pdfjs) goes through the loader's own
// import (__bundleImport, see bin/budget-lint.js): functions V8 restores from a code cache lose
// vm.Script's importModuleDynamically in Node 20 ("A dynamic import callback was not specified")
const IMPORT = /\bimport\((?=["'])/g;
mkdirSync(outdir, { recursive: true });
for (const out of cli.outputFiles) {
  const imports = out.text.match(IMPORT) ?? [];
  if (imports.length !== 2) throw new Error(`bundle: expected the 2 dynamic imports of piscina and unpdf/pdfjs, found ${imports.length}`);
  writeFileSync(out.path, asciiOnly(out.text.replace(IMPORT, '__bundleImport(')));
}

/**
 * The bundle with every non-ASCII character (esbuild leaves them in regular expression literals
 * and comments) written as \uXXXX: a one-byte source is read and compiled a few ms faster on
 * every run than a two-byte one. The same meaning wherever such a character stands in a regular
 * expression, a string or a comment; not after a backslash, nor in String.raw: refused there.
 */
function asciiOnly(text) {
  const bad = /\\[^\x00-\x7f]|String\.raw`[^`]*[^\x00-\x7f]/.exec(text);
  if (bad) throw new Error(`bundle: a non-ASCII character where \\u escaping would change its meaning: ${bad[0].slice(0, 80)}`);
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
await build({
  ...common,
  entryPoints: { worker: path.join(root, 'dist/batch/worker.js') },
  outdir,
  format: 'esm',
  // CommonJS dependencies (commander, json-logic-js) require Node's modules: give them require
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
});

// the code cache: one lint of a PDF and of a text, so that what a lint compiles is in it
const samples = ['fixtures/sample/budget-2025.pdf', 'fixtures/text/final-wanyuan.txt'].map((f) => path.join(root, f));
const made = spawnSync(process.execPath, [path.join(root, 'bin/budget-lint.js'), '--concurrency', 'off', '--no-config-lookup', ...samples], {
  env: { ...process.env, BUDGET_LINT_WRITE_CODE_CACHE: '1', FORCE_COLOR: '0' },
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
if (made.status !== 0 && made.status !== 1) {
  process.stderr.write(`bundle: the code cache was not made (exit ${made.status}): ${made.stderr}\n`);
  process.exit(1);
}
