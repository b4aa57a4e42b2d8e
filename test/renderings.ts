/**
 * Each rendering of a fixture source of fixtures/pdf-src: its text, its PDFs by Chromium, Writer
 * and FOP under both engines, and those PDFs' text as pdftotext -layout gives it
 * (fixtures/text/NAME.PRODUCER.layout.txt, read by its character columns).
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { PDF_ENGINES, readDocument } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { runRules, type Rule } from '../src/rules/index.js';
import { FIXTURES } from './helpers.js';

export interface Rendered {
  kind: string;
  year: number;
  /** what of the report the test compares */
  cells: (r: Report) => unknown;
  read: unknown;
}

/** one test per rendering: read as `expected`, nothing said; `except` names renderings expected otherwise (tested on their own) */
export function eachRendering(name: string, what: string, expected: Rendered, rules: () => Rule[], except: string[] = []): void {
  const producers = ['chromium', 'libreoffice', 'fop'];
  for (const file of [`${name}.txt`, ...producers.map((p) => `${name}.${p}.pdf`), ...producers.map((p) => `../text/${name}.${p}.layout.txt`)]) {
    if (except.includes(file)) continue;
    for (const engine of file.endsWith('.pdf') ? PDF_ENGINES : [undefined]) {
      it(`${file}${engine ? ` (${engine})` : ''}: ${what}`, async () => {
        const r = buildReport(await readDocument(path.join(FIXTURES, 'pdf', file), engine ? { pdfEngine: engine } : {}));
        expect([r.kind, r.year]).toEqual([expected.kind, expected.year]);
        expect(expected.cells(r)).toEqual(expected.read);
        expect(runRules(r, rules())).toEqual([]);
      }, 60000);
    }
  }
}
