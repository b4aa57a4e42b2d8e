// npm run bench: what each stage costs. Run after `npm ci` (which builds dist/).
//  1. per PDF (fixtures, and ../shared/real-pdf when present): bare extraction by each engine
//     (characters and their positions, no lines) against the whole lint with the default engine
//     (extraction + lines + layout + model + rules): medians of interleaved runs in one process
//     (all modes share the machine's state), the ratio of the lint to the faster engine, pages
//     per second, and peak memory of each mode measured in a fresh process;
//  2. per text document: decoding, model building and rules, in milliseconds;
//  3. growth: 1, 4, 16 and 64 concatenated copies of one text, each linted in a fresh process
//     (time and peak memory), to show that cost grows linearly with the input.
//  `npm run bench -- --growth` runs only the last.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const self = new URL(import.meta.url).pathname;
const RUNS = 5;
const MODES = ['pdfium', 'unpdf', 'lint'];

if (process.argv[2] === '--grow') {
  const { lintFile } = await import('../dist/cli/lint.js');
  const { BUILTIN_RULES_DIR, loadRules } = await import('../dist/rules/index.js');
  const rules = await loadRules([BUILTIN_RULES_DIR]);
  const t0 = performance.now();
  const outcome = await lintFile(process.argv[3], rules);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, diagnostics: outcome.diagnostics.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

if (process.argv[2] === '--child') {
  const [, , , mode, file] = process.argv;
  const { openPdfium } = await import('../dist/ingest/pdf-pdfium.js');
  const { openUnpdf } = await import('../dist/ingest/pdf-unpdf.js');
  const { lintFile } = await import('../dist/cli/lint.js');
  const { BUILTIN_RULES_DIR, loadRules } = await import('../dist/rules/index.js');
  const rules = await loadRules([BUILTIN_RULES_DIR]);
  const bytes = new Uint8Array(readFileSync(file));
  let pages = 0;
  const extract = async (open) => {
    const doc = await open(file, bytes);
    pages = doc.pages;
    for (let p = 1; p <= doc.pages; p++) await doc.page(p);
    await doc.close();
  };
  const once = (m) => (m === 'lint' ? lintFile(file, rules) : extract(m === 'pdfium' ? openPdfium : openUnpdf));
  if (mode === 'all') {
    // interleaved, so that every mode meets the same caches, JIT and machine load
    const times = Object.fromEntries(MODES.map((m) => [m, []]));
    for (const m of MODES) await once(m);
    for (let i = 0; i < RUNS; i++) {
      for (const m of MODES) {
        const t0 = performance.now();
        await once(m);
        times[m].push(performance.now() - t0);
      }
    }
    const median = (x) => x.sort((a, b) => a - b)[x.length >> 1];
    process.stdout.write(JSON.stringify({ ...Object.fromEntries(MODES.map((m) => [m, median(times[m])])), pages }));
  } else {
    // one cold run: what a user's single invocation costs (the wasm or pdf.js loaded once)
    const t0 = performance.now();
    await once(mode);
    process.stdout.write(JSON.stringify({ pages, ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  }
  process.exit(0);
}

const measure = (mode, file) => JSON.parse(execFileSync(process.execPath, [self, '--child', mode, file], { encoding: 'utf8' }));
const pad = (s, n) => String(s).padStart(n);
const { DEFAULT_PDF_ENGINE } = await import('../dist/ingest/index.js');

const only = process.argv[2] === '--growth';
if (!only) {
  console.log(`PDF: median of ${RUNS} interleaved runs after a warm-up (ms); lint uses the default engine (${DEFAULT_PDF_ENGINE});`);
  console.log('ratio = lint / the faster bare extraction; cold = one lint in a fresh process, wall; MB = peak RSS in a fresh process');
  console.log('file'.padEnd(30), pad('pages', 5), pad('pdfium', 7), pad('unpdf', 7), pad('lint', 7), pad('ratio', 6), pad('pages/s', 8), pad('cold ms', 8), pad('MB pdfium', 10), pad('MB unpdf', 9), pad('MB lint', 8));
  const inDir = (d) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.pdf')).map((f) => path.join(d, f)) : []);
  const pdfs = [...inDir(path.join(root, 'fixtures/pdf')), path.join(root, 'fixtures/sample/budget-2025.pdf'), ...inDir(path.resolve(root, '../shared/real-pdf'))];
  for (const f of pdfs) {
    const t = measure('all', f);
    const [pe, ue, l] = MODES.map((m) => measure(m, f));
    const name = path.basename(f, '.pdf');
    console.log(
      (name.length > 28 ? name.slice(0, 27) + '…' : name).padEnd(30 - [...name.slice(0, 28)].filter((c) => c.charCodeAt(0) > 0x2e80).length),
      pad(t.pages, 5),
      pad(t.pdfium.toFixed(0), 7),
      pad(t.unpdf.toFixed(0), 7),
      pad(t.lint.toFixed(0), 7),
      pad((t.lint / Math.min(t.pdfium, t.unpdf)).toFixed(2), 6),
      pad((t.pages / (t.lint / 1000)).toFixed(0), 8),
      pad(l.ms.toFixed(0), 8),
      pad(pe.maxRssMb.toFixed(0), 10),
      pad(ue.maxRssMb.toFixed(0), 9),
      pad(l.maxRssMb.toFixed(0), 8),
    );
  }

  const { splitLines, decodeText } = await import('../dist/ingest/index.js');
  const { buildReport } = await import('../dist/model/index.js');
  const { BUILTIN_RULES_DIR, loadRules, runRules } = await import('../dist/rules/index.js');
  const rules = await loadRules([BUILTIN_RULES_DIR]);
  const dirs = [path.join(root, 'fixtures/text'), path.resolve(root, '../shared/corpus')].filter(existsSync);
  const texts = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => path.join(d, f)));
  const time = (f) => {
    f();
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) f();
    return (performance.now() - t0) / 20;
  };
  console.log(`\nText: mean of 20 runs, ${rules.length} rules`);
  console.log('file'.padEnd(34), pad('lines', 6), pad('decode ms', 10), pad('model ms', 9), pad('rules ms', 9), pad('diags', 6));
  for (const f of texts) {
    const bytes = readFileSync(f);
    let src, report, ds;
    const tDecode = time(() => (src = splitLines(f, decodeText(bytes).text)));
    const tModel = time(() => (report = buildReport(src)));
    const tRules = time(() => (ds = runRules(report, rules)));
    console.log(path.basename(f).padEnd(34), pad(src.lines.length, 6), pad(tDecode.toFixed(2), 10), pad(tModel.toFixed(2), 9), pad(tRules.toFixed(2), 9), pad(ds.length, 6));
  }
}

// growth: the same text 1, 4, 16 and 64 times over; per-copy time and memory should stay flat
const base = [path.resolve(root, '../shared/corpus/qinghai-province-2023-final.txt'), path.join(root, 'fixtures/pdf/final-full.txt')].find(existsSync);
const tmp = mkdtempSync(path.join(tmpdir(), 'bl-bench-'));
console.log(`\nGrowth: copies of ${path.basename(base)} in one file, each linted in a fresh process (rules loaded before timing)`);
console.log('copies'.padEnd(8), pad('MB', 6), pad('lint ms', 9), pad('ms/copy', 8), pad('peak MB', 8), pad('diags', 6));
const one = readFileSync(base, 'utf8');
for (const copies of [1, 4, 16, 64]) {
  const file = path.join(tmp, `x${copies}.txt`);
  writeFileSync(file, Array(copies).fill(one).join('\n'));
  const g = JSON.parse(execFileSync(process.execPath, [self, '--grow', file], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  console.log(String(copies).padEnd(8), pad(((Buffer.byteLength(one) * copies) / 1e6).toFixed(1), 6), pad(g.ms.toFixed(0), 9), pad((g.ms / copies).toFixed(0), 8), pad(g.maxRssMb.toFixed(0), 8), pad(g.diagnostics, 6));
}
rmSync(tmp, { recursive: true, force: true });
