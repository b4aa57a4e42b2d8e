#!/usr/bin/env node
// Renders the structured fixture sources (fixtures/pdf-src/*.json) into the committed fixtures:
//   fixtures/pdf/NAME.txt            the same document as tab-separated text (the "text version")
//   fixtures/pdf/NAME.PRODUCER.pdf   PDFs from producers whose layouts differ
// and the bad-input PDFs; corpus-NAME.json (made by corpus-to-src.mjs from the corpus texts) are
// rendered by LibreOffice and Chromium as CORPUS_PLAN says, two of them and final-full also by
// WeasyPrint and wkhtmltopdf (producers the readers were not built from: NEW_PRODUCERS), and
// LibreOffice's renderings of those rewritten by Ghostscript and by cairo; each corpus source also by
// AbiWord, from the ODT Writer saves (abiwordPlan), by Apache FOP from XSL-FO (fopPlan, fop.mjs), and by
// pdfmake (pdfmakePlan, pdfmake.mjs; `npm install --no-save pdfmake@0.2.23` first), and by jsPDF
// with jspdf-autotable (jspdfPlan, jspdf.mjs; `npm install --no-save jspdf@2 jspdf-autotable@3`
// and `pip install fonttools` first).
// Run by hand (CI uses the committed files):
//   apt-get install libreoffice-writer-nogui fonts-noto-cjk chromium qpdf poppler-utils ghostscript weasyprint wkhtmltopdf abiword fonts-wqy-microhei fop
//   node scripts/make-fixtures.mjs            everything
//   node scripts/make-fixtures.mjs forms      only the sources named (no hand-made or bad PDFs)
//   node scripts/make-fixtures.mjs --producer=abiword corpus-linxia-city-2023-final   …by that producer only
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { abiword, chromium as chromiumIn, CORPUS_PLAN, drawnOnA3, gridPage, html, libreoffice, text } from './render-source.mjs';
import { fop } from './fop.mjs';

const { pdfmake } = await import('./pdfmake.mjs').catch(() => ({ pdfmake: () => Promise.reject(new Error('pdfmake is not installed: npm install --no-save pdfmake@0.2.23')) }));
const { jspdf } = await import('./jspdf.mjs').catch(() => ({ jspdf: () => Promise.reject(new Error('jsPDF is not installed: npm install --no-save jspdf@2 jspdf-autotable@3')) }));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'fixtures/pdf-src');
const outDir = path.join(root, 'fixtures/pdf');
const work = mkdtempSync(path.join(tmpdir(), 'budget-lint-fixtures-'));
mkdirSync(outDir, { recursive: true });

