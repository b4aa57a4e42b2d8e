/**
 * PDFium's page text: what a PDF viewer's copy-all gives (Chrome's, Foxit's; pypdfium2's
 * get_text_range), pages parted by form feeds as pdftotext parts them. For tests that read a
 * PDF's text as a user would paste it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { init } from '@embedpdf/pdfium';

const require = createRequire(import.meta.url);
type Module = Awaited<ReturnType<typeof init>>;
let loaded: Promise<Module> | null = null;

function pdfium(): Promise<Module> {
  loaded ??= init({ wasmBinary: readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')), thisProgram: 'budget-lint-test' } as Parameters<typeof init>[0]).then((m) => {
    m.PDFiumExt_Init();
    return m;
  });
  return loaded;
}

export async function pdfiumPageText(file: string): Promise<string> {
  const m = await pdfium();
  const { malloc, free } = m.pdfium.wasmExports as unknown as { malloc: (n: number) => number; free: (p: number) => void };
  const bytes = readFileSync(file);
  const data = malloc(bytes.length);
  m.pdfium.HEAPU8.set(bytes, data);
  const doc = m.FPDF_LoadMemDocument(data, bytes.length, '');
  const pages: string[] = [];
  try {
    for (let p = 0; p < m.FPDF_GetPageCount(doc); p++) {
      const page = m.FPDF_LoadPage(doc, p);
      const text = m.FPDFText_LoadPage(page);
      const n = m.FPDFText_CountChars(text);
      const buffer = malloc((n + 1) * 2);
      const written = m.FPDFText_GetText(text, 0, n, buffer);
      pages.push(Buffer.from(m.pdfium.HEAPU8.subarray(buffer, buffer + Math.max(0, written - 1) * 2)).toString('utf16le').replace(/\r\n?/g, '\n').replace(/\n+$/, ''));
      free(buffer);
      m.FPDFText_ClosePage(text);
      m.FPDF_ClosePage(page);
    }
  } finally {
    m.FPDF_CloseDocument(doc);
    free(data);
  }
  return pages.join('\n\f') + '\n';
}
