/**
 * Statements about the document itself, read from the narrative: template text published as it
 * was (XXXXXXXX, 增加（减少）, （如持平作持平表述）), and the years its sentences date themselves by
 * (截至2023年12月31日; 比2025年预算, 与2022年度相比).
 */
import type { Cell } from '../types.js';
import { add, exactFigure, type Reading } from './reading.js';
import { locate, NUM, RATE_LEAD, RATE_WORDS, sectionAt, TEMPLATE_NOTE, type Stream } from './phrases.js';

export interface Found {
  /** the words as printed (spaces removed) */
  words: string;
  at: number;
  /** the year stated, for dated statements */
  year?: string;
  /** the words shown with it, where not those around it (a dated statement's, up to its first figure) */
  context?: string;
}

// a placeholder run of X (not part of a Latin word); a change word with its opposite left in brackets;
// the template's instructions to its writer: how to say it (（如持平作持平表述）), what to fill in from
// which table (（按“部门预算公开06表…”中实际发生经济分类支出事项填写）); a reason or a use the template
// asks for, left empty (主要原因是。, 主要用于；); an amount left blank before its unit (政府性基金支出预算
// 支出 万元。, 比上年减少 万元), a share or a rate before its % (占 %, 占基本支出预算%). Not the template's description of a table that departments keep on purpose, their
// own name filled in (本表反映…。填列数应与《省委办公厅部门收支预算总表》收入数一致。)
const TEMPLATE_RE = new RegExp(
  [
    '(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])',
    '(?:增加|减少|增长|下降|上升|降低)[（(](?:增加|减少|增长|下降|上升|降低)[）)]',
    // …the short form (比上年预算增(减)0元, 云南 保山 2019)
    '(?<![增减])[增减][（(][增减][）)](?![增减幅])',
    '[（(]如[^（()）]{1,20}表述[）)]',
    // a placeholder in words (待填写, 请填写)
    '待填写|请填写',
    TEMPLATE_NOTE,
    '(?:主要)?(?:原因(?:主要)?(?:是|为)|用于)[:：]?(?=[。；;])',
    // …not the unit a note names (金额单位为万元。)
    '(?<!单位)(?:预算|决算)?(?:支出|收入|预算|决算|总计|合计|拨款|安排|为)万元(?=[。；;，,])',
    // …or after a change (比上年减少 万元), and a share or a rate left blank before its % (占 %，增长 %。)
    '(?:增加|减少|增长|下降|上升|降低)了?万元(?=[。；;，,])',
    '(?:占|增加|减少|增长|下降|上升|降低)(?:了|比重?|比例)?(?:为|达)?%',
    // …or a share whose whole is named and its figure not (商品和服务支出预算 75800 元，占基本支出预算%; 占XX% is the XX above)
    '占[^\\d\\s，,。；;:：%（()）XＸ]{2,12}?的?%',
  ].join('|'),
  'g',
);

// a rate printed without its %: a change in 万元, then a rate's word (the year-on-year reader's) and a
// bare number ending the clause (增加 1193.20 万元，增长 13.95。; 减少 100 万元，减少 9.52，), not a
// thousands' comma (增加2,915.22万元); that reader takes it as the rate it is
const PERCENTLESS_RE = new RegExp(`万元[，,](?:${RATE_LEAD})?(?:${RATE_WORDS})(?:了|为)?\\s*(-?\\d+(?:\\.\\d+)?)(?=[。；;]|[，,](?!\\d))`, 'g');
// …or a share so printed (城乡社区支出(类)15411.43 万元，占 76.23;住房保障支出…), the whole it is of named or not
const PERCENTLESS_SHARE_RE = /万元[，,]\s*占(?:比|[^\d，,。；;%]{1,20}的)?\s*(\d+(?:\.\d+)?)(?=[。；;]|[，,](?!\d))/g;

// a word of the narrative's figures said twice in a row (比2025年预算增加增加27.45万元; 主要原因原因是): words
// no compound of two ends with and begins with (在职人员人员经费 and 职级晋级晋档 are right as they stand)
const DOUBLED_WORD_RE = /(增加|减少|增长|下降|持平|原因|万元)\1/g;
// a change word and its opposite, or 持平, said of one figure (与2025年预算增加持平; 比2024年度减增加 21.90
// 万元, an edit that kept a character of the word it replaced): which is meant is not said
const CHANGE_AND_LEVEL_RE = /(?:增加|减少|增长|下降)持平|持平(?:增加|减少|增长|下降)|增加减少|减少增加|增长下降|下降增长|(?<![增])减增加|(?<![减])增减少(?!于)/g;
// …or a change and, in the clause right after it, 持平 with the year it is measured from (公务接待费支出决算减少为
// 0.00 万元，与 2024 年持平): a change to a level (减少为) or by a sum not nil cannot be no change; 增加 0 万元，与上年持平
// says one thing twice
const CHANGE_THEN_LEVEL_RE = new RegExp(`(?:增加|减少|增长|下降)(为)?\\s*${NUM}\\s*万元[，,]\\s*(?:与|和|较)(?:上年度?|\\d{4}\\s*年度?)(?:相比)?(?:基本)?持平`, 'g');

