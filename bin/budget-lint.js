#!/usr/bin/env node
// The command bundled (scripts/bundle.mjs): one file to load instead of ~120 modules, compiled
// with V8's code cache made at build time. A cache V8 refuses (another Node version, other
// flags) is ignored: the bundle is then compiled from source, as any script is.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
const cacheFile = `${bundle}.cache`;
const writeCache = process.env.BUDGET_LINT_WRITE_CODE_CACHE === '1';

function load() {
  let cachedData;
  if (!writeCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache (not built yet, or removed): compile from source
    }
  }
  let source;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    process.stderr.write(`budget-lint: 找不到 ${bundle}：请先构建（npm run build；npm ci 会自动构建）\n`);
    process.exit(2);
  }
  // the bundle's own import() of the packages it leaves outside (scripts/bundle.mjs) is this file's
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __bundleImport) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  // BUDGET_LINT_DEBUG_CODE_CACHE=1 says whether the cache was used (test/bin.test.ts)
  if (process.env.BUDGET_LINT_DEBUG_CODE_CACHE === '1') process.stderr.write(`code cache: ${!cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
  const module = { exports: {} };
  const run = script.runInThisContext();
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle), (specifier) => import(specifier));
  return { main: module.exports.main, givePdfiumWasm: module.exports.givePdfiumWasm, script };
}

// A PDF to read with PDFium (the default engine): its wasm starts compiling now, on V8's background
// threads, while the command and its rules load (handed over with givePdfiumWasm)
const args = process.argv.slice(2);
let pdfiumWasm;
if (args.some((a) => /\.pdf$/i.test(a)) && !args.some((a) => /unpdf/.test(a))) {
  try {
    const bytes = readFileSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'));
    pdfiumWasm = WebAssembly.compile(bytes);
  } catch {
    // left for the engine to find and report as it does without this head start
  }
}

const { main, givePdfiumWasm, script } = load();
if (pdfiumWasm) givePdfiumWasm(pdfiumWasm);

// a reader that stops early (`budget-lint … | head`) closes the pipe: stop quietly, as other tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(args).then(
  (code) => {
    process.exitCode = code;
    // after a lint, so that the functions it compiled are in the cache (scripts/bundle.mjs)
    if (writeCache) writeFileSync(cacheFile, script.createCachedData());
  },
  (err) => {
    process.stderr.write(`budget-lint: 内部错误：${err?.message ?? err}\n`);
    process.exitCode = 2;
  },
);
