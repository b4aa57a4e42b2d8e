// node scripts/stages.mjs FILE.pdf [runs]: what each stage of one lint costs, in one fresh process:
// module import, PDFium wasm init, extraction (per page), lines, layout+model, rule loading,
// rule evaluation, formatting (CPU ms); then warm figures (median of runs) for the per-file stages.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const t = {};
const lap = async (name, f) => {
  // CPU time of this process (user + system): the machine may be shared, wall time is noisy
  const c0 = process.cpuUsage();
  const v = await f();
  const c = process.cpuUsage(c0);
  (t[name] ??= []).push((c.user + c.system) / 1000);
  return v;
};
const mods = await lap('import', async () => ({
  cli: await import('../dist/cli/lint.js'),
  pdfium: await import('../dist/ingest/pdf-pdfium.js'),
  common: await import('../dist/ingest/glyph-lines.js'),
  model: await import('../dist/model/index.js'),
  rules: await import('../dist/rules/index.js'),
  format: await import('../dist/format/index.js'),
}));
const bytes = new Uint8Array(readFileSync(file));
const first = await lap('wasm init + open', () => mods.pdfium.openPdfium(file, bytes));
await first.close();
const catalog = await lap('catalog', () => mods.model.loadCatalog());
const rules = await lap('rules load', () => mods.rules.loadRules([mods.rules.BUILTIN_RULES_DIR]));
for (let r = 0; r < runs; r++) {
  const doc = await lap('open', () => mods.pdfium.openPdfium(file, bytes));
  const pages = [];
  await lap('extract', async () => {
    for (let p = 1; p <= doc.pages; p++) pages.push(await doc.page(p));
  });
  await doc.close();
  const source = await lap('lines', async () => {
    const lines = [];
    pages.forEach((pg, i) => lines.push(...mods.common.buildLines(pg.glyphs, i + 1, lines.length + 1)));
    return { file, encoding: 'utf-8', lines, pages: pages.length, problems: [] };
  });
  const report = await lap('model', () => mods.model.buildReport(source, catalog));
  const ds = await lap('rules run', () => mods.rules.runRules(report, rules));
  await lap('format', () => mods.format.formatJson([mods.format.fileResult(file, ds)]));
  t.pages = [pages.length];
}
const fmt = (xs) => (xs.length === 1 ? xs[0].toFixed(1) : `${xs[0].toFixed(1)} cold, ${[...xs].slice(1).sort((a, b) => a - b)[(xs.length - 1) >> 1].toFixed(1)} warm`);
for (const [k, xs] of Object.entries(t)) console.log(k.padEnd(18), k === 'pages' ? xs[0] : fmt(xs));
console.log('maxRSS MB'.padEnd(18), (process.resourceUsage().maxRSS / 1024).toFixed(0));
