/**
 * Where a corpus text leaves a table's blank cells out (`208 社会保障和就业支出 3,212.33 3,212.33`),
 * budget-lint keeps the figures it cannot place as a row's `unplaced`. A fixture has to print each
 * in a column, so this decides which, from what the document itself says:
 *   1. the same code carries the same figure in another table's column of the same name
 *      (公开03 and 公开05, 部门公开表3 and 表5);
 *   2. a parent row is the sum of its children in every column (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项),
 *      the placement leaving the sums least off where the document's own mistakes leave them off;
 *   3. where nothing tells, the topmost undecided row takes its first free column (一般公共预算,
 *      财政拨款收入, 基本支出: the common case) and the sums decide its family from there.
 * A 三公 grid is placed by its own identities (合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行),
 * the rightmost placement where several fit (运行维护费 rather than 购置费).
 */

export const amount = (raw) => (raw === '' || raw == null ? 0 : Number(String(raw).replace(/[,%]/g, '')));
const near = (a, b, n) => Math.abs(a - b) <= 0.005 * (n + 1) + 1e-9;

/** every way to put `k` figures, in their printed order, into `n` free columns */
function injections(n, k, from = 0) {
  if (k === 0) return [[]];
  const out = [];
  for (let i = from; i <= n - k; i++) for (const rest of injections(n, k - 1, i + 1)) out.push([i, ...rest]);
  return out;
}

/** the columns a row has no figure in, and each way its unplaced figures may fill them */
function optionsOf(row, columns, totalsFree = false) {
  const free = columns.filter((c) => (totalsFree || !c.total) && (!row.cells[c.key] || row.cells[c.key].raw === ''));
  const values = row.unplaced.map((c) => c.raw);
  if (!values.length) return [{}];
  return injections(free.length, values.length).map((at) => Object.fromEntries(at.map((f, j) => [free[f].key, values[j]])));
}

/** a row's printed figure in a column, with `extra` (a chosen placement) filled in */
const valueOf = (row, key, extra) => amount(extra?.[key] ?? row.cells[key]?.raw);

/** the one of `options` another table's row of the same code agrees with, or null */
function byOtherTables(row, options, table, report) {
  if (!row.code) return null;
  const others = report.tables.filter((t) => t !== table).flatMap((t) => t.rows.filter((r) => r.code === row.code));
  const score = (o) => Object.entries(o).filter(([k, v]) => amount(v) !== 0 && others.some((r) => r.cells[k]?.raw && amount(r.cells[k].raw) === amount(v))).length;
  const best = Math.max(...options.map(score));
  const agreed = options.filter((o) => score(o) === best);
  return best > 0 && agreed.length === 1 ? agreed[0] : null;
}

/** narrows each family (a parent and its children) to the placements that make its sums hold */
function narrowFamilies(rows, columns, options) {
  const parts = columns.filter((c) => !c.total);
  const families = rows.map((p) => [p, rows.filter((r) => r.parent === p.key)]).filter(([, kids]) => kids.length);
  let changed = true;
  const narrow = (r, kept) => {
    if (kept.length && kept.length < options.get(r).length) {
      options.set(r, kept);
      changed = true;
    }
  };
  while (changed) {
    changed = false;
    for (const [parent, kids] of families) {
      // a parent whose whole figure stands in one part column puts its children's there too
      if (options.get(parent).length === 1) {
        const held = parts.filter((c) => valueOf(parent, c.key, options.get(parent)[0]) !== 0);
        if (held.length === 1) for (const k of kids) narrow(k, options.get(k).filter((o) => Object.keys(o).every((key) => key === held[0].key)));
      }
      const members = [parent, ...kids].filter((r) => options.get(r).length > 1);
      if (!members.length || members.length > 12) continue;
      const combos = members.reduce((acc, r) => acc.flatMap((c) => options.get(r).map((o) => [...c, o])), [[]]);
      if (combos.length > 5000) continue;
      const pick = (combo, r) => (members.includes(r) ? combo[members.indexOf(r)] : options.get(r)[0]);
      // how far a combination leaves the sums off, beyond rounding (a document's own mistake
      // leaves every combination off: the one that leaves least is taken)
      const off = (combo) => parts.reduce((sum, c) => {
        const d = Math.abs(valueOf(parent, c.key, pick(combo, parent)) - kids.reduce((s, k) => s + valueOf(k, c.key, pick(combo, k)), 0));
        return sum + (near(d, 0, kids.length) ? 0 : d);
      }, 0);
      const least = Math.min(...combos.map(off));
      const fits = combos.filter((combo) => off(combo) <= least + 1e-9);
      members.forEach((r, j) => narrow(r, options.get(r).filter((o) => fits.some((combo) => combo[j] === o))));
    }
  }
}

