/**
 * The figure-bearing narrative of a corpus text, without its prose: headings, and of each
 * sentence only the clauses that state a figure (本年收入合计 12,366.72 万元, 占 99.53%, 增长 3.12%),
 * name a 类/款/项 path, or say what a change is measured against (与 2022 年度相比). What follows
 * 主要原因 and the like is an explanation in the department's own words, and is left out. Grade
 * lines (1 医疗救助 … 97.6 优) and the bands that grade them are kept as printed. Lines inside
 * tables and forms are not narrative.
 */

/** a figure the narrative checks: money, a share or rate, a count of projects, vehicles, visits, a score */
const FIGURE = /\d[\d,]*(?:\.\d+)?\s*(?:万元|元|%|％|个|辆|人次|批次|台|分)/;
const PATH = /（类）|（款）|（项）/;
const CONTEXT = /^(?:与|较|比)[^，,]{0,14}(?:相比|上年)|^其中[:：]?$/;
const CUT = /主要原因|原因是|原因为|主要是|绩效目标完成情况|具体是|主要用于(?!以下)/;
const HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^，,：:；]{0,40}$/;
/** how a whole heading ends */
const HEADING_END = /(说明|概况|构成|职责|设置|解释|结果|部分|表)$/;
const FURNITURE = /^[-—–]\s*\d+\s*[-—–]$|^\d+$|\\text|\$/;
const BAND = /[（(]含[）)]\s*[-—–]\s*\d+\s*(?:分)?\s*为/;

/** the clauses of a sentence that state figures, or null */
export function figureClauses(sentence) {
  const kept = [];
  // a comma before a digit is a thousands separator (17,912.75), not a clause's end
  for (const clause of sentence.split(/(?<=[，；;])|(?<=,)(?!\d)/)) {
    if (CUT.test(clause)) break;
    // an indicator's value (≥ 90 %) is a form's, left over where a form's grid runs past its rows
    if (/[≥≤]/.test(clause)) continue;
    const bare = clause.replace(/[，；：,;:]$/, '');
    if (FIGURE.test(clause) || PATH.test(clause) || CONTEXT.test(bare)) kept.push(clause);
  }
  if (!kept.some((c) => FIGURE.test(c) || PATH.test(c))) return null;
  return `${kept.join('').replace(/[。，；：,;:、\s]+$/, '')}。`;
}

/** 1-based line ranges of the report's tables and forms */
function regions(report, lines) {
  const out = [];
  for (const t of report.tables) {
    const ends = [t.loc.line, ...t.rows.map((r) => r.loc.endLine ?? r.loc.line), t.emptyNote?.line ?? 0];
    out.push([t.loc.line, Math.max(...ends)]);
  }
  for (const f of report.forms) {
    const inside = [f.loc.line, ...f.indicators.map((x) => x.loc.line), ...f.funds.map((x) => x.loc.line), f.total?.loc.line ?? 0, ...f.tasks.map((x) => x.loc.line)];
    let end = Math.max(...inside);
    // the 自评结论 and its signature close a project form
    const sign = lines.slice(end, end + 20).findIndex((l) => /^\s*(联系人|填报人)/.test(l));
    if (f.kind === 'project') end += sign >= 0 ? sign + 1 : 0;
    out.push([f.kind === 'target' ? report.targetTable?.loc.line ?? f.loc.line : f.loc.line, end]);
  }
  return out;
}

/** narrative paragraphs, in document order */
export function narrativeSource(report, lines) {
  const skip = regions(report, lines);
  const graded = new Set(report.grades.entries.map((e) => e.loc.line));
  const out = [];
  /** headings not yet followed by anything kept, the outer ones first */
  let headings = [];
  let buffer = '';
  const emit = (texts) => {
    if (!texts.length) return;
    out.push(...headings.map((h) => h.text), ...texts);
    headings = [];
  };
  const flush = () => {
    const kept = buffer.split(/(?<=[。！？])/).map(figureClauses);
    // a 类/款/项 path alone is kept for the figures it names in the next sentence (年初预算为…)
    emit(kept.filter((k, i) => k && (FIGURE.test(k) || (kept[i + 1] && FIGURE.test(kept[i + 1])))));
    buffer = '';
  };
  const keepAsPrinted = (text) => {
    flush();
    emit([text]);
  };
  /** a heading a line's end cut (…部门收支预算情 / 况说明…): the next line may finish it */
  let open = null;
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (skip.some(([a, b]) => n >= a && n <= b)) return;
    const text = raw.replace(/\*\*/g, '').trim();
    if (!text || FURNITURE.test(text)) return;
    if (graded.has(n) || (report.grades.bands.length && BAND.test(text))) return keepAsPrinted(text.replace(/\s+/g, ' '));
    const [head, ...rest] = text.split(/(?<=。)/);
    if (HEADING.test(head.replace(/。$/, '')) && !FIGURE.test(head)) {
      flush();
      const level = /^第/.test(head) ? 0 : /^[（(]/.test(head) ? 2 : 1;
      const heading = { level, text: head.replace(/。$/, '').replace(/\s+/g, ' ') };
      headings = [...headings.filter((h) => h.level < level), heading];
      open = rest.length || HEADING_END.test(heading.text) ? null : heading;
      buffer = rest.join('');
    } else {
      const tail = open && (/^(\S{1,10}?说明)(.*)$/.exec(text) ?? /^(\S{1,8}?情况)(.*)$/.exec(text));
      if (tail) open.text += tail[1];
      open = null;
      buffer += tail ? tail[2] : text;
    }
  });
  flush();
  return out;
}
