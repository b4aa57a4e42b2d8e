/**
 * The helper thread (pdfium-helper-start.ts): opens the file with PDFium once the compiled wasm
 * comes, then claims pages one by one (the shared counter) and posts each as typed arrays,
 * until no page is left to claim.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from './text.js';
import { openPdfium } from './pdf-pdfium.js';
import { givePdfiumWasm } from './pdfium-wasm.js';
import type { PageGlyphs } from './pdf-common.js';
import type { HelperMessage, PackedPage, PostedError } from './pdfium-helper-start.js';

const { file, claims } = workerData as { file: string; claims: Int32Array };
const port = parentPort!;
const post = (m: HelperMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const posted = (err: unknown): PostedError => ({ input: err instanceof InputError, message: (err as Error)?.message ?? String(err) });

function pack(p: number, page: PageGlyphs): PackedPage {
  const { glyphs } = page;
  const numbers = new Float64Array(glyphs.length * 4);
  const lengths = new Uint8Array(glyphs.length);
  let text = '';
  glyphs.forEach((g, i) => {
    numbers.set([g.x0, g.x1, g.y, g.size], i * 4);
    lengths[i] = g.text.length;
    text += g.text;
  });
  // PDFium's page already knows whether it draws anything: drawn() returns a value
  const drawn = (page.drawn?.() ?? { text: false, image: false }) as PackedPage['drawn'];
  return { p, width: page.width, height: page.height, unreadable: page.unreadable, objectNumber: page.objectNumber, drawn, rulings: page.rulings, numbers, text, lengths };
}

async function run(module: WebAssembly.Module): Promise<void> {
  givePdfiumWasm(Promise.resolve(module));
  let doc;
  try {
    const bytes = new Uint8Array(await readFile(file));
    doc = await openPdfium(file, bytes);
    post({ type: 'open', pages: doc.pages, digest: createHash('sha1').update(bytes).digest('hex') });
  } catch (err) {
    post({ type: 'fail', error: posted(err) });
    return;
  }
  try {
    for (;;) {
      const p = Atomics.add(claims, 0, 1);
      if (p > doc.pages) break;
      try {
        const page = pack(p, await doc.page(p));
        post({ type: 'page', page }, [page.numbers.buffer as ArrayBuffer, page.lengths.buffer as ArrayBuffer]);
      } catch (err) {
        post({ type: 'page-fail', p, error: posted(err) });
      }
    }
  } finally {
    await doc.close();
  }
}

// the thread ends when run does: nothing else listens
port.once('message', (module: WebAssembly.Module) => void run(module));
