#!/usr/bin/env node
// node scripts/typst/render.mjs [NAME...]: fixtures/pdf-src/NAME.json (or corpus-NAME.json) set by
// Typst into fixtures/pdf/NAME.typst.pdf: the source laid out by scripts/itext/to-ir.mjs, that layout
// written as Typst markup by ir-to-typ.mjs, compiled by typst.ts's Node compiler (Typst's own
// layout and PDF writer, no browser, no TeX).
// Needs @myriaddreamin/typst-ts-node-compiler, which the project does not depend on:
//   npm install --no-save @myriaddreamin/typst-ts-node-compiler   (or TYPST_TS=/path/to/node_modules)
// and Debian's fonts-noto-cjk.
// What it carries: figures in one font (Libertinus Serif) and their cells' words in another
// (Noto Sans CJK), every rule a stroked line per cell edge, header rows repeated on each page,
// landscape pages laid out wide (not /Rotate'd). STYLE (open, sheet, bare: see ir-to-typ.mjs) and
// WIDTHS=content (columns as narrow as their content) name their files NAME.STYLE.narrow.typst.pdf.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const require = createRequire(process.env.TYPST_TS ? path.join(process.env.TYPST_TS, 'x.js') : path.join(ROOT, 'package.json'));
let NodeCompiler;
try {
  ({ NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler'));
} catch {
  console.error('needs @myriaddreamin/typst-ts-node-compiler: npm install --no-save @myriaddreamin/typst-ts-node-compiler');
  process.exit(2);
}
const names = process.argv.slice(2);
if (!names.length) names.push('guizhou-office-2023-final', 'haidong-city-2025-budget', 'linxia-city-2023-final', 'qinghai-province-2023-final', 'weihai-huancui-2023-final');
const sourceOf = (n) => (existsSync(path.join(ROOT, `fixtures/pdf-src/${n}.json`)) ? n : `corpus-${n}`);

const work = mkdtempSync(path.join(os.tmpdir(), 'typst-'));
try {
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: ['/usr/share/fonts'] }] });
  for (const n of names) {
    const ir = path.join(work, `${n}.ir`);
    const source = sourceOf(n);
    writeFileSync(ir, execFileSync('node', [path.join(ROOT, 'scripts/itext/to-ir.mjs'), path.join(ROOT, `fixtures/pdf-src/${source}.json`)]));
    const markup = execFileSync('node', [path.join(HERE, 'ir-to-typ.mjs'), ir], { encoding: 'utf8' });
    const result = compiler.compile({ mainFileContent: markup });
    if (!result.result) {
      console.error(`${n}: Typst did not compile it`);
      result.printDiagnostics();
      process.exit(1);
    }
    // WIDTHS=content (to-ir.mjs): columns as narrow as their content, so names and headers wrap
    const variant = [process.env.STYLE, process.env.WIDTHS === 'content' ? 'narrow' : ''].filter(Boolean).map((v) => `.${v}`).join('');
    const file = path.join(ROOT, `fixtures/pdf/${source}${variant}.typst.pdf`);
    writeFileSync(file, compiler.pdf(result.result, { creationTimestamp: 0 }));
    compiler.evictCache(0);
    console.log(path.relative(ROOT, file));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