/** which producers render which source, and how each page is set */
const PLAN = {
  'final-full': [
    { producer: 'libreoffice', fontSize: '8pt' },
    { producer: 'chromium' },
    // set densely: 6 pt tables, no cell padding (rows 1.5 font sizes apart)
    { producer: 'chromium', font: '"Noto Serif CJK SC"', fontSize: '8pt', tableFontSize: '6pt', rowPadding: '0px', compact: true, out: 'fixtures/pdf/final-full.dense.chromium.pdf' },
  ],
  budget: [{ producer: 'chromium', rowPadding: '5px' }],
  'final-yuan': [{ producer: 'libreoffice', landscape: true }],
  // the README's quick start lints this one: a budget with the mistakes of the real document it comes from
  'sample-budget': [{ producer: 'chromium', rowPadding: '5px', out: 'fixtures/sample/budget-2025.pdf' }],
  // 整体支出 and project forms whose cells wrap: read from a PDF's lines by the header's columns
  forms: [
    { producer: 'libreoffice', landscape: true },
    // set densely as final-full's: the project form's cells are read by the borders Chromium draws
    { producer: 'chromium', font: '"Noto Serif CJK SC"', fontSize: '8pt', tableFontSize: '6pt', rowPadding: '0px', compact: true, out: 'fixtures/pdf/forms.dense.chromium.pdf' },
  ],
  // project and 整体支出 forms as other provinces print them (columns reordered, weights in the 一级
  // cell, 预算执行率 an indicator row, two forms in one table, the indicator header repeated)
  'forms-provinces': [{ producer: 'libreoffice', landscape: true }, { producer: 'chromium', landscape: true }],
  // 四川's 项目支出绩效自评表 (funds rows 总额 / 财政资金 / 财政专户管理资金 / 单位资金, targets in three cells, 合计)
  'forms-sichuan': [{ producer: 'pdfmake', landscape: true }],
  // a budget's 绩效目标表 whose project, 一级 and 二级 cells are merged over their rows
  target: [{ producer: 'chromium', landscape: true }, { producer: 'chromium', landscape: true, valign: 'top', out: 'fixtures/pdf/target-top.chromium.pdf' }],
  // a 三公 table published alone and printed turned, a row per item (安徽, 湖南 counties): figures
  // left blank in one group, whole 元 with a header of two years and counts under the items
  'sangong-turned-final': [{ producer: 'chromium' }, { producer: 'libreoffice' }],
  'sangong-turned-budget': [{ producer: 'chromium' }, { producer: 'libreoffice' }],
  // …each group split by source of funds (合计 | 一般公共预算 | 政府性基金, 巢湖市人民法院 2021)
  'sangong-turned-funds': [{ producer: 'chromium' }, { producer: 'libreoffice' }],
  // a final account's 三公 grid with 机关运行经费决算数 in a column of its own (上海 districts, 2017)
  'sangong-operating-final': [{ producer: 'chromium' }, { producer: 'libreoffice' }],
  // …and a budget's two years followed by how they changed (增、减金额 | 增、减幅度, 云南 counties), a
  // row's change left blank where the years are equal
  'sangong-change': [{ producer: 'chromium' }, { producer: 'libreoffice' }],
  // 奉新 2023: the change in one column, then the reasons for it, prose wrapped in its cells
  'sangong-reasons': [{ producer: 'chromium' }, { producer: 'libreoffice' }],
  // …and a final account's two years (上年决算数 | 本年决算数, 施甸) with their change, this year's
  // purchase left blank: last year's figures are no column of the final's kind
  'sangong-final-years': [{ producer: 'chromium' }, { producer: 'libreoffice' }],
  // 陕西: a final account's 三公 table with 会议费 and 培训费 beside the 三公 in both groups
  'sangong-meetings-final': [{ producer: 'chromium', landscape: true }, { producer: 'libreoffice', landscape: true }],
};

/**
 * The same HTML as Chromium is given, by two more producers: WeasyPrint (its own layout engine,
 * named pages, header cells set left over right-aligned figures) and wkhtmltopdf (QtWebKit: one
 * long portrait layout cut into pages, a row on the cut drawn on both pages and clipped away on one).
 * Two corpus documents each and final-full, to keep the fixtures small.
 */
const corpusChromium = CORPUS_PLAN.find((o) => o.producer === 'chromium');
const NEW_PRODUCERS = ['weasyprint', 'wkhtmltopdf'];
const NEW_PRODUCER_SOURCES = ['corpus-guizhou-office-2023-final', 'corpus-haidong-city-2025-budget', 'final-full'];
const newProducerPlan = (name) =>
  NEW_PRODUCER_SOURCES.includes(name) ? NEW_PRODUCERS.map((producer) => ({ ...(name.startsWith('corpus-') ? corpusChromium : {}), producer })) : [];

/**
 * sources whose text version is also written as a spreadsheet's export (fixtures/text/NAME.calc.txt),
 * and each PDF's text as pdftotext -layout gives it (fixtures/text/NAME.PRODUCER.layout.txt)
 */
