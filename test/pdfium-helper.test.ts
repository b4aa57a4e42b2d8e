/**
 * The helper thread that reads a PDF's pages beside the command (src/ingest/pdfium-helper*.ts).
 * A worker runs JavaScript, so these tests use what the build made (dist/, as bin/budget-lint.js
 * does): the pages read with the helper, wholly, partly or not at all, are the pages read alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

type Helper = import('../src/ingest/pdfium-helper-start.js').PdfiumHelper;
type Doc = import('../src/ingest/pdf-common.js').PdfDocument;
type Page = import('../src/ingest/pdf-common.js').PageGlyphs;

const dist = (m: string) => import(pathToFileURL(path.join(ROOT, 'dist/ingest', m)).href);
const { startPdfiumHelper } = (await dist('pdfium-helper-start.js')) as typeof import('../src/ingest/pdfium-helper-start.js');
const { openWithHelper } = (await dist('pdfium-helper.js')) as typeof import('../src/ingest/pdfium-helper.js');
const { openPdfium } = (await dist('pdf-pdfium.js')) as typeof import('../src/ingest/pdf-pdfium.js');
const WORKER = pathToFileURL(path.join(ROOT, 'dist/bundle/pdfium-helper.js'));
const wasm = WebAssembly.compile(readFileSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm')));
const BIN = path.join(ROOT, 'bin/budget-lint.js');

const pdf = (name: string) => path.join(FIXTURES, 'pdf', name);
const bytesOf = (file: string) => new Uint8Array(readFileSync(file));

/** every page as data (drawn asked as readPages asks it) */
async function pagesOf(doc: Doc): Promise<unknown[]> {
  const out: unknown[] = [];
  try {
    for (let p = 1; p <= doc.pages; p++) {
      const { drawn, ...page }: Page = await doc.page(p);
      out.push({ ...page, drawn: await drawn?.() });
    }
  } finally {
    await doc.close();
  }
  return out;
}

const alone = async (file: string) => pagesOf(await openPdfium(file, bytesOf(file)));

/** until the helper has said so much (or is gone) */
async function until(helper: Helper, done: (h: Helper) => boolean): Promise<void> {
  while (!done(helper) && !helper.dead) await new Promise((r) => setTimeout(r, 5));
}

describe('PDF pages read with the helper thread', () => {
  const file = pdf('final-full.libreoffice.pdf');

  it('every page from the helper: the same pages, rulings and page facts', async () => {
    const helper = startPdfiumHelper(file, WORKER, wasm);
    await until(helper, (h) => h.received.filter((m) => m.type === 'page').length === 7);
    expect(helper.received.filter((m) => m.type === 'page').length).toBe(7);
    expect(await pagesOf(await openWithHelper(helper, file, bytesOf(file)))).toEqual(await alone(file));
  }, 30_000);

  it('a helper that never starts: every page is read here', async () => {
    const helper = startPdfiumHelper(file, WORKER, new Promise(() => {}));
    expect(await pagesOf(await openWithHelper(helper, file, bytesOf(file)))).toEqual(await alone(file));
    expect(helper.claims[0]).toBeGreaterThan(7);
  });

  it('a helper that dies after opening the file: what it claimed is read here', async () => {
    const helper = startPdfiumHelper(file, WORKER, wasm);
    await until(helper, (h) => h.received.some((m) => m.type === 'open'));
    await helper.worker.terminate();
    expect(helper.dead).toBe(true);
    expect(await pagesOf(await openWithHelper(helper, file, bytesOf(file)))).toEqual(await alone(file));
  });

  it('a helper that read another file is not believed', async () => {
    const other = pdf('final-full.chromium.pdf');
    const helper = startPdfiumHelper(other, WORKER, wasm);
    await until(helper, (h) => h.received.some((m) => m.type === 'page'));
    expect(await pagesOf(await openWithHelper(helper, file, bytesOf(file)))).toEqual(await alone(file));
  });

  it('pages without text (a scan) keep what they draw', async () => {
    const scan = path.join(FIXTURES, 'bad', 'image-only.pdf');
    const helper = startPdfiumHelper(scan, WORKER, wasm);
    await until(helper, (h) => h.received.filter((m) => m.type === 'page').length === 2);
    const pages = await pagesOf(await openWithHelper(helper, scan, bytesOf(scan)));
    expect(pages.map((p) => (p as { drawn: unknown }).drawn)).toEqual([
      { text: false, image: true },
      { text: false, image: true },
    ]);
    expect(pages).toEqual(await alone(scan));
  });

  it('an encrypted file fails here as it does alone, and the helper is stopped', async () => {
    const locked = path.join(FIXTURES, 'bad', 'encrypted.pdf');
    const helper = startPdfiumHelper(locked, WORKER, wasm);
    await expect(openWithHelper(helper, locked, bytesOf(locked))).rejects.toThrow('是加密的 PDF');
    await until(helper, () => false);
    expect(helper.dead).toBe(true);
  });
});

describe('bin/budget-lint.js with one PDF', () => {
  const lint = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, '-f', 'json', '--no-config-lookup', ...args], { encoding: 'utf8', env: { ...process.env, BUDGET_LINT_DEBUG_HELPER: '1' } });
  // the bundled sample: three errors
  const file = path.join(FIXTURES, 'sample', 'budget-2025.pdf');

  it('shares its pages with the helper, and lints as with one thread', () => {
    const shared = lint(file);
    const one = lint('--concurrency', 'off', file);
    expect(shared.stderr).toMatch(/^pdfium helper: \d+ of 13 pages\n$/);
    expect(one.stderr).toBe('');
    expect([shared.status, one.status]).toEqual([1, 1]);
    expect(shared.stdout).toBe(one.stdout);
    expect(JSON.parse(shared.stdout)[0].errorCount).toBe(3);
  }, 60_000);

  it('starts no helper for two files (they are linted one after the other, or on the pool)', () => {
    const r = lint(file, pdf('final-full.chromium.pdf'));
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  }, 60_000);
});
