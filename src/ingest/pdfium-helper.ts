/**
 * A PDF's pages read by two threads: this one and the helper (pdfium-helper-start.ts). Both
 * claim pages from one shared counter, in order; the pages come out in order as readPages asks
 * for them. While the helper has the page asked for in hand, this thread reads the next
 * unclaimed one itself rather than wait. This thread's own document is the authority: it opens
 * the file as openPdfium always does (an encrypted or damaged file fails here, as without the
 * helper), and reads itself whatever the helper claimed and did not deliver (it died, or it
 * read another version of the file).
 */
import { createHash } from 'node:crypto';
import { openPdfium } from './pdf-pdfium.js';
import type { Glyph, PageGlyphs, PdfDocument } from './pdf-common.js';
import type { HelperMessage, PackedPage, PdfiumHelper, PostedError } from './pdfium-helper-start.js';
import { InputError } from './text.js';

/** far past any page: the helper claims nothing after close */
const NO_MORE = 0x3fffffff;

function unpack(page: PackedPage): PageGlyphs {
  const { numbers, text, lengths } = page;
  const glyphs: Glyph[] = new Array(lengths.length);
  for (let i = 0, at = 0; i < lengths.length; at += lengths[i], i++) {
    glyphs[i] = { text: text.slice(at, at + lengths[i]), x0: numbers[i * 4], x1: numbers[i * 4 + 1], y: numbers[i * 4 + 2], size: numbers[i * 4 + 3] };
  }
  const drawn = page.drawn;
  return { glyphs, width: page.width, height: page.height, unreadable: page.unreadable, rulings: page.rulings, drawn: () => drawn, objectNumber: page.objectNumber };
}

const revive = (e: PostedError) => (e.input ? new InputError(e.message) : new Error(e.message));

export async function openWithHelper(helper: PdfiumHelper, file: string, bytes: Uint8Array): Promise<PdfDocument> {
  let own: PdfDocument;
  try {
    own = await openPdfium(file, bytes);
  } catch (err) {
    stop(helper);
    throw err;
  }
  return new SharedPages(helper, own, createHash('sha1').update(bytes).digest('hex'));
}

function stop(helper: PdfiumHelper): Promise<number> {
  Atomics.store(helper.claims, 0, NO_MORE);
  helper.listener = null;
  return helper.worker.terminate();
}

class SharedPages implements PdfDocument {
  readonly pages: number;
  private readonly delivered = new Map<number, PageGlyphs>();
  private readonly failed = new Map<number, PostedError>();
  private readonly readHere = new Map<number, Promise<PageGlyphs>>();
  /** the helper's pages are used only once it says it opened the same file */
  private trusted: boolean | null = null;
  private wake: (() => void) | null = null;
  private fromHelper = 0;

  constructor(
    private readonly helper: PdfiumHelper,
    private readonly own: PdfDocument,
    /** of the file as read here */
    private readonly digest: string,
  ) {
    this.pages = own.pages;
    helper.listener = (m) => this.receive(m);
    for (const m of helper.received.splice(0)) this.receive(m);
    // waited on from now: it must keep the process alive
    helper.worker.ref();
  }

  private receive(m: HelperMessage): void {
    if (m.type === 'open') this.trusted ??= m.pages === this.pages && m.digest === this.digest;
    else if (m.type === 'fail') this.trusted = false;
    else if (m.type === 'page') this.delivered.set(m.page.p, unpack(m.page));
    else if (m.type === 'page-fail') this.failed.set(m.p, m.error);
    this.wake?.();
  }

  /** the next page no thread has claimed, read here (kept until asked for) */
  private claimNext(): void {
    const q = Atomics.add(this.helper.claims, 0, 1);
    if (q > this.pages) return;
    const page = this.own.page(q);
    page.catch(() => {});
    this.readHere.set(q, page);
  }

  async page(p: number): Promise<PageGlyphs> {
    const { claims } = this.helper;
    for (;;) {
      const here = this.readHere.get(p);
      if (here) {
        this.readHere.delete(p);
        return here;
      }
      if (p >= Atomics.load(claims, 0)) {
        this.claimNext();
        continue;
      }
      // claimed by the helper
      const page = this.delivered.get(p);
      const error = this.failed.get(p);
      if (this.trusted === false || (this.helper.dead && !page && !error)) return this.own.page(p);
      if (page && this.trusted) {
        this.delivered.delete(p);
        this.fromHelper++;
        return page;
      }
      if (error && this.trusted) throw revive(error);
      // the helper has it in hand: read on here meanwhile, or wait for it
      if (Atomics.load(claims, 0) <= this.pages) {
        this.claimNext();
        continue;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }

  async close(): Promise<void> {
    // BUDGET_LINT_DEBUG_HELPER=1: how the pages were shared (test/pdfium-helper.test.ts)
    if (process.env.BUDGET_LINT_DEBUG_HELPER === '1') process.stderr.write(`pdfium helper: ${this.fromHelper} of ${this.pages} pages\n`);
    await stop(this.helper);
    await this.own.close();
  }
}
