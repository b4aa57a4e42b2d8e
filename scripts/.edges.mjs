// node scripts/.edges.mjs NAME VARIANT : a corpus source with edge lines added, rendered by Chromium into /tmp/edges
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CORPUS_PLAN, chromium, html, libreoffice } from './render-source.mjs';
const [name, variant, producer = 'chromium'] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(`fixtures/pdf-src/corpus-${name}.json`, 'utf8'));
const V = {
  signoff: (t) => ({ ...t, notes: [...(t.notes ?? []), `单位负责人：王五　　财务负责人：赵六　　制表人：孙七　　联系电话：0972-8123456`, '2025年1月20日'] }),
  titleunit: (t) => ({ ...t, title: `${t.title}　　　　　　　　单位：${t.unit ?? doc.unit}`, meta: [`部门：${doc.department}`] }),
  plain: (t) => t,
  slash: (t) => {
    const num = (c) => /^-?[\d,]+\.\d+$/.test(String(c));
    const amountCols = new Set();
    for (const r of t.rows) if (Array.isArray(r)) r.forEach((c, i) => num(c) && amountCols.add(i));
    return { ...t, rows: t.rows.map((r) => (Array.isArray(r) ? r.map((c, i) => (amountCols.has(i) && c === '' ? (process.env.MARK ?? '/') : c)) : r)) };
  },
};
// a long table broken over two pages by hand, the second part under 续表 (or another mark) and the header again
const split = (tables) => tables.flatMap((t) => (t.layout === 'code' && t.rows.length > 12 ? [{ ...t, rows: t.rows.slice(0, 8), notes: [] }, { ...t, title: process.env.CONT ?? '续表', anchor: '', above: undefined, rows: t.rows.slice(8) }] : [t]));
const out = variant === 'continued' || variant === 'footer' ? { ...doc, tables: variant === 'continued' ? split(doc.tables) : doc.tables } : { ...doc, tables: doc.tables.map(V[variant]) };
const work = mkdtempSync(path.join(tmpdir(), 'edges-'));
const plan = { ...CORPUS_PLAN.find((p) => p.producer === producer), ...(process.env.FONT ? { font: process.env.FONT } : {}) };
const h = path.join(work, `${name}.html`);
let page = html(out, plan);
// a page footer as Word sets it: 第 N 页 共 M 页 (Chromium's page margin boxes)
if (variant === 'footer') page = page.replace('@page { size:', `@page { @bottom-center { content: "${process.env.FOOTER ?? '第 " counter(page) " 页 共 " counter(pages) " 页'}"; font-size: 9pt; } size:`);
writeFileSync(h, page);
const pdf = `/tmp/edges/${name}.${variant}.${producer}.pdf`;
if (producer === 'chromium') chromium(h, pdf, work); else libreoffice(h, pdf, plan);
console.log(pdf);
