/**
 * A fixture source's forms from the forms budget-lint reads off a corpus text: the 项目支出绩效自评表
 * (funds block, scored indicators, 总分, the rate its 自评结论 states), the 整体支出绩效自评表 (tasks,
 * indicators) and a budget's 绩效目标表 (projects, weighted indicators). Their free text (年度总体目标,
 * 绩效目标, the 自评结论's reasons) is prose and is left out; cells that state facts are kept.
 */

const cell = (text, span = {}) => ({ text, ...span });
const raw = (c) => c?.raw ?? '';
/** a cell's text kept only when short: a 偏差原因 is a few words, or prose */
const short = (text) => (text && [...text].length <= 24 ? text : '');

/** runs of equal keys, for cells merged down over their rows */
function runs(items, keyOf) {
  const out = [];
  for (const x of items) {
    const last = out[out.length - 1];
    if (last && last.key === keyOf(x)) last.items.push(x);
    else out.push({ key: keyOf(x), items: [x] });
  }
  return out;
}

/** whether the form's indicator header prints 分值 before 年度指标值 (临夏's project forms) */
function weightFirst(f, lines) {
  const header = lines.slice(f.loc.line - 1, f.loc.line + 60).find((l) => /三级\s*指标/.test(l) && /分值/.test(l) && /指标值/.test(l));
  return header ? header.search(/分值/) < header.search(/指标值/) : false;
}

/** the 一级 cell, merged over its rows, with the weight the form states for it */
function sectionCell(f, name, rowspan) {
  const s = f.sections.find((x) => x.name === name);
  return cell(s?.weight ? `${name}（${s.weight.raw}分）` : name ?? '', { rowspan });
}

function projectForm(f, lines) {
  const first = weightFirst(f, lines);
  const valueHeads = first ? ['分值', '年度指标值', '实际完成值', '得分'] : ['年度指标值', '实际完成值', '分值', '得分'];
  const width = 4 + valueHeads.length + 1;
  const labelSpan = width - 1 - f.fundsColumns.length;
  const rows = [[cell('项目名称'), cell(f.project, { colspan: width - 1 })]];
  if (f.funds.length) {
    rows.push([cell(`项目资金（${f.unit ?? '万元'}）`, { rowspan: f.funds.length + 1 }), cell('资金来源', { colspan: labelSpan }), ...f.fundsColumns.map((c) => cell(c))]);
    for (const r of f.funds) rows.push([cell(`${r.label.replace(/[:：]$/, '')}：`, { colspan: labelSpan }), ...f.fundsColumns.map((c) => cell(r.cells[c] ? r.cells[c].raw : '-'))]);
  }
  rows.push([cell('绩效指标', { rowspan: f.indicators.length + 1 }), cell('一级指标'), cell('二级指标'), cell('三级指标'), ...valueHeads.map((h) => cell(h)), cell('未完成原因分析')]);
  for (const sec of runs(f.indicators, (x) => x.section)) {
    for (const two of runs(sec.items, (x) => x.level2 ?? '')) {
      for (const x of two.items) {
        const values = { 分值: x.weightText, 年度指标值: x.target ?? '', 实际完成值: x.actual ?? '', 得分: raw(x.score) };
        const row = [];
        if (x === sec.items[0]) row.push(sectionCell(f, sec.key, sec.items.length));
        if (x === two.items[0]) row.push(cell(two.key, { rowspan: two.items.length }));
        // `数量指标5` is read as 二级 数量指标 and a name `5`: printed whole again
        const name = /^\d+$/.test(x.name) ? `${x.level2 ?? ''}${x.name}` : x.name;
        row.push(cell(name), ...valueHeads.map((h) => cell(values[h])), cell(short(x.note)));
        rows.push(row);
      }
    }
  }
  if (f.total) {
    const values = { 分值: f.total.weight.raw, 得分: raw(f.total.score) };
    rows.push([cell('总分', { colspan: 4 }), ...valueHeads.map((h) => cell(values[h] ?? '')), cell('')]);
  }
  if (f.conclusion.rate) rows.push([cell('自评结论'), cell(`该项目全年预算执行率为${f.conclusion.rate.raw}%。`, { colspan: width - 1 })]);
  return rows;
}