const SPREAD = ['forms-provinces', 'forms-sichuan'];
/** sources whose PDFs' text as pdftotext -layout gives it is kept too: 三公 tables printed turned */
const LAYOUT_TEXT = ['forms-provinces', 'sangong-change', 'sangong-final-years', 'sangong-reasons', 'sangong-meetings-final'];

/**
 * The corpus documents by AbiWord (the ODT Writer saves, opened in AbiWord): rows set closer than
 * Writer sets them, a note close under its table, figures and codes wider than a narrow cell
 * broken over two lines. In WenQuanYi Micro Hei (TrueType): cairo writes Noto CJK's CFF subsets
 * uncompressed (some 700 KB a file), and maps some of its digit glyphs to U+FFFD.
 */
const corpusWriter = CORPUS_PLAN.find((o) => o.producer === 'libreoffice');
const abiwordPlan = (name) => (name.startsWith('corpus-') ? [{ ...corpusWriter, producer: 'abiword', font: '"WenQuanYi Micro Hei"' }] : []);

/**
 * Bold without a bold face: a corpus document by Writer in WenQuanYi Micro Hei (one weight), so
 * Writer sets bold by stroking the glyphs' outlines (text render mode 2), as Word and WPS do with
 * SimSun; and that file rewritten by cairo, which keeps the text and writes each stroke as a path
 * of its own: short straight edges that a reader must not take for cell borders.
 */
const FAKE_BOLD = 'corpus-guizhou-office-2023-final';
const fakeBoldPlan = (name) => (name === FAKE_BOLD ? [{ ...corpusWriter, font: '"WenQuanYi Micro Hei"', out: `fixtures/pdf/${name}.fakebold.libreoffice.pdf` }] : []);

/**
 * The corpus documents and 卡斯镇's 三公 table by Apache FOP, from XSL-FO (scripts/fop.mjs): a Java
 * report engine's PDF, its own table layout (a wide first column: figures set right, far from the
 * 栏次 number centred over them) and font subsets, in WenQuanYi Micro Hei.
 */
const FOP_SOURCES = ['sangong-change', 'sangong-final-years', 'sangong-reasons', 'sangong-meetings-final'];
const fopPlan = (name) => (name.startsWith('corpus-') || FOP_SOURCES.includes(name) ? [{ producer: 'fop' }] : []);

/**
 * The corpus documents by pdfmake (scripts/pdfmake.mjs), the table layout of Node report services:
 * PDFKit's font subsets, whose ToUnicode maps PDFium's parser leaves unread (bfrange with arrays),
 * header rows repeated on each page a table runs onto, cells' text at their tops. Two of them
 * also with names' columns so narrow that names wrap, rows let break over pages: a name's last
 * lines at the next page's head, under the header printed again.
 */
const PDFMAKE_NARROW = ['corpus-guizhou-office-2023-final', 'corpus-linxia-city-2023-final'];
/** …and final-full (a project's name and its 自评结论 wrapped in their cells), target (a table's last name wrapped above the narrative), budget (figures wider than their cells, wrapped: 1,215.3 / 4) and forms (funds rows' labels wrapped: 年度资金总 / 额:) */
const PDFMAKE_SOURCES = ['budget', 'final-full', 'forms', 'target'];
const pdfmakePlan = (name) =>
  name.startsWith('corpus-') || PDFMAKE_SOURCES.includes(name)
    ? [{ producer: 'pdfmake' }, ...(PDFMAKE_NARROW.includes(name) ? [{ producer: 'pdfmake', narrow: true, out: `fixtures/pdf/${name}.narrow.pdfmake.pdf` }] : [])]
    : [];

/**
 * The corpus documents by jsPDF with jspdf-autotable (scripts/jspdf.mjs), a web page's export:
 * columns sized by their content (names and figures of one row wrapped side by side: 海东市医疗保障局
 * （本级 / ） beside 1,215.3 / 4; a 总表's 支出 name wrapped on a row with no figure, the next
 * row's figures on the line after it), codes set right in a narrow column; by default no border
 * at all, a filled band behind the header and every other row ('striped'), and each cell's border
 * a rectangle of its own ('grid').
 */