// an amount in 万 without its 元 (国内公务接待支出 0.3 万。; 经营收入 0.00 万,), not a bound (单价100万（含）以上)
const WAN_WITHOUT_YUAN_RE = /(?<![\d.,])\d[\d,]*(?:\.\d+)?\s*万(?=[。，；、,;（(])(?![（(]含[）)])/g;

// two marks of punctuation in a row (支出决算为0.00万元,。较上年; 。。), not a longer run (。。。 or ，，， written
// for an ellipsis)
const PUNCT = '，。；、：,;:';
const DOUBLED_PUNCT_RE = new RegExp(`(?<![${PUNCT}])[${PUNCT}]{2}(?![${PUNCT}])`, 'g');

/** two marks of punctuation in a row, both printed (not the 。 the stream puts where a table or a gap ends a sentence) */
export function doubledPunctuation(stream: Stream): Found[] {
  const printed = (i: number) => stream.lines[stream.lineAt[i]].text[stream.columnAt[i] - 1] === stream.text[i];
  // text without positions (pdftotext -layout of XeLaTeX's PDF) may set a mark hung past the line's
  // end on a line of its own, under the sentence before its own: a mark alone on its line is not
  // known to follow the one before it
  const alone = (i: number) => {
    const line = stream.lines[stream.lineAt[i]];
    return !line.pieces && line.text.trim() === stream.text[i];
  };
  return [...stream.text.matchAll(DOUBLED_PUNCT_RE)]
    .filter((m) => printed(m.index!) && printed(m.index! + 1) && !alone(m.index! + 1))
    .map((m) => {
      const at = m.index!;
      // marks that end a sentence end the words shown too
      const context = /[。；;]/.test(m[0]) ? wordsBefore(stream.text, at) + m[0] : undefined;
      return { words: m[0], at, context };
    });
}

/** each match of a pattern as the words found and where */
const matchesOf = (re: RegExp, text: string): Found[] => [...text.matchAll(re)].map((m) => ({ words: m[0], at: m.index! }));

/** amounts printed in 万 without 元 */
export const wanWithoutYuan = (text: string): Found[] => matchesOf(WAN_WITHOUT_YUAN_RE, text);

/** words said twice in a row (doubled), and a change word said with its opposite or 持平 (clash) */
export const doubledWords = (text: string): Found[] => matchesOf(DOUBLED_WORD_RE, text);
export const changeWithLevel = (text: string): Found[] =>
  [
    ...matchesOf(CHANGE_AND_LEVEL_RE, text),
    ...[...text.matchAll(CHANGE_THEN_LEVEL_RE)].filter((m) => m[1] || parseFloat(m[2].replace(/,/g, '')) !== 0).map((m) => ({ words: m[0], at: m.index! })),
  ].sort((a, b) => a.at - b.at);

/** rates and shares printed without their % sign: the number as printed */
export function percentlessRates(text: string): Found[] {
  return [...text.matchAll(PERCENTLESS_RE), ...text.matchAll(PERCENTLESS_SHARE_RE)]
    .map((m) => ({ words: m[1], at: m.index! + m[0].lastIndexOf(m[1]) }))
    .sort((a, b) => a.at - b.at);
}

/** template text left in the published narrative */
export function templateLeftovers(text: string): Found[] {
  return matchesOf(TEMPLATE_RE, text);
}

// a figure alone on its line, with a thousands' comma or decimals (2,828.24; not a page's number):
// text taken out of reading order (pdftotext without -layout sets a justified sentence's figures
// on lines of their own, 总额 ⏎ 2,828.24 ⏎ 3,096.24 ⏎ 万元。其 ⏎ 万元、拟购买服务支出 ⏎ 万元。)
const FIGURE_ALONE = /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$/;

/** whether an amount that reads as left blank may be a figure set apart on a line of its own just before it */
function blankMayBeMoved(r: Reading, f: Found): boolean {
  if (!f.words.endsWith('万元')) return false;
  const k = r.stream.lineAt[f.at];
  for (let j = Math.max(0, k - 6); j <= k; j++) if (FIGURE_ALONE.test(r.stream.lines[j].text.trim())) return true;
  return false;
}

// the day a count is stated at: a final account's year-end (截至2023年12月31日, 截至2023年底, …12月底), a
// budget's day in the year before (截至2024年8月31日); which days say a year wrongly is the rules'
const AS_OF_RE = /截至(\d{4})年(?:\d{1,2}月(?:\d{1,2}日|底|末)?|底|末)/g;
// the year a change or a comparison is measured from: 比2025年预算, 较2022年, 与2022年度相比; a
// budget it names is kept in the words (与2020年度预算相比: a final account's year measured against its own budget)
const SINCE_RE = /(?:比|较|与)(\d{4})年度?(?:年?初)?(预算数?)?(?=预算|决算|相比|同期|增|减|持平|基本持平|[^\d年]{0,12}(?:增加|减少|增长|下降|持平))/g;

// YYYY年度预算 A 万元，ZZZZ年度预算 B 万元: ZZZZ is what YYYY's budget is set beside
const PAIRED_BUDGET_RE = new RegExp(`(?<own>\\d{4})年度?预算数?为?${NUM}万元[，,、]\\s*(?<other>\\d{4}年度?预算数?)为?${NUM}万元`, 'g');

// the year of the budget or final account whose scope a unit is in (纳入本部门2019年部门汇总预算编制范围的预算单位):
// the document's own
const SCOPE_RE = /纳入[^，,。；;\d]{0,12}?(\d{4})年度?[^，,。；;\d]{0,10}?(?:预算|决算)(?:编制|汇编)?范围/g;

// the year a statement of the year's own figures opens with, up to its first amount: a budget's or a
// final account's words (2025年，…局收入预算 A 万元; 2025年“三公”经费预算数为 A 万元), not a date
// (2025年1月), the year before's execution (2023年预算执行数为), a comparison (比…, 较…, 与…持平), an aside
// in brackets (（2016年度部门支出预算安排为 A 万元）) or what the year names after 纳入, 按照, 根据, 关于,
// 《 (纳入2018年预算管理的…收入); a title (…2025年部门预算, …预算表) is no statement: where a layout
// puts it is the layout's
const DATED_RE = /(?<![比较与同入照据于《（(])(\d{4})年度?(?![\d月])([^。；;！？!?\d]{0,40}?)(?=\d[\d,]*(?:\.\d+)?(?:万|元|亿|千))/g;
// a numbered section heading naming the year it reports on (一、2025年“三公”经费预算情况说明)
const DATED_HEAD_RE = /^[一二三四五六七八九十]{1,3}、(\d{4})年度?/;
// the narrative part's heading (第三部分 2019年度部门预算情况说明); not the tables' part (第二部分 …2019年度部门
// 预算表), which stands by the tables, in the narrative or not as the layout puts it
const DATED_PART_RE = /第[一二三四五六七八九十]+部分[^\d。；]{0,30}?(\d{4})年度?(?:部门|单位)?(?:预算|决算)情况说明/g;
const DATED_KIND = /预算|决算/;
const NOT_OWN_YEAR = /执行|实际|完成|预计|上年|同期|以前|比|较|相比|持平|一致|增加|减少|增长|下降/;

/**
 * Whether the sentence goes on to compare with the year it stated a figure of (2015年预算数15万元，
 * 2016年预算比2015年预算下降68.8%): that figure is the base of a comparison, another year's on purpose.
 */
function comparedLater(text: string, from: number, year: string): boolean {
  const end = text.indexOf('。', from);
  // another year's figure compared with it (2016年预算比2015年预算): not 比2024年 alone, which a stale
  // 2024年，…收入预算 A 万元，比2024年预算减少 B 万元 says after a year left unchanged
  const later = new RegExp(`(\\d{4})年[^。，,；;\\d]{0,8}?(?:比|较|与|同)${year}年`).exec(text.slice(from, end < 0 ? undefined : end));
  return later !== null && later[1] !== year;
}

/**
 * Whether the year after's figure of the same kind was stated just before (2022年的“三公”经费决算数合计
 * 为 1000.86 万…。2021年的三公经费决算数合计为 807.95 万…): last year's, stated beside this year's to
 * compare, not this year's left with a stale year.
 */
function afterYearAfter(text: string, at: number, year: string, words: string): boolean {
  const kind = /决算/.test(words) ? '决算' : '预算';
  // a figure of money: not a heading (2025年单位预算编制说明) and the next line's year
  return new RegExp(`${Number(year) + 1}年[^。；;\\d]{0,30}?${kind}[^。；;\\d]{0,10}?\\d[\\d,.]*\\s*(?:万|元|亿)`).test(text.slice(Math.max(0, at - YEAR_AFTER_REACH), at));
}

/**
 * Whether the nearest heading before `at` that names a year names this one as what was done or
 * carried out (一、2022年财政收入预算执行情况 / （一）年初预算安排情况 / 2022年全市安排…预算收入 A 万元): a
 * section on that year's outcome states that year's budget on purpose.
 */
function inSectionOnYear(heads: ReadonlyArray<{ at: number; title: string }>, at: number, year: string): boolean {
  let named: { title: string } | undefined;
  for (const h of heads) {
    if (h.at >= at) break;
    if (/\d{4}年/.test(h.title)) named = h;
  }
  return !!named && named.title.includes(`${year}年`) && NOT_OWN_YEAR.test(named.title);
}
/**
 * an amount measured against a year's execution (8.61万元，比2025年预算执行数增加21.10%): the budget
 * of the year after that one, the document's, as 上海's items state theirs after last year's budget
 */
const COMPARED_WITH_EXECUTION = /^\d[\d,]*(?:\.\d+)?万元[，,]\s*(?:比|较)\d{4}年度?(?:当年)?(?:预算)?执行数/;

/**
 * A year's statement after the next year's (afterYearAfter) states that year on purpose, unless it
 * is measured against a year's execution (COMPARED_WITH_EXECUTION): that is the document's own.
 */
function yearBeforeOnPurpose(text: string, at: number, end: number, year: string, words: string): boolean {
  return afterYearAfter(text, at, year, words) && !COMPARED_WITH_EXECUTION.test(text.slice(end, end + 40));
}

/** how far back the year after's statement may stand: the sentence before, a list of items long */
const YEAR_AFTER_REACH = 300;

/** YYYY年…预算 A 万元, 一、YYYY年…情况说明 and 第三部分 YYYY年度部门预算情况说明: the year a statement of a budget's or a final account's figures dates itself by */
export function datedStatements(text: string, heads: ReadonlyArray<{ at: number; title: string }>): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(DATED_RE)) {
    // a heading's words end where the next heading's number or a colon begins (…决算情况说明一、收入…：)
    const words = m[0].slice(0, m[0].length - m[2].length + m[2].search(/$|[:：]|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]/));
    const end = m.index! + m[0].length;
    if (DATED_KIND.test(words) && !NOT_OWN_YEAR.test(words) && !comparedLater(text, end, m[1]) && !yearBeforeOnPurpose(text, m.index!, end, m[1], words) && !inSectionOnYear(heads, m.index!, m[1])) {
      found.push({ words, at: m.index!, year: m[1], context: m[0] });
    }
  }
  for (const m of text.matchAll(DATED_PART_RE)) {
    const at = m.index! + m[0].search(/\d/);
    found.push({ words: text.slice(at, m.index! + m[0].length), at, year: m[1], context: m[0] });
  }
  for (const h of heads) {
    const m = DATED_HEAD_RE.exec(h.title);
    if (!m || !DATED_KIND.test(h.title) || NOT_OWN_YEAR.test(h.title)) continue;
    // the heading's words from its year, its number left out
    const number = h.title.indexOf('、') + 1;
    found.push({ words: h.title.slice(number), at: h.at + number, year: m[1], context: h.title });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** 纳入…YYYY年…预算编制范围 */
export function scopeYears(text: string): Found[] {
  return [...text.matchAll(SCOPE_RE)].map((m) => ({ words: m[0], at: m.index!, year: m[1] }));
}

/** 截至 YYYY年M月D日, 截至 YYYY年底 */
export function asOfDates(text: string): Found[] {
  return [...text.matchAll(AS_OF_RE)].map((m) => ({ words: m[0], at: m.index!, year: m[1] }));
}

/** 比 YYYY 年…: the year a statement compares with */
export function comparedYears(text: string): Found[] {
  // 比2019年（疫情前）决算数: the year before the epidemic, named as such on purpose (三公 决算 2021–2023);
  // 2025年数据应与2026年年初预算数保持同口径 (深圳 福田 2026): a note on the figures' basis, no comparison
  const named = (m: RegExpMatchArray) => /^[（(][^）)]{0,6}疫情/.test(text.slice(m.index! + m[0].length));
  const basis = (m: RegExpMatchArray) => /^[^。；;，,]{0,10}口径/.test(text.slice(m.index! + m[0].length));
  // 2021年,全区一般公共预算收入…,比2020年增长9.0% (a 2022 report on 2021's execution): the sentence says its own
  // year, and compares with the year before it (a year of the document's stated so is 形式/陈述年度's)
  const ownYear = (m: RegExpMatchArray) => {
    const start = Math.max(text.lastIndexOf('。', m.index!), text.lastIndexOf('\n', m.index!)) + 1;
    const own = /^\s*(\d{4})年度?[,，]/.exec(text.slice(start, m.index!));
    return own !== null && Number(own[1]) - 1 === Number(m[1]);
  };
  return [...text.matchAll(SINCE_RE)].filter((m) => !named(m) && !basis(m) && !ownYear(m)).map((m) => ({ words: m[0], at: m.index!, year: m[1] }));
}

/**
 * A year's budget set beside another's (2026年度预算20万元，2025年度预算20万元, 上海's items of the
 * 编制说明): the other is the one it is compared with, as 比 YYYY 年 says; only after the document's
 * own year (a year's budget listed among several others is no comparison)
 */
export function pairedBudgetYears(text: string, year: number | null | undefined): Found[] {
  if (!year) return [];
  return [...text.matchAll(PAIRED_BUDGET_RE)].filter((m) => Number(m.groups!.own) === year).map((m) => {
    const other = m.groups!.other;
    return { words: other, at: m.index! + m[0].lastIndexOf(other), year: other.slice(0, 4) };
  });
}

/** the words of its sentence before text[i], at most 20 characters */
function wordsBefore(text: string, i: number): string {
  const before = text.slice(Math.max(0, i - 20), i);
  const head = before.slice(before.lastIndexOf('。') + 1);
  return `${head.length === 20 && i - 20 > 0 ? '…' : ''}${head}`;
}

/** the words around text[i, j) within their sentence, at most 20 characters either side (a template's sentences run long) */
function wordsAround(text: string, i: number, j: number): string {
  const after = text.slice(j, j + 20);
  const stop = after.indexOf('。');
  const tail = stop < 0 ? after : after.slice(0, stop);
  const cutTail = stop < 0 && j + 20 < text.length;
  return `${wordsBefore(text, i)}${text.slice(i, j)}${tail}${cutTail ? '…' : ''}`;
}

/** the kinds that say how the document is worded (template text, punctuation, the years it dates itself by), not what its figures are */
export const WORDING_KINDS: ReadonlySet<string> = new Set(['template', 'punctuation', 'doubled', 'clash', 'badyear', 'unitless', 'asof', 'since', 'scope', 'dated', 'scopeword', 'cause']);

/** how many statements of figures the narrative makes: what a file without tables was checked for */
export function figureStatements(claims: ReadonlyArray<{ kind: string }>): number {
  return claims.filter((c) => !WORDING_KINDS.has(c.kind)).length;
}

/**
 * template text left in (kind template), rates without their % (percentless), doubled punctuation
 * (punctuation), a word said twice (doubled) or a change word with its opposite or 持平 (clash), an amount in 万
 * without 元 (unitless), and the years the narrative dates its statements by (asof, since, scope, dated)
 */
export function readDocumentText(r: Reading): void {
  const emit = (kind: 'template' | 'percentless' | 'punctuation' | 'doubled' | 'clash' | 'unitless' | 'asof' | 'since' | 'scope' | 'dated', f: Found) => {
    const figures: Record<string, Cell> = {};
    if (f.year) {
      const at = f.at + f.words.indexOf(f.year);
      figures.year = exactFigure(r, f.year, at);
    }
    add(r, { kind, subject: f.words, section: sectionAt(r.heads, f.at), text: f.context ?? wordsAround(r.text, f.at, f.at + f.words.length), figures, parts: [], link: null, whole: null, loc: { ...locate(r.stream, f.at, f.at + f.words.length), file: r.file } });
  };
  for (const f of templateLeftovers(r.text)) if (!blankMayBeMoved(r, f)) emit('template', f);
  for (const f of percentlessRates(r.text)) emit('percentless', f);
  for (const f of doubledPunctuation(r.stream)) emit('punctuation', f);
  for (const f of doubledWords(r.text)) emit('doubled', f);
  for (const f of changeWithLevel(r.text)) emit('clash', f);
  for (const f of wanWithoutYuan(r.text)) emit('unitless', f);
  for (const f of asOfDates(r.text)) emit('asof', f);
  for (const f of comparedYears(r.text)) emit('since', f);
  for (const f of pairedBudgetYears(r.text, r.report.year)) emit('since', f);
  for (const f of scopeYears(r.text)) emit('scope', f);
  for (const f of datedStatements(r.text, r.heads)) emit('dated', f);
}
