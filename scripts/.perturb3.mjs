// node scripts/.perturb3.mjs FILE... : each table in turn left unread (a ### cell) or taken out; report crashes and new findings
import { readFileSync } from 'node:fs';
const { splitLines } = await import('../dist/ingest/index.js');
const { buildReport } = await import('../dist/model/index.js');
const { runRules, loadRules, BUILTIN_RULES_DIR } = await import('../dist/rules/index.js');
const rules = await loadRules([BUILTIN_RULES_DIR]);
const key = (d) => `${d.ruleId}\t${d.message}`;
const diags = (text, file) => { const r = buildReport(splitLines(file, text)); return { r, ds: runRules(r, rules).map(key) }; };
const show = process.env.SHOW === '1';
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const { r, ds } = diags(text, file);
  const base = new Set(ds);
  const starts = r.tables.map((t) => t.loc.line).sort((a, b) => a - b);
  for (const t of r.tables.filter((x) => x.unread === null && x.rows.length)) {
    const row = t.rows.find((x) => Object.values(x.cells).some((c) => !c.blank)) ?? t.rows[0];
    const cell = Object.values(row.cells).find((c) => !c.blank);
    const edits = {};
    if (cell) {
      const i = cell.loc.line - 1;
      if (lines[i].includes(cell.raw)) edits.hashed = lines.map((l, k) => (k === i ? l.replace(cell.raw, '#'.repeat(cell.raw.length)) : l));
    }
    const from = t.loc.line - 1;
    const next = starts.find((s) => s > t.loc.line) ?? Math.max(...t.rows.map((x) => x.loc.line)) + 1;
    edits.removed = [...lines.slice(0, from), ...lines.slice(next - 1)];
    edits.emptied = lines.map((l, k) => (k >= from && k < next - 1 ? l.replace(/\d[\d,]*\.\d+/g, '0.00') : l));
    for (const [name, l] of Object.entries(edits)) {
      try {
        const got = diags(l.join('\n'), file).ds;
        if (show) { const plus = got.filter((d) => !base.has(d)); if (plus.length) { console.log(`## ${file.split('/').pop()} ${t.id} ${name}`); for (const d of plus.slice(0, 8)) console.log('  +', d.slice(0, 180)); } }
      } catch (e) {
        console.log(`## ${file.split('/').pop()} ${t.id} ${name} CRASH ${e.stack.split('\n').slice(0, 3).join(' | ')}`);
      }
    }
  }
}
