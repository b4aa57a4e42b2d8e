/**
 * The five corpus documents as fixtures that carry the producers' traps. scripts/corpus-to-src.mjs
 * made each into a source (every table and form, the narrative's figure-bearing sentences);
 * scripts/make-fixtures.mjs printed it as a text version and as three PDFs:
 *   - LibreOffice through ODT, Noto Serif CJK at 7 pt in the tables: the CJK font is embedded as
 *     subsets of 256 glyphs, and a line switches between them mid-word and mid-number;
 *     narrow header cells wrap (上缴上 / 级支出), merged cells are centred over their rows and
 *     a project of the 绩效目标表 runs over a page break;
 *   - Chromium, wide tables and forms on landscape pages among portrait ones, Noto CJK as Type 3
 *     fonts (radical code points: ⻣ for 骨);
 *   - Apache FOP from XSL-FO (scripts/fop.mjs), a Java report engine's layout: cells set at their
 *     top, a wide first column whose figures stand far right of the 栏次 number over them, merged
 *     cells broken over a page with no border at the break, a header's 其中： on the line of the
 *     name it belongs to;
 *   - pdfmake (scripts/pdfmake.mjs), over PDFKit: each word of a line a text object of its own,
 *     ToUnicode maps PDFium's parser leaves unread (the file is then read by pdf.js), a header
 *     cell wrapped after 其 of its 其中：, rows let break over pages with their cells' text at
 *     their tops (a 绩效目标表's indicator goes on at the next page's head, under a rule); two
 *     of them also with names' columns so narrow that names wrap, a name's last lines printed
 *     at the next page's head under the header rows printed again;
 *   - jsPDF with jspdf-autotable (scripts/jspdf.mjs), a web page's export: columns sized by their
 *     content, so a row's name and figure wrap side by side (…（本级 / ） beside 1,215.3 / 4) and a
 *     总表's 支出 name wraps on a row without figures, above the next row's; codes set right; no
 *     border but filled bands ('striped', the default), or each cell's border a rectangle ('grid').
 * Each PDF, read by either engine, gives the model (tables, cells, forms, claims, grades, notes)
 * and the diagnostics of its text version; only locations differ. Committed fixtures only.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF_ENGINES, readDocument } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { runRules, type Rule } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';
import { reading } from './model-content.js';

const PDF = (f: string) => path.join(FIXTURES, 'pdf', f);

/** what each text version holds: a round trip of an empty reading would prove nothing */
const DOCUMENTS: Record<string, { kind: string; tables: number; rows: number; forms: number; indicators: number; claims: number; diagnostics: number }> = {
  'corpus-guizhou-office-2023-final': { kind: '决算', tables: 9, rows: 229, forms: 7, indicators: 55, claims: 103, diagnostics: 5 },
  // haidong: its 三公 sentence's 其中 list (0 + 2.5 + 1.7, last year's 公务接待费) against the 3.22 stated (叙述/分项之和)
  'corpus-haidong-city-2025-budget': { kind: '预算', tables: 9, rows: 202, forms: 11, indicators: 73, claims: 140, diagnostics: 16 },
  // linxia: four 万元 figures cut off from 公开06's and 公开03's 元 (叙述/万元与表中元数), one of them a `基本支出：` label's
  'corpus-linxia-city-2023-final': { kind: '决算', tables: 9, rows: 210, forms: 4, indicators: 40, claims: 187, diagnostics: 11 },
  'corpus-qinghai-province-2023-final': { kind: '决算', tables: 11, rows: 292, forms: 10, indicators: 93, claims: 136, diagnostics: 4 },
  // weihai: its 公务接待费 sentence (全年预算数为0.33万元，支出决算数为0.33万元) then 其中：国内接待费0.33万元, a list of the one figure both state
  'corpus-weihai-huancui-2023-final': { kind: '决算', tables: 9, rows: 242, forms: 7, indicators: 100, claims: 125, diagnostics: 9 },
};
const PRODUCERS = ['libreoffice', 'chromium', 'fop', 'pdfmake', 'jspdf', 'grid.jspdf'] as const;
/** pdfmake with names' columns so narrow that names wrap, rows let break over pages under the header printed again */
const NARROW = ['corpus-guizhou-office-2023-final', 'corpus-linxia-city-2023-final'];

// Every table, form and claim of every rendering is compared: 青海's 公开09 by Chromium (blank
// cells, figures right-aligned in cells as wide as their headers) is placed by its 栏次 numbers.

describe('corpus documents rendered by LibreOffice, Chromium, FOP, pdfmake and jsPDF read as their text versions', () => {
  const texts = new Map<string, Report>();
  let rules: Rule[];
  beforeAll(async () => {
    rules = await builtinRules();
    for (const name of Object.keys(DOCUMENTS)) texts.set(name, buildReport(await readDocument(PDF(`${name}.txt`))));
  });

  for (const [name, expected] of Object.entries(DOCUMENTS)) {
    it(`${name}.txt holds the document`, () => {
      const r = texts.get(name)!;
      expect({
        kind: r.kind,
        tables: r.tables.length,
        rows: r.tables.reduce((n, t) => n + t.rows.length, 0),
        forms: r.forms.length,
        indicators: r.forms.reduce((n, f) => n + f.indicators.length, 0),
        claims: r.claims.length,
        diagnostics: runRules(r, rules).length,
      }).toEqual(expected);
      expect(r.notes).toEqual([]);
    });

    for (const producer of [...PRODUCERS, ...(NARROW.includes(name) ? ['narrow.pdfmake'] : [])]) {
      for (const engine of PDF_ENGINES) {
        it(`${name}.${producer}.pdf (${engine})`, async () => {
          const fromText = texts.get(name)!;
          const fromPdf = buildReport(await readDocument(PDF(`${name}.${producer}.pdf`), { pdfEngine: engine }));
          expect(reading(fromPdf, rules)).toEqual(reading(fromText, rules));
        }, 60000);
      }
    }
  }
});
