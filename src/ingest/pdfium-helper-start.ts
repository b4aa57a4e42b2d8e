/**
 * A second thread that reads a PDF's pages with PDFium while the command loads (the head start
 * bin/budget-lint.js gives a lint of one PDF), then shares the pages with this thread: each
 * thread claims the next page not yet claimed, so on two cores the pages are read twice as fast,
 * and this thread builds lines from the pages already read while the helper reads on.
 *
 * A module without dependencies, so that bin/budget-lint.js loads it before the command: the
 * helper is booting while the command's bundle and rules load. The side that takes the pages
 * over is pdfium-helper.ts.
 */
import { Worker } from 'node:worker_threads';

/** what the helper posts: its document opened (or not), then each page it claimed */
export type HelperMessage =
  /** digest: the file's SHA-1 as the helper read it (the file may be another by the time the command reads it) */
  | { type: 'open'; pages: number; digest: string }
  | { type: 'fail'; error: PostedError }
  | { type: 'page'; page: PackedPage }
  | { type: 'page-fail'; p: number; error: PostedError }
  /** not posted: said when the thread is gone (done, crashed, or never started) */
  | { type: 'gone' };

/** an error across threads: an InputError's one line is shown as it is */
export interface PostedError {
  input: boolean;
  message: string;
}

/** a page's glyphs as typed arrays (copied across threads in one piece, not object by object) */
export interface PackedPage {
  p: number;
  width: number;
  height: number;
  unreadable: number;
  objectNumber?: number;
  drawn: { text: boolean; image: boolean };
  rulings?: { horizontal: { at: number; from: number; to: number }[]; vertical: { at: number; from: number; to: number }[] };
  /** x0, x1, y, size of each glyph */
  numbers: Float64Array;
  /** each glyph's text, in order, and its length in UTF-16 units */
  text: string;
  lengths: Uint8Array;
}

export interface PdfiumHelper {
  /** the file the helper reads, as given on the command line */
  file: string;
  worker: Worker;
  /** [0]: the next page no thread has claimed (1-based); shared by both threads */
  claims: Int32Array;
  /** messages that came before anyone listened */
  received: HelperMessage[];
  listener: ((m: HelperMessage) => void) | null;
  /** the thread is gone (done, or died): what it claimed and did not post is read here */
  dead: boolean;
}

/** start the helper on a file; wasm: PDFium's module as it compiles (handed to the helper once ready) */
export function startPdfiumHelper(file: string, workerUrl: URL, wasm: Promise<WebAssembly.Module>): PdfiumHelper {
  const claims = new Int32Array(new SharedArrayBuffer(4));
  claims[0] = 1;
  const worker = new Worker(workerUrl, { workerData: { file, claims } });
  // it must not keep a process alive that never takes its pages (the file was ignored, the run failed)
  worker.unref();
  const helper: PdfiumHelper = { file, worker, claims, received: [], listener: null, dead: false };
  worker.on('message', (m: HelperMessage) => (helper.listener ? helper.listener(m) : helper.received.push(m)));
  const gone = () => {
    if (helper.dead) return;
    helper.dead = true;
    if (helper.listener) helper.listener({ type: 'gone' });
    else helper.received.push({ type: 'gone' });
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  wasm.then(
    (module) => worker.postMessage(module),
    () => worker.terminate(),
  );
  return helper;
}
