// node scripts/.perturb2.mjs FILE... : rewrite each table's title block as other producers set it; report changed diagnostics
import { readFileSync } from 'node:fs';
const { splitLines } = await import('../dist/ingest/index.js');
const { buildReport } = await import('../dist/model/index.js');
const { runRules, loadRules, BUILTIN_RULES_DIR } = await import('../dist/rules/index.js');
const rules = await loadRules([BUILTIN_RULES_DIR]);
const key = (d) => `${d.ruleId}\t${d.message}`;
const diags = (text, file) => { const r = buildReport(splitLines(file, text)); return { r, ds: runRules(r, rules).map(key) }; };
const UNIT_RE = /^\s*(?:金额)?单位\s*[:：]\s*(万元|元)\s*$/;
// each: (lines, titleIdx, unitIdx, unit) => new lines or null
const EDITS = {
  'title+unit': (L, ti, ui, u) => ui < 0 ? null : L.map((l, i) => (i === ti ? `${l.trim()}                    单位：${u}` : i === ui ? '' : l)),
  'unit-paren': (L, ti, ui, u) => ui < 0 ? null : L.map((l, i) => (i === ui ? `（单位：${u}）` : l)),
  'unit-ascii': (L, ti, ui, u) => ui < 0 ? null : L.map((l, i) => (i === ui ? `单位:${u}` : l)),
  'unit-bare': (L, ti, ui, u) => ui < 0 ? null : L.map((l, i) => (i === ui ? `                                   ${u}` : l)),
  'unit-above': (L, ti, ui, u) => ui < 0 ? null : L.flatMap((l, i) => (i === ti ? [`单位：${u}`, l] : i === ui ? [''] : [l])),
  'dept-unit': (L, ti, ui, u, dept) => ui < 0 ? null : L.map((l, i) => (i === ui ? `编制单位：${dept}                          金额单位：${u}` : l)),
  'num+title': (L, ti, ui, u, dept, ni) => ni < 0 || ni === ti ? null : L.flatMap((l, i) => (i === ni ? [] : i === ti ? [`${L[ni].trim()}  ${l.trim()}`] : [l])),
  'title-then-num': (L, ti, ui, u, dept, ni) => ni < 0 || ni >= ti ? null : L.flatMap((l, i) => (i === ni ? [] : i === ti ? [l, L[ni]] : [l])),
  'dept-title': (L, ti, ui, u, dept) => L.map((l, i) => (i === ti && !l.includes(dept) ? `${dept}${l.trim()}` : l)),
};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const { r, ds } = diags(text, file);
  const base = new Set(ds);
  for (const t of r.tables.filter((x) => x.unread === null)) {
    const squeeze = (x) => x.replace(/[\s\u3000]/g, '');
    let ti = -1;
    for (let k = t.loc.line - 1; k < Math.min(lines.length, t.loc.line + 5); k++) if (squeeze(lines[k]).includes(squeeze(t.title)) && squeeze(t.title).length > 3) { ti = k; break; }
    if (ti < 0) continue;
    const ni = t.printedId && t.loc.line - 1 !== ti && /^\s*\S{2,12}\s*$/.test(lines[t.loc.line - 1]) ? t.loc.line - 1 : -1;
    let ui = -1;
    for (let k = ti + 1; k < Math.min(lines.length, ti + 8); k++) if (UNIT_RE.test(lines[k].replace(/^.*?(?=(金额)?单位)/, ''))) { ui = k; break; }
    const unit = ui >= 0 ? UNIT_RE.exec(lines[ui].replace(/^.*?(?=(金额)?单位)/, ''))[1] : null;
    for (const [name, edit] of Object.entries(EDITS)) {
      const l = edit(lines, ti, ui, unit, r.department ?? '某局', ni);
      if (!l) continue;
      let got;
      try { got = diags(l.join('\n'), file).ds; } catch (e) { console.log(`## ${file.split('/').pop()} ${t.id} ${name} CRASH ${e.message}`); continue; }
      const g = new Set(got);
      const plus = got.filter((d) => !base.has(d)), minus = ds.filter((d) => !g.has(d));
      if (plus.length || minus.length) {
        console.log(`## ${file.split('/').pop()} ${t.id} ${name} title@${ti + 1} unit@${ui + 1}: ${lines[ti].trim().slice(0, 40)}`);
        for (const d of plus.slice(0, 6)) console.log('  +', d.slice(0, 200));
        for (const d of minus.slice(0, 6)) console.log('  -', d.slice(0, 200));
      }
    }
  }
}