/** …and budget (a unit's code wrapped in its narrow column beside its wrapped name and figure: 506 / 001, 海东市医疗保障 / 局（本级）, 1,21 / 5.34) and target (the reserved weight wrapped before its %: 行率权重10 / %) */
const JSPDF_SOURCES = ['budget', 'target'];
/**
 * …and four more with every page upright, the wide tables and forms too, in 8 pt (portrait): columns
 * a character or two wide, so figures wrap in their cells (a form's 分值 1 / 0, 80. / 09, 栏次 1 / 1,
 * 8. / 0 / 0), 合计 wraps (合 / 计) in a blank first row, header words wrap a character a line
 * (分 / 值, 部门(单位)名 / 称), and rows break over pages (4,999. / 06 under the header printed again)
 */
const JSPDF_PORTRAIT = ['corpus-guizhou-office-2023-final', 'corpus-haidong-city-2025-budget', 'corpus-linxia-city-2023-final', 'sangong-meetings-final'];
const jspdfPlan = (name) => [
  ...(name.startsWith('corpus-') || JSPDF_SOURCES.includes(name) ? [{ producer: 'jspdf' }, { producer: 'jspdf', theme: 'grid', out: `fixtures/pdf/${name}.grid.jspdf.pdf` }] : []),
  ...(JSPDF_PORTRAIT.includes(name) ? [{ producer: 'jspdf', theme: 'grid', portrait: true, tableFontSize: '8', out: `fixtures/pdf/${name}.portrait.jspdf.pdf` }] : []),
];

const planOf = (name) => [...(PLAN[name] ?? (name.startsWith('corpus-') ? CORPUS_PLAN : [{ producer: 'chromium' }])), ...newProducerPlan(name), ...abiwordPlan(name), ...fakeBoldPlan(name), ...fopPlan(name), ...pdfmakePlan(name), ...jspdfPlan(name)];

const chromium = (htmlFile, pdfFile) => chromiumIn(htmlFile, pdfFile, work);

function weasyprint(htmlFile, pdfFile) {
  execFileSync('weasyprint', ['-q', htmlFile, pdfFile], { stdio: 'ignore', timeout: 900000 });
}

function wkhtmltopdf(htmlFile, pdfFile) {
  execFileSync('wkhtmltopdf', ['-q', '--enable-local-file-access', htmlFile, pdfFile], { stdio: 'ignore', timeout: 300000 });
}

const PRODUCERS = { libreoffice, chromium, weasyprint, wkhtmltopdf, abiword, fop: (htmlFile, pdfFile, opts) => fop(opts.doc, pdfFile, work, opts), pdfmake: (htmlFile, pdfFile, opts) => pdfmake(opts.doc, pdfFile, opts), jspdf: (htmlFile, pdfFile, opts) => jspdf(opts.doc, pdfFile, opts) };

// --producer=NAME: only that producer's renderings of the sources named
const producerArg = process.argv.slice(2).find((a) => a.startsWith('--producer='));
const only = process.argv.slice(2).filter((a) => a !== producerArg);
for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.json') && (!only.length || only.includes(path.basename(f, '.json'))))) {
  const name = path.basename(file, '.json');
  const doc = JSON.parse(readFileSync(path.join(srcDir, file), 'utf8'));
  writeFileSync(path.join(outDir, `${name}.txt`), text(doc));
  // …and as a spreadsheet exports it, merged cells spread over empty fields
  if (SPREAD.includes(name)) writeFileSync(path.join(root, 'fixtures/text', `${name}.calc.txt`), text(doc, { spread: true }));
  for (const opts of planOf(name).filter((o) => !producerArg || o.producer === producerArg.slice('--producer='.length))) {
    const htmlFile = path.join(work, `${name}-${opts.producer}.html`);
    writeFileSync(htmlFile, html(doc, opts));
    const pdf = opts.out ? path.join(root, opts.out) : path.join(outDir, `${name}.${opts.producer}.pdf`);
    await PRODUCERS[opts.producer](htmlFile, pdf, { ...opts, doc });
    if (opts.compact) execFileSync('qpdf', ['--object-streams=generate', '--recompress-flate', '--compression-level=9', '--replace-input', pdf]);
    // …and its text as poppler lays it out in columns (cells parted by runs of spaces)
    if (LAYOUT_TEXT.includes(name) && opts.producer !== 'jspdf') execFileSync('pdftotext', ['-layout', pdf, path.join(root, 'fixtures/text', `${name}.${opts.producer}.layout.txt`)]);
    console.log('wrote', path.relative(root, pdf));
  }
}