/** the 整体支出 form as 临夏 prints it: tasks with their money, then indicators without scores */
function overallForm(f) {
  const money = (t) => ['预算数', '预算财政拨款', '执行数', '执行财政拨款'].map((k) => cell(raw(t.cells[k])));
  const rows = [
    [cell('部门(单位)名称'), cell(''), cell(f.project), cell(''), cell(''), cell(''), cell('')],
    [cell('年度主要任务完成情况'), cell('任务名称'), cell('完成情况'), cell(`预算数(${f.unit ?? '万元'})`), cell('其中:财政拨款'), cell(`执行数(${f.unit ?? '万元'})`), cell('其中:财政拨款')],
    ...f.tasks.map((t) => [cell(''), cell(t.name), cell(short(t.outcome)), ...money(t)]),
  ];
  if (f.tasksTotal) rows.push([cell(''), cell('金额合计'), cell(''), ...money(f.tasksTotal)]);
  rows.push([cell('年度绩效指标完成情况'), cell('一级指标'), cell('二级指标'), cell('指标内容'), cell('预期指标值'), cell('实际完成指标值'), cell('')]);
  for (const sec of runs(f.indicators, (x) => x.section)) {
    for (const two of runs(sec.items, (x) => x.level2 ?? '')) {
      for (const x of two.items) {
        const first = x === sec.items[0];
        rows.push([cell(''), cell(first ? sec.key ?? '' : ''), cell(x === two.items[0] ? two.key : ''), cell(x.name), cell(x.target ?? ''), cell(x.actual ?? ''), cell('')]);
      }
    }
  }
  return rows;
}

/**
 * A target's 指标值 as the model keeps it (`≥ 95 %`, `定性 优`, `0 100 00 元`) in the table's three
 * cells 性质, 值, 单位. The corpus text reads the font's ＝ as `0`; it is printed as ＝.
 */
function targetValue(text) {
  const words = (text ?? '').split(/\s+/).filter(Boolean);
  if (words.length < 2) return [words[0] ?? '', '', ''];
  const nature = words[0] === '0' ? '＝' : words[0];
  const unit = /^(%|次|元|年|名|人|个|家|天|万元)$/.test(words[words.length - 1]) ? words.pop() : '';
  return [nature, words.slice(1).join(''), unit];
}

/** a budget's 绩效目标表: every project's cells merged over its indicator rows */
function targetTable(report) {
  const weight = report.targetTable?.executionWeight?.raw ?? '10';
  const rows = [
    ['项目名称', '项目类别', '预算数（万元）', '绩效目标', '一级指标', '二级指标', '三级指标', '绩效指标性质', '绩效指标值', '度量单位', `分值权重 其中：预算执行率权重${weight}%`].map((h) => cell(h)),
    ['合计', '-', raw(report.targetTable?.total), '-', '', '', '', '', '', '', ''].map((h) => cell(h)),
  ];
  // the header and 合计 rows, then each project's rows kept together (a project parted by a page
  // break prints its merged cells on one part only: which rows are whose is then unknown)
  const bodies = [2];
  for (const f of report.forms.filter((x) => x.kind === 'target')) {
    const n = f.indicators.length;
    bodies.push(n);
    const code = (f.code ?? '').replace(/^(\d{6})(\w{6})(\w{6})$/, '$1 $2 $3');
    const project = [cell(`${code} ${f.project}`.trim(), { rowspan: n }), cell('', { rowspan: n }), cell(raw(f.budget), { rowspan: n }), cell('', { rowspan: n })];
    let i = 0;
    for (const sec of runs(f.indicators, (x) => x.section)) {
      for (const two of runs(sec.items, (x) => x.level2 ?? '')) {
        for (const x of two.items) {
          const row = i === 0 ? [...project] : [];
          if (x === sec.items[0]) row.push(cell(sec.key ?? '', { rowspan: sec.items.length }));
          if (x === two.items[0]) row.push(cell(two.key, { rowspan: two.items.length }));
          row.push(cell(x.name), ...targetValue(x.target).map((v) => cell(v)), cell(x.weightText));
          rows.push(row);
          i++;
        }
      }
    }
  }
  return { title: report.targetTable?.title ?? '项目支出绩效目标表', rows, bodies, wide: true };
}

/** every form of the report, in order; a budget's 绩效目标表 as one grid */
export function formSources(report, lines) {
  const out = [];
  for (const f of report.forms) {
    if (f.kind === 'project') out.push({ title: f.title, rows: projectForm(f, lines), wide: true });
    else if (f.kind === 'overall') out.push({ title: f.title, rows: overallForm(f), wide: true });
  }
  if (report.targetTable) out.push(targetTable(report));
  return out;
}
