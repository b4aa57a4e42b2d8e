// A fixture source (fixtures/pdf-src/*.json) as XSL-FO, laid out by Apache FOP: a producer of its
// own (Java; its own line breaking, tables and font subsetting: each glyph placed by its own
// advance in a TJ array, a CID font per face), as report servers of finance systems print.
// Used by make-fixtures.mjs (producer 'fop'); needs `apt-get install fop fonts-wqy-microhei`.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { esc, isAmount } from './render-source.mjs';
const FONT = 'WenQuanYi Micro Hei';

/** a cell: text, or {text, rowspan, colspan} */
function cell(c, { header = false, size }) {
  const text = typeof c === 'string' ? c : c.text;
  const spans = typeof c === 'string' ? '' : `${c.colspan ? ` number-columns-spanned="${c.colspan}"` : ''}${c.rowspan ? ` number-rows-spanned="${c.rowspan}"` : ''}`;
  const align = !header && isAmount(text) ? 'end' : header ? 'center' : 'start';
  return `<fo:table-cell border="0.5pt solid black" padding="1.5pt"${spans}><fo:block font-size="${size}" text-align="${align}">${esc(text)}</fo:block></fo:table-cell>`;
}

/** how many columns a table's rows take (the widest row, spans counted) */
const columnsOf = (rows) => Math.max(...rows.map((r) => r.reduce((n, c) => n + (typeof c === 'string' ? 1 : (c.colspan ?? 1)), 0)));

function table(rows, header, size) {
  const n = columnsOf([...header, ...rows]);
  const row = (r, isHeader) => `<fo:table-row keep-together.within-page="always">${r.map((c) => cell(c, { header: isHeader, size })).join('')}</fo:table-row>`;
  return `<fo:table table-layout="fixed" width="100%" border-collapse="collapse">
${Array.from({ length: n }, (_, i) => `<fo:table-column column-width="proportional-column-width(${i === 0 ? 3 : 1})"/>`).join('')}
${header.length ? `<fo:table-header>${header.map((r) => row(r, true)).join('\n')}</fo:table-header>` : ''}
<fo:table-body>${rows.map((r) => row(r, false)).join('\n')}</fo:table-body></fo:table>`;
}

const block = (text, attrs = '') => `<fo:block${attrs}>${esc(text)}</fo:block>`;

/** the document as XSL-FO: each table on a page of its own (landscape for a wide one), then the narrative and the forms */
export function fo(doc, opts = {}) {
  const size = opts.tableFontSize ?? '7pt';
  const sequence = (master, body) => `<fo:page-sequence master-reference="${master}"><fo:flow flow-name="xsl-region-body" font-family="${FONT}" font-size="${opts.fontSize ?? '9pt'}">${body}</fo:flow></fo:page-sequence>`;
  const meta = (t) => (t.meta ?? [[`部门：${doc.department}`, `金额单位：${t.unit ?? doc.unit}`]]).map((l) => block(Array.isArray(l) ? l.join('　　') : l, ` font-size="${size}"`)).join('');
  const tables = doc.tables.map((t) =>
    sequence(
      t.wide ? 'landscape' : 'portrait',
      [
        t.above ? block(t.above) : '',
        block(t.title, ' text-align="center" font-size="12pt" font-weight="bold" space-after="4pt"'),
        t.anchor ? block(t.anchor) : '',
        meta(t),
        table(t.rows, t.header, size),
        ...t.notes.map((n) => block(n, ` font-size="${size}"`)),
      ].join('\n'),
    ),
  );
  const forms = (doc.forms ?? []).map((f) => sequence(f.wide ? 'landscape' : 'portrait', block(f.title, ' text-align="center" font-size="12pt" font-weight="bold"') + table(f.rows, [], size)));
  return `<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
<fo:layout-master-set>
<fo:simple-page-master master-name="portrait" page-width="210mm" page-height="297mm" margin="15mm"><fo:region-body/></fo:simple-page-master>
<fo:simple-page-master master-name="landscape" page-width="297mm" page-height="210mm" margin="12mm"><fo:region-body/></fo:simple-page-master>
</fo:layout-master-set>
${sequence('portrait', block(`${doc.department}${doc.title}`, ' font-size="16pt" font-weight="bold"') + block(`第二部分　${doc.year}年度部门${doc.kind === '预算' ? '预算' : '决算'}表`))}
${tables.join('\n')}
${sequence('portrait', block('第三部分　情况说明') + doc.narrative.map((p) => block(p, ' space-after="3pt"')).join('\n'))}
${forms.join('\n')}
</fo:root>`;
}

/** FOP's configuration: the system's fonts found and embedded (subset) */
const CONFIG = `<?xml version="1.0"?>
<fop version="1.0"><renderers><renderer mime="application/pdf"><fonts><auto-detect/></fonts></renderer></renderers></fop>`;

export function fop(doc, pdfFile, work, opts = {}) {
  const foFile = path.join(work, `${path.basename(pdfFile, '.pdf')}.fo`);
  const config = path.join(work, 'fop.xconf');
  writeFileSync(foFile, fo(doc, opts));
  writeFileSync(config, CONFIG);
  execFileSync('fop', ['-q', '-c', config, '-fo', foFile, '-pdf', pdfFile], { stdio: 'ignore', timeout: 600000 });
}
