// node scripts/snapshot.mjs OUT_DIR: what the CLI says about every PDF and text we have, one file
// each, so that a change meant to be behaviour-neutral (a speed-up) can be checked with
// `diff -r before/ after/`. Per input: `-f json` with each engine, and --print-model (default
// engine); exit codes and stderr included. Run `npm run build` first (it runs dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/snapshot.mjs OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const inDir = (d, re) => (existsSync(d) ? readdirSync(d).filter((f) => re.test(f)).sort().map((f) => path.join(d, f)) : []);
const pdfs = [
  ...inDir(path.join(root, 'fixtures/pdf'), /\.pdf$/),
  ...inDir(path.join(root, 'fixtures/bad'), /\.pdf$/),
  path.join(root, 'fixtures/sample/budget-2025.pdf'),
  ...inDir(path.resolve(root, '../shared/real-pdf'), /\.pdf$/),
];
const texts = [
  ...inDir(path.join(root, 'fixtures/pdf'), /\.txt$/),
  ...inDir(path.join(root, 'fixtures/text'), /\.txt$/),
  ...inDir(path.resolve(root, '../shared/corpus'), /\.txt$/),
];

const cli = path.join(root, 'bin/budget-lint.js');
const run = (args) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  // paths relative to the tree, so that two worktrees compare equal
  return `exit ${r.status}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout}`.split(root).join('<root>');
};

// named by the path from the tree (../shared/… as shared/…), the same in every worktree
const name = (f) => path.relative(root, f).replace(/^(\.\.[\\/])+/, '').replace(/[\\/]/g, '__');
for (const f of [...pdfs, ...texts]) {
  const rel = path.relative(root, f);
  const jobs = { json: ['-f', 'json', rel], model: ['--print-model', rel] };
  if (f.endsWith('.pdf')) jobs.unpdf = ['-f', 'json', '--pdf-engine', 'unpdf', rel];
  for (const [kind, args] of Object.entries(jobs)) writeFileSync(path.join(out, `${name(f)}.${kind}.txt`), run(args));
  process.stdout.write('.');
}
process.stdout.write(`\n${pdfs.length} PDFs, ${texts.length} texts → ${out}\n`);
