// node scripts/.perturb4.mjs FILE... : paraphrase the narrative (same meaning); report changed diagnostics
import { readFileSync } from 'node:fs';
const { splitLines } = await import('../dist/ingest/index.js');
const { buildReport } = await import('../dist/model/index.js');
const { runRules, loadRules, BUILTIN_RULES_DIR } = await import('../dist/rules/index.js');
const rules = await loadRules([BUILTIN_RULES_DIR]);
const key = (d) => `${d.ruleId}\t${d.message.replace(/「[^」]*」/g, '「」')}`;
const diags = (text, file) => runRules(buildReport(splitLines(file, text)), rules).map(key);
const P = {
  '较上年': [/比上年/g, '较上年'],
  '同比': [/比上年/g, '同比'],
  '增长→增幅为': [/增长(\d)/g, '增幅为$1'],
  '万元 spaced': [/(\d)万元/g, '$1 万元'],
  '万元 tight': [/(\d) 万元/g, '$1万元'],
  '占→占比': [/，占(\d)/g, '，占比$1'],
  '下降→减少': [/下降(\d)/g, '减少$1'],
  'ASCII comma': [/，(?=\S)/g, ','],
  'ASCII colon': [/：/g, ':'],
  'ASCII parens': [/（([^（）\n]{0,30})）/g, '($1)'],
  'ASCII semicolon': [/；/g, ';'],
  '其中→包括': [/其中：/g, '包括：'],
  '决算数为': [/支出决算为/g, '支出决算数为'],
  '年初预算数': [/年初预算为/g, '年初预算数为'],
  '万元→万元整': [/(\d)万元，/g, '$1万元整，'],
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
