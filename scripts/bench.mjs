// npm run bench: what each stage costs. Run after `npm ci` (which builds dist/).
//  1. per PDF fixture: unpdf text extraction alone vs the whole lint (extraction + layout + model
//     + rules): median of interleaved runs in one process (the two share the machine's state),
//     pages per second, and peak memory of each mode measured in a fresh process;
//  2. per text document: decoding, model building and rules, in milliseconds;
//  3. growth: 1, 4, 16 and 64 concatenated copies of one text, each linted in a fresh process
//     (time and peak memory), to show that cost grows linearly with the input.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const self = new URL(import.meta.url).pathname;
const RUNS = 9;

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
  const { getDocumentProxy } = await import('unpdf');
  const { lintFile } = await import('../dist/cli/lint.js');
  const { BUILTIN_RULES_DIR, loadRules } = await import('../dist/rules/index.js');
  const rules = await loadRules([BUILTIN_RULES_DIR]);
  const bytes = new Uint8Array(readFileSync(file));
  const cMapUrl = path.join(path.dirname(new URL(import.meta.resolve('pdfjs-dist/package.json')).pathname), 'cmaps') + '/';
  let pages = 0;
  let mode2 = mode;
  const once = async () => {
    if (mode2 === 'extract') {
      const pdf = await getDocumentProxy(bytes.slice(), { cMapUrl, cMapPacked: true, verbosity: 0, isEvalSupported: false, disableFontFace: true });
      pages = pdf.numPages;
      for (let p = 1; p <= pdf.numPages; p++) {
        const page = await pdf.getPage(p);
        await page.getTextContent();
        page.cleanup();
      }
      await pdf.destroy();
    } else {
      await lintFile(file, rules);
    }
  };
  if (mode === 'both') {
    // interleaved, so that both modes meet the same caches, JIT and machine load
    const times = { extract: [], lint: [] };
    mode2 = 'extract';
    await once();
    mode2 = 'lint';
    await once();
    for (let i = 0; i < RUNS; i++) {
      for (const m of ['extract', 'lint']) {
        mode2 = m;
        const t0 = performance.now();
        await once();
        times[m].push(performance.now() - t0);
      }
    }
    const median = (x) => x.sort((a, b) => a - b)[x.length >> 1];
    process.stdout.write(JSON.stringify({ extract: median(times.extract), lint: median(times.lint), pages }));
  } else {
    await once();
    process.stdout.write(JSON.stringify({ pages, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  }
  process.exit(0);
}

const measure = (mode, file) => JSON.parse(execFileSync(process.execPath, [self, '--child', mode, file], { encoding: 'utf8' }));
const pad = (s, n) => String(s).padStart(n);

const only = process.argv[2] === '--growth';
if (!only) {
  console.log(`PDF: median of ${RUNS} interleaved runs after a warm-up; peak memory of each mode in a fresh process`);
  console.log('file'.padEnd(34), pad('pages', 6), pad('extract ms', 11), pad('lint ms', 9), pad('ratio', 6), pad('pages/s', 8), pad('extract MB', 11), pad('lint MB', 8));
  const pdfs = [...readdirSync(path.join(root, 'fixtures/pdf')).map((f) => path.join(root, 'fixtures/pdf', f)), path.join(root, 'fixtures/sample/budget-2025.pdf')].filter((f) => f.endsWith('.pdf'));
  for (const f of pdfs) {
    const t = measure('both', f);
    const e = measure('extract', f);
    const l = measure('lint', f);
    console.log(
      path.basename(f).padEnd(34),
      pad(t.pages, 6),
      pad(t.extract.toFixed(1), 11),
      pad(t.lint.toFixed(1), 9),
      pad((t.lint / t.extract).toFixed(2), 6),
      pad((t.pages / (t.lint / 1000)).toFixed(1), 8),
      pad(e.maxRssMb.toFixed(0), 11),
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
