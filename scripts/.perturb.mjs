// node scripts/.perturb.mjs FILE... : insert realistic lines between a table's rows and after its last row; report changed diagnostics
import { readFileSync } from 'node:fs';
const { splitLines } = await import('../dist/ingest/index.js');
const { buildReport } = await import('../dist/model/index.js');
const { runRules, loadRules, BUILTIN_RULES_DIR } = await import('../dist/rules/index.js');
const rules = await loadRules([BUILTIN_RULES_DIR]);
const PERTURB = JSON.parse(process.env.PERTURB ?? 'null') ?? {
  signoff: ['单位负责人：王五 财务负责人：赵六 制表人：孙七 联系电话：0972-8123456'],
  date: ['2025年1月20日'],
  footer: ['- 12 -'],
  pageof: ['第 12 页 共 30 页'],
  cont: ['\f续上表', '单位：万元'],
  contn: ['\f续表3'],
  note2: ['注：1.本表金额单位为万元；2.合计数与分项之和可能因四舍五入存在 0.01 的尾差。'],
  blank3: ['', '', ''],
};
const key = (d) => `${d.ruleId}\t${d.message}`;
const diags = (text, file) => { const r = buildReport(splitLines(file, text)); return { r, ds: runRules(r, rules).map(key) }; };
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const { r, ds } = diags(text, file);
  const base = new Set(ds);
  for (const t of r.tables.filter((x) => x.unread === null && x.rows.length >= 3)) {
    const rowLines = [...new Set(t.rows.map((x) => x.loc.line))].sort((a, b) => a - b);
    // between two rows in the middle, and after the last row
    const mid = rowLines[rowLines.length >> 1];
    const last = rowLines[rowLines.length - 1];
    for (const [name, ins] of Object.entries(PERTURB)) {
      for (const [where, at] of [['mid', mid], ['end', last + 1]]) {
        if (name !== 'cont' && name !== 'contn' && name !== 'footer' && name !== 'pageof' && where === 'mid' && !['blank3'].includes(name)) continue;
        const l = [...lines.slice(0, at - 1), ...ins, ...lines.slice(at - 1)];
        const { ds: got } = diags(l.join('\n'), file);
        const g = new Set(got);
        const plus = got.filter((d) => !base.has(d)), minus = ds.filter((d) => !g.has(d));
        if (plus.length || minus.length) {
          console.log(`## ${file.split('/').pop()} ${t.id} ${name}@${where} line ${at}`);
          for (const d of plus) console.log('  +', d.slice(0, 200));
          for (const d of minus) console.log('  -', d.slice(0, 200));
        }
      }
    }
  }
}
