#!/usr/bin/env node
// Structural variants of a corpus source (fixtures/pdf-src/corpus-NAME.json): the same tables laid
// out as other provinces lay them out, with columns or rows the original does not have. Each keeps
// every figure the kind's columns hold, so budget-lint must give the original's diagnostics
// (test/structural-variants.test.ts); the columns added carry figures consistent with the rest.
//   sangong-turned     the 三公 grid turned: a row per item (合计, 1.因公出国（境）费, （1）公务用车
//                      购置费 …), a column per group (预算数 | 决算数, 上年预算数 | 本年预算数)
//   sangong-one-group  the 三公 grid with its last group only (本年预算数 / 决算数), under no group word
// Run by hand to render them (CI uses the committed files):
//   node scripts/structural-variants.mjs [NAME...]   → fixtures/pdf/NAME.structural.calc.pdf, NAME.structural.chromium.pdf

/** the 三公 items, top to bottom, as the source's grid holds them in each group, left to right */
const SANGONG_ITEMS = ['合计', '1.因公出国（境）费', '2.公务用车购置及运行维护费', '（1）公务用车购置费', '（2）公务用车运行维护费', '3.公务接待费'];

/** a one-row 三公 grid under its group words: how many groups, and how many columns each */
function sangongGroups(t) {
  if (t.layout !== 'grid' || t.rows.length !== 1) return null;
  const groups = t.header[0].map((c) => c.text);
  const per = t.rows[0].length / groups.length;
  return per === SANGONG_ITEMS.length ? { groups, per } : null;
}

function sangongTurned(t) {
  const g = sangongGroups(t);
  if (!g) return t;
  const header = [[{ text: '项目' }, ...g.groups.map((text) => ({ text }))]];
  return { ...t, header, rows: SANGONG_ITEMS.map((name, k) => [name, ...g.groups.map((_, i) => t.rows[0][i * g.per + k])]) };
}

function sangongOneGroup(t) {
  const g = sangongGroups(t);
  if (!g) return t;
  // the header under the group words, the last group's cells: a row that spans all groups is cut
  // to the last group's share; the 栏次 numbers start again at 1
  const lastOf = (row) => {
    const cells = row.slice(row.length - row.length / g.groups.length);
    return cells.map((c, i) => (/^\d+$/.test(c.text) ? { text: String(i + 1) } : c));
  };
  return { ...t, header: t.header.slice(1).map(lastOf), rows: t.rows.map((r) => r.slice(r.length - g.per)) };
}

const eachTable = (f) => (doc) => ({ ...doc, tables: doc.tables.map(f) });

export const STRUCTURAL = {
  'sangong-turned': eachTable(sangongTurned),
  'sangong-one-group': eachTable(sangongOneGroup),
};

/** the source of one structural variant of a document */
export const structuralOf = (doc, name) => STRUCTURAL[name](structuredClone(doc));
