// node scripts/.perturb4.mjs FILE... : paraphrase the narrative (same meaning); report changed diagnostics
import { readFileSync } from 'node:fs';
const { splitLines } = await import('../dist/ingest/index.js');
const { buildReport } = await import('../dist/model/index.js');
const { runRules, loadRules, BUILTIN_RULES_DIR } = await import('../dist/rules/index.js');
const rules = await loadRules([BUILTIN_RULES_DIR]);
const key = (d) => `${d.ruleId}\t${d.message.replace(/「[^」]*」/g, '「」')}`;
const diags = (text, file) => runRules(buildReport(splitLines(file, text)), rules).map(key);
const P = JSON.parse(process.env.P ?? 'null') ? Object.fromEntries(Object.entries(JSON.parse(process.env.P)).map(([k, [a, b]]) => [k, [new RegExp(a, 'g'), b]])) : {
  '增长→上升': [/增长(\d)/g, '上升$1'],
  '增长→提高': [/增长(\d)/g, '提高$1'],
  '增长→增幅': [/增长(\d)/g, '增幅$1'],
  '下降→降低': [/下降(\d)/g, '降低$1'],
  '下降→减幅': [/下降(\d)/g, '减幅$1'],
  '占→占比为': [/，占(\d)/g, '，占比为$1'],
  '占→所占比重为': [/，占(\d)/g, '，所占比重为$1'],
  '占→占总支出的': [/，占(\d)/g, '，占总支出的$1'],
  '完成年初预算的→预算完成率为': [/完成年初预算的/g, '预算完成率为'],
  '完成年初预算的→完成预算的': [/完成年初预算的/g, '完成预算的'],
  '比上年→比上年度': [/比上年/g, '比上年度'],
  '比上年→与上年相比，': [/比上年(增加|减少)/g, '与上年相比，$1'],
};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const base = diags(text, file);
  const bset = new Set(base);
  for (const [name, [re, to]] of Object.entries(P)) {
    const t2 = text.replace(re, to);
    if (t2 === text) continue;
    let got;
    try { got = diags(t2, file); } catch (e) { console.log(`## ${file.split('/').pop()} ${name} CRASH ${e.message}`); continue; }
    const g = new Set(got);
    const plus = got.filter((d) => !bset.has(d)), minus = base.filter((d) => !g.has(d));
    if (plus.length || minus.length) {
      console.log(`## ${file.split('/').pop()} ${name} +${plus.length} -${minus.length}`);
      for (const d of plus.slice(0, 5)) console.log('  +', d.slice(0, 220));
      for (const d of minus.slice(0, 5)) console.log('  -', d.slice(0, 220));
    }
  }
}
