/**
 * Metamorphic tests: each corpus document printed as other provinces print the same tables
 * (scripts/variants.mjs: tables named by title only, numbered 表一 / 附表2 / 表3： / 预算表4, codes
 * in 类 | 款 | 项 cells, zeros printed 0 and blanks -, figures without thousands separators, and
 * all of it at once; then numbers no province here prints (预算05表, 部门决算05表, 表1-1, 表 5),
 * the unit on other lines or only in the header's cells, codes under a 类 款 项 header row, each
 * row printing only its own part, and those at once) gives the diagnostics of the original, and
 * the same model where the variant keeps it. Text versions are made here from the sources; the
 * `all` variant is also committed as PDFs by LibreOffice Writer (NAME.all.libreoffice.pdf, as
 * make-fixtures prints the corpus) and by Calc (NAME.all.calc.pdf: tables, narrative and forms
 * each a sheet), whose own tab-separated text version (merged cells spread over empty fields) is
 * read too; the `all-other` variant by Calc, by Chromium set as a 三线表 (no cell borders,
 * figures centred: NAME.all-other.chromium.pdf), and by WeasyPrint, which sets header cells and
 * 栏次 numbers flush left over figures and codes set right (NAME.all-other.weasyprint.pdf).
 *
 * Diagnostics are compared placeless, and with each table named by its kind: a message names a
 * table as printed (公开07表, or its title where no number is printed), which the variants change.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { runRules, type Diagnostic, type Rule } from '../src/rules/index.js';
// @ts-expect-error plain JavaScript, shared with scripts/make-layout-fixtures.mjs
import { text as calcText } from '../scripts/make-layout-fixtures.mjs';
// @ts-expect-error plain JavaScript, shared with scripts/make-fixtures.mjs
import { text } from '../scripts/render-source.mjs';
// @ts-expect-error plain JavaScript, shared with scripts/variants.mjs
import { calcSource, VARIANTS, variantOf } from '../scripts/variants.mjs';
import { builtinRules, FIXTURES } from './helpers.js';
import { DOCUMENTS, fromText, originalsOf, sourceOf } from './corpus-sources.js';
import { claimContent, content, formContent, namedPlaceless, restContent } from './model-content.js';

const VARIANT_NAMES = Object.keys(VARIANTS);
/** the renderings of the combined variants besides their text versions */
const RENDERINGS = { all: ['libreoffice.pdf', 'calc.pdf', 'calc.txt'], 'all-other': ['calc.pdf', 'chromium.pdf', 'weasyprint.pdf', 'calc.txt'] } as const;
/** the documents also rendered as printed with their words spread (scripts/variants.mjs spread) */
const SPREAD = ['guizhou-office-2023-final', 'haidong-city-2025-budget'];
/** …and by Writer in other fonts (scripts/variants.mjs uming, droid), read by each engine */
const OTHER_FONTS = ['haidong-city-2025-budget'];
/** …and by Chromium with merged cells' labels set down the cells (scripts/variants.mjs vertical), read by each engine */
const VERTICAL = ['guizhou-office-2023-final'];
/** …and by Calc at 10 or 11 pt in columns made for 7 pt, shrunk to fit (scripts/variants.mjs shrink) */
const SHRUNK = ['guizhou-office-2023-final', 'weihai-huancui-2023-final'];
/** …and by Chromium as a browser saves a portal's web page, its header and footer on every page (scripts/variants.mjs webpage) */
const WEB_PAGES = ['haidong-city-2025-budget'];
/** …and the `all` variant by Calc stamped on every page as a portal publishes it (scripts/variants.mjs STAMPED) */
const STAMPED = ['qinghai-province-2023-final'];

/**
 * Cases that fail now, by `DOCUMENT VARIANT (diagnostics|model)`, each with what goes wrong. The
 * readers are being fixed: a case that passes makes its it.fails fail, and its line here goes.
 */
const FAILS: Record<string, string> = {};


const named = namedPlaceless;

/** a figure as the variant leaves it comparable: without separators; a zero or nothing as 0 (0, 0.00, - and blank) */
function figures(variant: string) {
  const plain = variant === 'plain-figures' || variant === 'all';
  const zeros = variant === 'zeros' || variant === 'all';
  return (cell: [string, number, number, boolean]) => (zeros && cell[1] === 0 ? 0 : plain ? [cell[0].replace(/,/g, ''), ...cell.slice(1)] : cell);
}

/** the model's parts that no variant may change, tables with their figures as `variant` keeps them */
function model(r: Report, variant: string) {
  const figure = figures(variant);
  const tables = content(r).map((t) => ({
    ...t,
    rows: Object.fromEntries(Object.entries(t.rows).map(([k, x]) => [k, { ...x, cells: Object.fromEntries(Object.entries(x.cells).map(([c, v]) => [c, figure(v as [string, number, number, boolean])])) }])),
  }));
  return { tables, forms: formContent(r), claims: claimContent(r), rest: restContent(r) };
}

/** it, or it.fails for a case listed in FAILS */
const test = (name: string) => (FAILS[name] ? it.fails : it);

