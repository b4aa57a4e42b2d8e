/**
 * What bin/budget-lint.js hands over before the command is loaded: PDFium's wasm as it compiles
 * (V8 compiles it in the background while rules load), and the helper thread that already reads
 * the one PDF asked for (pdfium-helper-start.ts). A module without dependencies: the command
 * imports it without loading PDFium's glue.
 */
import path from 'node:path';
import type { PdfiumHelper } from './pdfium-helper-start.js';

let given: Promise<WebAssembly.Module> | undefined;
let helper: PdfiumHelper | undefined;

export function givePdfiumWasm(module: Promise<WebAssembly.Module>): void {
  // a failed compile is reported where the module is used (openPdfium), not as an unhandled rejection
  module.catch(() => {});
  given ??= module;
}

export function givenPdfiumWasm(): Promise<WebAssembly.Module> | undefined {
  return given;
}

export function givePdfiumHelper(h: PdfiumHelper): void {
  helper ??= h;
}

/** the helper reading this file, once: a file read twice (or another file) is read here alone */
export function takePdfiumHelper(file: string): PdfiumHelper | undefined {
  if (!helper || path.resolve(helper.file) !== path.resolve(file)) return undefined;
  const h = helper;
  helper = undefined;
  return h;
}
