// npm run bench: how long each stage takes per document (run `npm run build` first; `npm ci` does).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { splitLines, decodeText } from '../dist/ingest/index.js';
import { buildReport } from '../dist/model/index.js';
import { BUILTIN_RULES_DIR, loadRules, runRules } from '../dist/rules/index.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dirs = [path.join(root, 'fixtures/text'), path.resolve(root, '../shared/corpus')].filter(existsSync);
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => path.join(d, f)));
const rules = await loadRules([BUILTIN_RULES_DIR]);
const RUNS = 20;
const ms = (f) => {
  f();
  const t0 = performance.now();
  for (let i = 0; i < RUNS; i++) f();
  return (performance.now() - t0) / RUNS;
};
console.log(`rules: ${rules.length}, runs per figure: ${RUNS}`);
console.log('file'.padEnd(40), 'lines'.padStart(6), 'decode ms'.padStart(10), 'model ms'.padStart(10), 'rules ms'.padStart(10), 'diags'.padStart(6));
for (const f of files) {
  const bytes = readFileSync(f);
  let src, report, ds;
  const tDecode = ms(() => (src = splitLines(f, decodeText(bytes).text)));
  const tModel = ms(() => (report = buildReport(src)));
  const tRules = ms(() => (ds = runRules(report, rules)));
  console.log(path.basename(f).padEnd(40), String(src.lines.length).padStart(6), tDecode.toFixed(2).padStart(10), tModel.toFixed(2).padStart(10), tRules.toFixed(2).padStart(10), String(ds.length).padStart(6));
}
