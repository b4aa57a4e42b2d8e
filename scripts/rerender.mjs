// node scripts/rerender.mjs [DIR] [--draw]: every PDF of DIR (default ../shared/real-pdf) printed
// anew by the programs this machine has, as a publisher's pipeline may (redrawn by cairo at its
// size, on A5 and on A2; turned by /Rotate; rewritten by Ghostscript; each page drawn whole into
// an A3 page as a form XObject, as imposition and stamping tools do; stamped on every page as a
// portal publishes it, 2025-06-30 已公开; with --draw, imported into LibreOffice Draw and
// exported, which substitutes fonts and crops what runs off a page), then
// linted; for each program: how many files say what the published file says (rule, page, line,
// message), and each finding gained or lost. A reader fitted to one producer shows here.
// Programs not installed are skipped, and said so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawnOnA3 } from './render-source.mjs';
import { stampPage } from './variants.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const draw = args.includes('--draw');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, '../shared/real-pdf'));
const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort();
const work = mkdtempSync(path.join(os.tmpdir(), 'budget-lint-rerender-'));

const PROGRAMS = {
  cairo: (from, to) => ['pdftocairo', '-pdf', from, to],
  'cairo-a5': (from, to) => ['pdftocairo', '-pdf', '-paperw', '420', '-paperh', '595', from, to],
  'cairo-a2': (from, to) => ['pdftocairo', '-pdf', '-paperw', '1191', '-paperh', '1684', from, to],
  rotated: (from, to) => ['qpdf', '--rotate=+90', from, to],
  ghostscript: (from, to) => ['gs', '-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', `-sOutputFile=${to}`, from],
  // each page drawn whole into an A3 page, and stamped: more than one command each, run here
  'overlay-a3': { tools: ['gs', 'qpdf'], make: (from, to) => drawnOnA3(from, to, work) },
  stamped: { tools: ['qpdf', 'chromium'], make: (from, to) => spawnSync('qpdf', [from, '--overlay', stampPage(work), '--repeat=1', '--', to], { stdio: 'ignore' }) },
  ...(draw ? { 'libreoffice-draw': (from, to) => ['soffice', '--headless', '--infilter=draw_pdf_import', '--convert-to', 'pdf:draw_pdf_Export', '--outdir', path.dirname(to), from] } : {}),
};

/** file name → the findings the command gives for each file of a folder, as rule@page:line message */
function lintFolder(folder) {
  if (!readdirSync(folder).length) return new Map();
  const run = spawnSync(process.execPath, [path.join(root, 'bin/budget-lint.js'), '--no-config-lookup', '-f', 'json', folder], { maxBuffer: 1 << 28, encoding: 'utf8' });
  const out = new Map();
  for (const result of JSON.parse(run.stdout)) {
    out.set(path.basename(result.filePath), result.messages.map((m) => `${m.ruleId ?? '(fatal)'}@${m.page ?? ''}:${m.line ?? ''} ${m.message}`));
  }
  return out;
}

const installed = (tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error === undefined;
const published = lintFolder(dir);
console.log(`${files.length} PDFs of ${dir}: ${[...published.values()].flat().length} findings as published`);
try {
  for (const [name, command] of Object.entries(PROGRAMS)) {
    const missing = (command.tools ?? [command('', '')[0]]).filter((tool) => !installed(tool));
    if (missing.length) {
      console.log(`\n${name}: ${missing.join(', ')} not installed, skipped`);
      continue;
    }
    const folder = path.join(work, name);
    spawnSync('mkdir', ['-p', folder]);
    for (const f of files) {
      if (command.make) {
        try {
          command.make(path.join(dir, f), path.join(folder, f));
        } catch {
          // not produced: said below
        }
        continue;
      }
      const [program, ...rest] = command(path.join(dir, f), path.join(folder, f));
      spawnSync(program, rest, { stdio: 'ignore', timeout: 300_000 });
    }
    const again = lintFolder(folder);
    const differing = files.filter((f) => JSON.stringify(again.get(f) ?? null) !== JSON.stringify(published.get(f) ?? null));
    // a line printed over every page (a stamp) is a line of the page: those below it count one more
    const lineless = (x) => JSON.stringify((x ?? []).map((m) => m.replace(/:\d+ /, ' ')));
    const butLines = differing.filter((f) => again.has(f) && lineless(again.get(f)) === lineless(published.get(f))).length;
    console.log(`\n${name}: ${files.length - differing.length} of ${files.length} files say what the published file says${butLines ? `, ${butLines} more but for their line numbers` : ''}`);
    for (const f of differing) {
      const [before, after] = [published.get(f) ?? [], again.get(f) ?? ['(not produced)']];
      console.log(`  ${f}`);
      for (const line of after.filter((x) => !before.includes(x)).slice(0, 8)) console.log(`    + ${line.slice(0, 160)}`);
      for (const line of before.filter((x) => !after.includes(x)).slice(0, 8)) console.log(`    - ${line.slice(0, 160)}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
