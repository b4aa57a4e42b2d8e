/**
 * A compiled PDFium wasm handed over by whoever started compiling it (bin/budget-lint.js starts
 * before the command is loaded, so that V8's background compile overlaps loading rules). A
 * module of its own, without dependencies: the command imports it without loading PDFium's glue.
 */
let given: Promise<WebAssembly.Module> | undefined;

export function givePdfiumWasm(module: Promise<WebAssembly.Module>): void {
  // a failed compile is reported where the module is used (openPdfium), not as an unhandled rejection
  module.catch(() => {});
  given ??= module;
}

export function givenPdfiumWasm(): Promise<WebAssembly.Module> | undefined {
  return given;
}