if (only.length) process.exit(0);

// A small disclosure whose CJK font is not embedded: pdf.js needs the predefined CMap to read it.
writeFileSync(path.join(outDir, 'cmap-not-embedded.pdf'), handMadePdf([tablePage()]));
// The same table, then a page drawn in a font whose glyphs map to no real character.
writeFileSync(path.join(outDir, 'unmapped-glyphs.pdf'), handMadePdf([tablePage(), unmappedPage()]));
console.log('wrote fixtures/pdf/cmap-not-embedded.pdf, fixtures/pdf/unmapped-glyphs.pdf');

// Page 2 turned by /Rotate 90 over text drawn upright: read as the unturned file.
const fullPdf = path.join(outDir, 'final-full.libreoffice.pdf');
execFileSync('qpdf', ['--rotate=+90:2', fullPdf, path.join(outDir, 'final-full.rotated.pdf')]);
console.log('wrote fixtures/pdf/final-full.rotated.pdf');

// Restricted without a password to open (an owner password forbids copying and printing), as many
// published disclosures are: AES-256, and RC4-128 as older Acrobat and WPS restrict them. Read as
// the unrestricted file; only a password to open stops a reader.
execFileSync('qpdf', ['--encrypt', '', 'owner-only', '256', '--extract=n', '--print=none', '--modify=none', '--', fullPdf, path.join(outDir, 'final-full.restricted-aes.pdf')]);
execFileSync('qpdf', ['--allow-weak-crypto', '--encrypt', '', 'owner-only', '128', '--use-aes=n', '--extract=n', '--print=none', '--modify=none', '--', fullPdf, path.join(outDir, 'final-full.restricted-rc4.pdf')]);
console.log('wrote fixtures/pdf/final-full.restricted-aes.pdf, fixtures/pdf/final-full.restricted-rc4.pdf');

// Each page of wkhtmltopdf's rendering drawn whole, as a form XObject, onto an A3 page (qpdf
// --overlay), as stamping, watermarking and imposition tools redraw a file: the rows its page cuts
// leave half on each page are clipped inside the form, in the form's space. Read as the file it was
// drawn from.
drawnOnA3(path.join(outDir, 'final-full.wkhtmltopdf.pdf'), path.join(outDir, 'final-full.wkhtmltopdf.overlay.pdf'), work);
console.log('wrote fixtures/pdf/final-full.wkhtmltopdf.overlay.pdf');

