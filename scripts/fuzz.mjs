// npm run fuzz: seeded mutants through the whole lint, each batch in a child process with a
// watchdog, so that a hang is caught and named by its seed. Prints counts of crashes (internal
// errors, throws, unhandled errors, a changed Object.prototype), hangs, refusals and times.
//   node scripts/fuzz.mjs [texts=1000] [pdfs=300] [rules=300] [seed=1]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import readline from 'node:readline';
import { mutateBytes, mutateText, randomRuleYaml } from './mutate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);
const HANG_MS = 30_000;
const BATCH = 25;

export function sources(kind) {
  if (kind === 'pdf') return readdirSync(path.join(root, 'fixtures/pdf')).filter((f) => f.endsWith('.pdf')).map((f) => path.join(root, 'fixtures/pdf', f));
  const dirs = [path.join(root, 'fixtures/text'), path.join(root, 'fixtures/pdf'), path.resolve(root, '../shared/corpus')].filter(existsSync);
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt') && !f.includes('gb18030')).map((f) => path.join(d, f)));
}

async function child(kind, from, count, seed) {
  const { lintFile } = await import('../dist/cli/lint.js');
  const { BUILTIN_RULES_DIR, loadRules, parseRules, runRules, RuleLoadError } = await import('../dist/rules/index.js');
  const { buildReport } = await import('../dist/model/index.js');
  const { splitLines } = await import('../dist/ingest/index.js');
  const rules = await loadRules([BUILTIN_RULES_DIR]);
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).join();
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-fuzz-'));
  const list = sources(kind);
  const sample = kind === 'rules' ? buildReport(splitLines('sample.txt', readFileSync(path.join(root, 'fixtures/sample/budget-2025-tables.txt'), 'utf8'))) : null;
  let unhandled = null;
  process.on('unhandledRejection', (e) => (unhandled = String(e)));
  process.on('uncaughtException', (e) => (unhandled = String(e)));
  for (let i = from; i < from + count; i++) {
    const s = seed * 1_000_003 + i;
    process.stdout.write(JSON.stringify({ start: i }) + '\n');
    const t0 = performance.now();
    let outcome = 'ok';
    let detail = '';
    try {
      if (kind === 'rules') {
        try {
          runRules(sample, parseRules('fuzz.yaml', randomRuleYaml(s)));
        } catch (e) {
          if (!(e instanceof RuleLoadError)) throw e;
          outcome = 'refused';
        }
      } else {
        const src = list[i % list.length];
        const file = path.join(dir, `m${i}.${kind === 'pdf' ? 'pdf' : 'txt'}`);
        writeFileSync(file, kind === 'pdf' ? mutateBytes(readFileSync(src), s).bytes : mutateText(readFileSync(src, 'utf8'), s).text);
        const r = await lintFile(file, rules);
        if (r.fatal !== null) [outcome, detail] = r.fatal.startsWith('内部错误') ? ['crash', r.fatal] : ['refused', ''];
        rmSync(file);
      }
    } catch (e) {
      [outcome, detail] = ['crash', String(e?.stack ?? e).split('\n').slice(0, 3).join(' | ')];
    }
    await new Promise((r) => setImmediate(r));
    if (unhandled) [outcome, detail, unhandled] = ['crash', `unhandled: ${unhandled}`, null];
    if (Object.getOwnPropertyNames(Object.prototype).join() !== protoBefore || {}.polluted !== undefined) [outcome, detail] = ['crash', 'Object.prototype changed'];
    process.stdout.write(JSON.stringify({ done: i, ms: performance.now() - t0, outcome, detail, source: kind === 'rules' ? '' : path.basename(list[i % list.length]) }) + '\n');
  }
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

/** one batch in a child process; a mutant that says nothing for HANG_MS is a hang, and the batch goes on after it */
function batch(kind, from, count, seed, results) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [self, '--child', kind, String(from), String(count), String(seed)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let current = null;
    let timer = null;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => p.kill('SIGKILL'), HANG_MS);
    };
    arm();
    readline.createInterface({ input: p.stdout }).on('line', (line) => {
      const m = JSON.parse(line);
      if ('start' in m) current = m.start;
      else {
        results.push({ kind, i: m.done, ...m });
        current = null;
      }
      arm();
    });
    p.on('exit', () => {
      clearTimeout(timer);
      if (current === null) return resolve(from + count);
      results.push({ kind, i: current, outcome: 'hang', ms: HANG_MS, detail: `seed ${seed}, mutant ${current}` });
      resolve(current + 1);
    });
  });
}

async function run(kind, n, seed) {
  const results = [];
  for (let i = 0; i < n; ) {
    const end = await batch(kind, i, Math.min(BATCH, n - i), seed, results);
    // a batch that stopped early (a hang) goes on after the mutant that hung
    i = end > i ? Math.min(end, n) : i + 1;
  }
  return results;
}

function summary(kind, results) {
  const count = (o) => results.filter((r) => r.outcome === o).length;
  const ms = results.filter((r) => r.outcome !== 'hang').map((r) => r.ms).sort((a, b) => a - b);
  const q = (f) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(f * ms.length))].toFixed(0) : '-');
  const total = ms.reduce((a, b) => a + b, 0) / 1000;
  console.log(`${kind.padEnd(6)} ${String(results.length).padStart(6)} mutants  crashes ${count('crash')}  hangs ${count('hang')}  refused ${count('refused')}  ok ${count('ok')}  time ${total.toFixed(1)} s (median ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms)`);
  for (const r of results.filter((x) => x.outcome === 'crash' || x.outcome === 'hang').slice(0, 10)) console.log(`  ${r.outcome} #${r.i} ${r.source ?? ''}: ${r.detail}`);
}

if (process.argv[2] === '--child') {
  const [, , , kind, from, count, seed] = process.argv;
  await child(kind, Number(from), Number(count), Number(seed));
} else {
  const [texts = 1000, pdfs = 300, rules = 300, seed = 1] = process.argv.slice(2).map(Number);
  if (!existsSync(path.join(root, 'dist/cli/lint.js'))) throw new Error('run npm run build first');
  let crashes = 0;
  for (const [kind, n] of [['text', texts], ['pdf', pdfs], ['rules', rules]]) {
    const t0 = Date.now();
    const results = await run(kind, n, seed);
    summary(kind, results);
    console.log(`       wall ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    crashes += results.filter((r) => r.outcome === 'crash' || r.outcome === 'hang').length;
  }
  process.exitCode = crashes ? 1 : 0;
}
