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
  slash: (t) => {
    const num = (c) => /^-?[\d,]+\.\d+$/.test(String(c));
    const amountCols = new Set();
    for (const r of t.rows) if (Array.isArray(r)) r.forEach((c, i) => num(c) && amountCols.add(i));
    return { ...t, rows: t.rows.map((r) => (Array.isArray(r) ? r.map((c, i) => (amountCols.has(i) && c === '' ? (process.env.MARK ?? '/') : c)) : r)) };
  },
};
const out = { ...doc, tables: doc.tables.map(V[variant]) };
const work = mkdtempSync(path.join(tmpdir(), 'edges-'));
const plan = CORPUS_PLAN.find((p) => p.producer === producer);
const h = path.join(work, `${name}.html`);
writeFileSync(h, html(out, plan));
const pdf = `/tmp/edges/${name}.${variant}.${producer}.pdf`;
if (producer === 'chromium') chromium(h, pdf, work); else libreoffice(h, pdf, plan);
console.log(pdf);