// Bad input.
const bad = path.join(root, 'fixtures/bad');
mkdirSync(bad, { recursive: true });
const good = path.join(outDir, 'budget.chromium.pdf');
execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', good, path.join(bad, 'encrypted.pdf')]);
const bytes = readFileSync(good);
writeFileSync(path.join(bad, 'truncated.pdf'), bytes.subarray(0, Math.floor(bytes.length / 3)));
writeFileSync(path.join(bad, 'not-a-pdf.pdf'), '这不是 PDF，只是改了扩展名的文本。\n');
execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '60', '-png', good, path.join(work, 'scan')]);
const png = readdirSync(work).find((f) => f.startsWith('scan') && f.endsWith('.png'));
copyFileSync(path.join(work, png), path.join(work, 'scan.png'));
// a page that is only a picture of a page, as a scanner makes it
const scanHtml = path.join(work, 'scan.html');
writeFileSync(scanHtml, '<!doctype html><body style="margin:0"><img src="scan.png" style="width:100%"></body>');
chromium(scanHtml, path.join(bad, 'image-only.pdf'));
const letterHtml = path.join(work, 'letter.html');
writeFileSync(letterHtml, '<!doctype html><meta charset="utf-8"><body style="font-family:Noto Sans CJK SC"><p>关于召开年度工作会议的通知</p><p>各科室：定于下周一上午九时召开年度工作会议，请准时参加。</p></body>');
chromium(letterHtml, path.join(bad, 'not-a-disclosure.pdf'));
console.log('wrote fixtures/bad/*.pdf');