describe('corpus documents printed as other provinces print them read as the originals', () => {
  let rules: Rule[];
  let originals: Map<string, { report: Report; diagnostics: Diagnostic[] }>;
  beforeAll(async () => {
    rules = await builtinRules();
    originals = originalsOf(rules);
  });

  /** the variant's reading against the original's, diagnostics or model */
  function compare(name: string, variant: string, read: () => Promise<Report> | Report) {
    let report: Report;
    const get = async () => (report ??= await read());
    test(`${name} ${variant} (diagnostics)`)(`${name} ${variant}: diagnostics`, async () => {
      const original = originals.get(name)!;
      const r = await get();
      expect(named(r, runRules(r, rules))).toEqual(named(original.report, original.diagnostics));
    }, 60000);
    test(`${name} ${variant} (model)`)(`${name} ${variant}: model`, async () => {
      const kept = variant.replace(/\..*/, '');
      expect(model(await get(), kept)).toEqual(model(originals.get(name)!.report, kept));
    }, 60000);
  }

  for (const name of DOCUMENTS) {
    it(`${name}: the original reads whole (a round trip of an empty reading would prove nothing)`, () => {
      const { report, diagnostics } = originals.get(name)!;
      expect(report.tables.length).toBeGreaterThanOrEqual(9);
      expect(report.notes).toEqual([]);
      expect(diagnostics.length).toBeGreaterThan(0);
      // every variant prints the document otherwise; 威海's figures are all under 1,000 万元, printed without separators already
      const printed = text(sourceOf(name));
      const same = VARIANT_NAMES.filter((v) => text(variantOf(sourceOf(name), v)) === printed);
      expect(same).toEqual(name === 'weihai-huancui-2023-final' ? ['plain-figures'] : []);
    });
    for (const variant of VARIANT_NAMES) compare(name, variant, () => fromText(`${name}.${variant}.txt`, text(variantOf(sourceOf(name), variant))));
    for (const [variant, renderings] of Object.entries(RENDERINGS)) {
      for (const rendering of renderings) {
        const file = `corpus-${name}.${variant}.${rendering}`;
        compare(name, `${variant}.${rendering}`, async () =>
          rendering === 'calc.txt' ? fromText(file, calcText(calcSource(variantOf(sourceOf(name), variant)))) : buildReport(await readDocument(path.join(FIXTURES, 'pdf', file))),
        );
      }
    }
    // the document as printed, each cell of words spread over its width (分散对齐) or letter-spaced
    if (SPREAD.includes(name)) compare(name, 'spread.chromium.pdf', async () => buildReport(await readDocument(path.join(FIXTURES, 'pdf', `corpus-${name}.spread.chromium.pdf`))));
    // shrunk to fit: 威海's forms' 项目资金（万元 / ） wraps, its ） set on the 年度资金总额 row (that row was
    // left unread: 12 false 自评表 findings of 分值 and 得分 sums, and three real ones lost or misstated);
    // 贵州's forms run over pages, a merged cell's text cut at the break and drawn across the page's
    // last rule (its rows were read without their rules: one form without its 总分 and 结论执行率)
    if (SHRUNK.includes(name)) compare(name, 'shrink.calc.pdf', async () => buildReport(await readDocument(path.join(FIXTURES, 'pdf', `corpus-${name}.shrink.calc.pdf`))));
    // stamped `2025-06-30 已公开` in each page's top right corner (and 政府信息公开 faint across the middle): the
    // date was read as the figures 2025, -06 and -30 in the tables it stood over (a false 科目/上下级合计 of
    // 2,025.00, rows of six tables unread) and, being figures, was no running header to leave out
    for (const pdfEngine of STAMPED.includes(name) ? (['pdfium', 'unpdf'] as const) : []) {
      compare(name, `all.calc.stamped.pdf ${pdfEngine}`, async () => buildReport(await readDocument(path.join(FIXTURES, 'pdf', `corpus-${name}.all.calc.stamped.pdf`), { pdfEngine })));
    }
    // saved from a portal's page by the browser: `12/6/26, 4:22 AM` and the title over each page, the
    // page's address and `3/21` under it, the site's footer under the last 绩效目标表. The date's
    // numbers were read into rows across a page break, under PDFium the address's ﬁ ligature left a
    // gap (fi le:///) that made the footer a row of cells and no footer, and the site's footer was
    // taken for a word of the last form's project column (the form said unread)
    for (const pdfEngine of WEB_PAGES.includes(name) ? (['pdfium', 'unpdf'] as const) : []) {
      compare(name, `webpage.chromium.pdf ${pdfEngine}`, async () => buildReport(await readDocument(path.join(FIXTURES, 'pdf', `corpus-${name}.webpage.chromium.pdf`), { pdfEngine })));
    }
    // 竖排: 项目资金（元） a character a line among the funds rows (no unit was read, the 元 figures taken
    // for 万元, and three findings lost), 绩效指标 and the 二级指标 too
    for (const pdfEngine of VERTICAL.includes(name) ? (['pdfium', 'unpdf'] as const) : []) {
      compare(name, `vertical.chromium.pdf ${pdfEngine}`, async () => buildReport(await readDocument(path.join(FIXTURES, 'pdf', `corpus-${name}.vertical.chromium.pdf`), { pdfEngine })));
    }
    // in UMing pdf.js sets its figures a space apart from the words before them (预算执行率权重 10%, 10% read
    // as the 分值 column's); in Droid a wrapped project name's lines stand farther apart than a line
    for (const font of OTHER_FONTS.includes(name) ? ['uming', 'droid'] : []) {
      for (const pdfEngine of ['pdfium', 'unpdf'] as const) {
        compare(name, `${font}.libreoffice.pdf ${pdfEngine}`, async () => buildReport(await readDocument(path.join(FIXTURES, 'pdf', `corpus-${name}.${font}.libreoffice.pdf`), { pdfEngine })));
      }
    }
  }
});