/** rowKey → column key → raw, for every figure of a coded or two-sided table, blank cells ''. */
export function placeCodedRows(table, report, warn) {
  const options = new Map(table.rows.map((r) => [r, optionsOf(r, table.columns.filter((c) => !c.side || c.side === r.side))]));
  // another table that prints the same code's figure in a column of the same name says most
  for (const r of table.rows) {
    const other = options.get(r).length > 1 ? byOtherTables(r, options.get(r), table, report) : null;
    if (other) options.set(r, [other]);
  }
  if (table.layout === 'code') {
    narrowFamilies(table.rows, table.columns, options);
    // where the sums cannot tell (every figure of a family may move to another column alike),
    // the topmost undecided row takes its first free column, and its family follows
    for (let row = table.rows.find((r) => options.get(r).length > 1); row; row = table.rows.find((r) => options.get(r).length > 1)) {
      const other = byOtherTables(row, options.get(row), table, report);
      if (!other) warn(`${table.id} ${row.key}: ${row.unplaced.map((c) => c.raw).join(' ')} put in the first free column, the rows it sums or that sum to it following`);
      options.set(row, [other ?? options.get(row)[0]]);
      narrowFamilies(table.rows, table.columns, options);
    }
  }
  const out = new Map();
  const guessed = [];
  for (const row of table.rows) {
    const left = options.get(row);
    let chosen = left.length > 1 ? byOtherTables(row, left, table, report) : left[0] ?? {};
    if (!chosen) {
      guessed.push(row.key);
      chosen = left[0];
    }
    out.set(row.key, Object.fromEntries(table.columns.map((c) => [c.key, chosen[c.key] ?? row.cells[c.key]?.raw ?? ''])));
  }
  if (guessed.length) warn(`${table.id}: figures of ${guessed.join(' ')} put in the first free column (nothing else tells)`);
  return out;
}

/** the identities of a 三公 grid's column group (keys without their group prefix) */
function gridHolds(get) {
  return near(get('合计'), get('因公出国（境）费') + get('公务用车购置及运行维护费') + get('公务接待费'), 3) && near(get('公务用车购置及运行维护费'), get('公务用车购置费') + get('公务用车运行维护费'), 2);
}

/** a 三公 grid's one row: the placements its identities admit, the rightmost when several do (运行维护费 before 购置费) */
export function placeGridRow(table, row, warn) {
  const fits = optionsOf(row, table.columns, true).filter((o) => {
    const groups = [...new Set(table.columns.map((c) => c.group))];
    return groups.every((g) => gridHolds((name) => valueOf(row, `${g}.${name}`, o)));
  });
  if (!fits.length && row.unplaced.length) warn(`${table.id}: no placement of ${row.unplaced.map((c) => c.raw).join(' ')} fits the grid's identities`);
  const keys = table.columns.map((c) => c.key);
  const rank = (o) => Object.keys(o).map((k) => keys.indexOf(k));
  fits.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return rb[i] - ra[i];
    return 0;
  });
  const chosen = fits[0] ?? {};
  return table.columns.map((c) => chosen[c.key] ?? row.cells[c.key]?.raw ?? '');
}