// Pages lost inside a readable file: a scanned page among text pages (image-only.pdf's first),
// and page 2's content stream damaged (bytes flipped mid-stream; the file's structure intact).
execFileSync('qpdf', ['--empty', '--pages', fullPdf, '1-2', path.join(bad, 'image-only.pdf'), '1', fullPdf, '3-z', '--', path.join(outDir, 'final-full.scan-page.pdf')]);
const unpacked = path.join(work, 'unpacked.pdf');
execFileSync('qpdf', ['--object-streams=disable', fullPdf, unpacked]);
const contents = /page 2: .*\n\s*content:\n\s*(\d+) 0 R/.exec(execFileSync('qpdf', ['--show-pages', unpacked], { encoding: 'utf8' }))[1];
const damaged = readFileSync(unpacked);
const at = damaged.indexOf('stream', damaged.indexOf(`\n${contents} 0 obj`)) + 'stream\n'.length;
const length = Number(/\/Length (\d+)/.exec(damaged.subarray(at - 200, at).toString('latin1'))[1]);
for (let k = 0; k < 4; k++) damaged[at + Math.floor(length / 2) + k] ^= 0xff;
writeFileSync(path.join(outDir, 'final-full.damaged.pdf'), damaged);
// the same file with its page objects packed in object streams (as Word and most producers since
// PDF 1.5 write them): the damaged page is known only once those streams are unpacked. Kept out
// of fixtures/pdf, whose files are each linted as renderings of a document.
const structureDir = path.join(outDir, '../pdf-structure');
mkdirSync(structureDir, { recursive: true });
execFileSync('qpdf', ['--object-streams=generate', path.join(outDir, 'final-full.damaged.pdf'), path.join(structureDir, 'final-full.damaged.objstm.pdf')]);
console.log('wrote fixtures/pdf/final-full.scan-page.pdf, fixtures/pdf/final-full.damaged.pdf, fixtures/pdf-structure/final-full.damaged.objstm.pdf');
// A scan made searchable (tesseract, as ocrmypdf and Acrobat's OCR do): a picture of each page with
// the recognised text drawn invisibly over it. That text is the OCR's reading, figures misread
// included: a scanned file is refused, and an OCR'd page among text pages is said and left out.
const ocrPng = path.join(work, 'ocr-page.png');
execFileSync('pdftoppm', ['-f', '3', '-l', '3', '-r', '100', '-gray', '-png', '-singlefile', fullPdf, ocrPng.replace(/\.png$/, '')]);
execFileSync('tesseract', [ocrPng, path.join(bad, 'scanned-ocr'), '-l', 'chi_sim', '--dpi', '100', 'pdf'], { stdio: 'ignore' });
execFileSync('qpdf', ['--empty', '--pages', fullPdf, '1-2', path.join(bad, 'scanned-ocr.pdf'), '1', fullPdf, '4-z', '--', path.join(outDir, 'final-full.ocr-page.pdf')]);
console.log('wrote fixtures/bad/scanned-ocr.pdf, fixtures/pdf/final-full.ocr-page.pdf');
// Rewritten by Ghostscript (as a Distiller would): it gives Chromium's Type 3 fonts a Unicode map
// of its own guessing, so some characters come out as letters no Chinese text has (：→ÿ, 务→ó).
const target = path.join(outDir, 'target.chromium.pdf');
execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=pdfwrite', `-sOutputFile=${path.join(outDir, 'target.chromium.gs.pdf')}`, target]);
// its two wrongly mapped pages behind a page that reads but is no disclosure: refused for the pages, not as a letter
execFileSync('qpdf', ['--empty', '--pages', path.join(bad, 'not-a-disclosure.pdf'), '1', path.join(outDir, 'target.chromium.gs.pdf'), '2,4', '--', path.join(bad, 'mismapped-pages.pdf')]);
console.log('wrote fixtures/pdf/target.chromium.gs.pdf, fixtures/bad/mismapped-pages.pdf');
// PDFs rewritten by other programs, from LibreOffice's renderings of NEW_PRODUCER_SOURCES:
// Ghostscript's pdfwrite (what print-to-PDF services and Distiller-like pipelines run; fonts
// re-subset and re-encoded) and cairo (pdftocairo: every glyph redrawn through cairo's PDF
// surface, as GTK and many Linux programs print). Both must read as their text versions.
for (const name of NEW_PRODUCER_SOURCES) {
  const from = path.join(outDir, `${name}.libreoffice.pdf`);
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=pdfwrite', `-sOutputFile=${path.join(outDir, `${name}.ghostscript.pdf`)}`, from]);
  execFileSync('pdftocairo', ['-pdf', from, path.join(outDir, `${name}.cairo.pdf`)]);
}
execFileSync('pdftocairo', ['-pdf', path.join(outDir, `${FAKE_BOLD}.fakebold.libreoffice.pdf`), path.join(outDir, `${FAKE_BOLD}.fakebold.cairo.pdf`)]);
console.log('wrote fixtures/pdf/*.ghostscript.pdf, fixtures/pdf/*.cairo.pdf');
// Printed to PostScript and distilled again (pdftops, then ps2pdf): the fonts come back without
// their Unicode maps, so the text cannot be extracted at all: said in one line, never read as blank.
const ps = path.join(work, 'final-full.ps');
execFileSync('pdftops', [fullPdf, ps]);
execFileSync('ps2pdf', [ps, path.join(bad, 'postscript-no-unicode.pdf')]);
console.log('wrote fixtures/bad/postscript-no-unicode.pdf');
// a page whose text cannot be extracted, then two read through a wrong map: the file is refused
// for the wrong map, the reason that tells the user what to do, not for the first page's
execFileSync('qpdf', ['--empty', '--pages', path.join(bad, 'postscript-no-unicode.pdf'), '1', path.join(bad, 'mismapped-pages.pdf'), '2-3', '--', path.join(bad, 'unmapped-then-mismapped.pdf')]);
console.log('wrote fixtures/bad/unmapped-then-mismapped.pdf');
// A table pasted as a picture (a screenshot of a spreadsheet in a Word document): its title, number
// and unit are text, its grid is not. The table is said unread, not empty.
{
  const doc = JSON.parse(readFileSync(path.join(srcDir, 'final-full.json'), 'utf8'));
  const sangong = doc.tables.find((t) => t.title.includes('三公'));
  const gridFile = path.join(work, 'sangong-grid.html');
  const picture = path.join(work, 'sangong-grid.png');
  writeFileSync(gridFile, gridPage(sangong));
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${path.join(work, 'chromium')}`, '--hide-scrollbars', '--window-size=1000,190', `--screenshot=${picture}`, gridFile], { stdio: 'ignore', timeout: 180000 });
  const htmlFile = path.join(work, 'final-full-pictured.html');
  writeFileSync(htmlFile, html(doc, { pictures: { [sangong.title]: picture } }));
  chromium(htmlFile, path.join(outDir, 'final-full.pictured.chromium.pdf'));
  console.log('wrote fixtures/pdf/final-full.pictured.chromium.pdf');
}
// Two disclosures in one file: each is checked as a document of its own.
execFileSync('qpdf', ['--empty', '--pages', fullPdf, fullPdf, '--', path.join(outDir, 'final-full.twice.pdf')]);
console.log('wrote fixtures/pdf/final-full.twice.pdf');
// A compilation of three units' disclosures (a budget, then two final accounts of other units and
// years), from the ReportLab renderings already in fixtures/pdf (scripts/reportlab)
const compiled = ['corpus-haidong-city-2025-budget', 'corpus-linxia-city-2023-final', 'corpus-guizhou-office-2023-final'].map((n) => path.join(outDir, `${n}.reportlab.pdf`));
if (compiled.every((f) => existsSync(f))) {
  execFileSync('qpdf', ['--empty', '--pages', ...compiled, '--', path.join(outDir, 'compilation.reportlab.pdf')]);
  console.log('wrote fixtures/pdf/compilation.reportlab.pdf');
}

/** a page in Type0 font STSong-Light with the predefined CMap UniGB-UCS2-H, no font file */
function tablePage() {
  const lines = [
    '收入决算表',
    '公开02表',
    '部门：示例单位　金额单位：万元',
    '科目代码 科目名称 本年收入合计 财政拨款收入 其他收入',
    '合计 100.00 90.00 10.00',
    '208 社会保障和就业支出 100.00 90.00 11.00',
  ];
  const ucs2 = (s) => Buffer.from([...s].flatMap((ch) => { const c = ch.codePointAt(0); return [c >> 8, c & 255]; })).toString('hex').toUpperCase();
  return {
    content: ['BT', '/F1 12 Tf', '14 TL', '50 780 Td', ...lines.map((l) => `<${ucs2(l)}> Tj T*`), 'ET'].join('\n'),
    font: '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>',
  };
}

/** a page in a Type 3 font whose glyphs are named only by private-use code points */
function unmappedPage() {
  const glyph = '0 0 600 700 d0 0 0 600 700 re f';
  return {
    content: 'BT /F1 12 Tf 50 780 Td <414243> Tj ET',
    font: `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0] /FirstChar 65 /LastChar 67 /Widths [600 600 600] /Encoding << /Type /Encoding /Differences [65 /uniE001 /uniE002 /uniE003] >> /CharProcs << /uniE001 ${stream(glyph)} /uniE002 ${stream(glyph)} /uniE003 ${stream(glyph)} >> /Resources << >> >>`,
  };
}

/** an inline placeholder for a stream object: handMadePdf turns these into objects of their own */
function stream(body) {
  return `@stream(${body})`;
}

/** PDF 1.4 by hand, one page per {content, font} */
function handMadePdf(pages) {
  const n = pages.length;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ')}] /Count ${n} >>`,
  ];
  pages.forEach((p, i) => {
    const base = 3 + i * 3;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${base + 1} 0 R >> >> /Contents ${base + 2} 0 R >>`);
    objects.push(p.font);
    objects.push(`<< /Length ${Buffer.byteLength(p.content)} >>\nstream\n${p.content}\nendstream`);
  });
  // stream placeholders (glyph procedures) become objects of their own, referenced where they stood
  for (let i = 0; i < objects.length; i++) {
    objects[i] = objects[i].replace(/@stream\(([^)]*)\)/g, (_, body) => {
      objects.push(`<< /Length ${Buffer.byteLength(body)} >>\nstream\n${body}\nendstream`);
      return `${objects.length} 0 R`;
    });
  }
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => String(o).padStart(10, '0') + ' 00000 n \n').join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}
