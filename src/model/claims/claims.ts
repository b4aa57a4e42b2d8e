/**
 * Narrative claims: the 情况说明 restates the tables in formulaic sentences; every figure such a
 * sentence states is a claim with a subject, figures (cells with their location) and, where the
 * subject names something a table holds, a link to that table cell.
 */
import type { SourceLine } from '../../ingest/text.js';
import type { Cell, Claim, Sentence } from '../types.js';
import { readDocumentText } from './document-text.js';
import { readRosters, readTallies } from './tallies.js';
import { readImpliedWholes } from './implied-wholes.js';
import { readReservations } from './reserved.js';
import { readCarryOvers } from './carry-over.js';
import { readCounts, readProjectRates, readProjectTotals, readScores } from './project-claims.js';
import { linkEconomicGroup, linkSubject, totalOf } from './link.js';
import { findPath, gluedItemPath, lonePath } from './path-link.js';
import { add, byPlace, exactZero, fig, sameLoc, type ClaimReport, type Reading } from './reading.js';
import { readPairedTotals } from './paired-totals.js';
import { readListedChanges } from './listed-changes.js';
import { readBudgetRates, readRatesAfterChange, readRatesWithGap } from './budget-rates.js';
import { listAfter, sharesOneWhole } from './lists.js';
import { continuesShortList, goesOn, openList, sharesListedTogether, sharesOfTheirSum, totalSaidBefore, type Amount, type OpenList } from './sentence-lists.js';
import { namesOtherWhole, ofHeadline, ownShare, SHARE_AFTER, shareWords, wholeNamed, wholeOfShare, wordsAfter } from './shares.js';
import { normalizeLabel } from '../../layout/tokenize.js';
import { takeStatedLevels } from './stated-level.js';
import { readItemRates } from './item-rates.js';
import { restateRepeatedItems } from './repeated-items.js';
import { tallyThreePublic } from './three-public-tally.js';
import { sumExplainedChanges, sumListedChanges } from './change-sums.js';
import { readYearOnYear } from './year-on-year.js';
import { readCauses, readRestatedCauses } from './cause-direction.js';
import { closedBefore, isChange, isReferenceAmount } from './current-amount.js';
import { readRatesAfterPrior, readRatesFromLevels } from './level-rates.js';
import {
  NUM,
  buildStream,
  cleanPath,
  itemBefore,
  locate,
  pathBefore,
  pathSubject,
  pathUnderClass,
  sectionAt,
  sections,
  subjectBefore,
  type Stream,
} from './phrases.js';

/**
 * lines: the narrative; between: whether anything of the document stands between two of its lines (buildStream).
 * The claims, and the narrative's sentences as read (for rules that look for what a document says).
 */
export function extractClaims(lines: SourceLine[], file: string, report: ClaimReport, between?: (a: number, b: number) => boolean): { claims: Claim[]; sentences: Sentence[] } {
  const stream = buildStream(lines, between);
  const r: Reading = { stream, text: stream.text, file, report, heads: sections(stream), claims: [], used: new Set<number>(), formNamed: new Map(), lastItem: null, restated: restatedSubject(report.year), unstatedShares: [] };
  // the order of the steps numbers the claims, and rates and changes mark their amounts used
  readBudgetRates(r);
  readRatesWithGap(r);
  readRatesAfterChange(r);
  readPairedTotals(r);
  readListedChanges(r);
  readYearOnYear(r);
  readProjectRates(r);
  readSentences(r);
  takeStatedLevels(r.claims, r.report);
  readItemRates(r);
  restateRepeatedItems(r);
  tallyThreePublic(r);
  sumListedChanges(r);
  sumExplainedChanges(r);
  // after the sentences: the item a restated amount (2024年预算安排 B 万元) is of is known then
  readRatesFromLevels(r);
  readRatesAfterPrior(r);
  readScores(r);
  readCounts(r);
  readDocumentText(r);
  readTallies(r);
  readRosters(r);
  readImpliedWholes(r);
  readReservations(r);
  readCarryOvers(r);
  readProjectTotals(r);
  readCauses(r);
  readRestatedCauses(r);
  sayRenamedOnce(r.claims);
  return { claims: r.claims.sort((a, b) => byPlace(a.loc, b.loc)), sentences: sentencesRead(r) };
}

/** each sentence (split at 。 and at section headings) as the stream holds it, where it is printed */
function sentencesRead(r: Reading): Sentence[] {
  const out: Sentence[] = [];
  for (const { sentence, base } of sentencesOf(r.text, r.heads)) {
    const text = sentence.trim();
    if (text) out.push({ text, loc: { ...locate(r.stream, base, base + sentence.length), file: r.file } });
  }
  return out;
}

/** a path's class named otherwise, or a name marked a level too high, is said where its amount is, not again by the rate of the same sentence */
function sayRenamedOnce(claims: Claim[]): void {
  for (const field of ['renamedClass', 'misleveled'] as const) {
    const amounts = new Set(claims.filter((c) => c.kind === 'amount' && c[field]).map((c) => `${c.section}\u0000${c.subject}`));
    for (const c of claims) if (c.kind === 'rate' && c[field] && amounts.has(`${c.section}\u0000${c.subject}`)) delete c[field];
  }
}

/** an item's own 其中 in brackets: 运行维护费 6.00 万元（其中：购置费 0 万元，运行维护费 6.00 万元） */
const BRACKETED_OTHER = new RegExp(`${NUM}万元[（(]其中[:：，,]`, 'g');
/** an amount's own 包括： list within its sentence, up to its ；: 基本支出173.89万元,包括:人员经费支出161.57万元,… */
const INCLUDING = new RegExp(`${NUM}万元[，,]包括[:：]`, 'g');

/**
 * The text's sentences, each with where it starts: cut at each 。 and at each heading, so that
 * a paragraph whose full stop is missing (…占 0.47% / 三、支出决算情况说明 / 本年支出合计…) does
 * not run into the next section's first sentence
 */
function sentencesOf(text: string, heads: ReadonlyArray<{ at: number }>): Array<{ sentence: string; base: number }> {
  const out: Array<{ sentence: string; base: number }> = [];
  let k = 0;
  let base = 0;
  for (const piece of text.split('。')) {
    const end = base + piece.length;
    let from = base;
    while (k < heads.length && heads[k].at <= from) k++;
    for (; k < heads.length && heads[k].at < end; k++) {
      out.push({ sentence: text.slice(from, heads[k].at), base: from });
      from = heads[k].at;
    }
    out.push({ sentence: text.slice(from, end), base: from });
    base = end + 1;
  }
  return out;
}

/** sentences: headline 其中：parts; shares 占 P%; plain amounts */
function readSentences(r: Reading): void {
  let before: Amount[] = [];
  // a 其中 list whose one item the sentence held: later sentences may go on with it, an item each
  let open: OpenList | null = null;
  // the sentence before's total and how many parts its 其中 listed
  let listed: { headline: Amount; parts: number } | null = null;
  // the sentence before's 其中 list, short of its headline: the next sentence may go on with it
  let short: { sum: { claim: Claim }; section: string } | null = null;
  for (const { sentence, base } of sentencesOf(r.text, r.heads)) {
    const amounts = [...sentence.matchAll(new RegExp(`${NUM}万元`, 'g'))].map((m) => ({ raw: m[1], at: base + m.index! }));
    if (short && continuesShortList(r, short.sum, short.section, sentence, base)) {
      short = null;
      before = amounts;
      readAmounts(r, sentence, base, amounts, undefined);
      continue;
    }
    short = null;
    open = open && goesOn(r, open, sentence, base);
    if (open) {
      // the list's item: its share is of the list's headline (占基本支出预算 P%), as it is in the first sentence
      before = amounts;
      readAmounts(r, sentence, base, amounts, open.headline);
      continue;
    }
    // 包括： opening its own sentence lists the parts as 其中： does (支出预算总计 A 万元。包括：1．…（类）支出 B 万元…, 江苏)
    // (a 其中 in brackets splits the item before it: 财政拨款收入 A 万元（其中，一般公共预算 A 万元），占收入合计 P%)
    const including = /^包括/.test(sentence);
    const other = including ? 0 : unbracketed(sentence, '其中');
    // what 其中 splits is the amount stated for the subject (预算数为 3.22 万元), not a change said after it (比上年减少 0.98 万元);
    // a 其中 opening its own sentence splits the one amount of that kind the sentence before states (收入总预算 501.98 万元，
    // 同比减少 17.05 万元。其中：1、…)
    const level = (a: Amount) => !isChange(r.text, a.at) && !isReferenceAmount(r.text, a.at);
    const levels = other === 0 ? before.filter(level) : [];
    // (an aside in brackets before the 其中 holds none: 761.21万元(含上年结转5.01万元),其中:…, 中峰小学)
    // …or a second breakdown of the total the sentence before split (1776.31万元,其中教育支出…,社会保障和就业支出…。
    // 包括工资福利支出…、商品和服务支出…, 怀化工业中专: by function, then by economic class)
    const again: Amount | undefined = including && listed && levels.length === listed.parts + 1 && levels[0].at === listed.headline.at ? listed.headline : undefined;
    // (two amounts of one figure before it, the totals of both sides: 财政拨款收入727.11万元,财政拨款支出727.11万元,比2024年
    // 减少67.02万元。其中:基本支出…, 重庆 2025: either is what it splits, the one said last)
    const alike = levels.length > 1 && levels.every((a) => Number(a.raw.replace(/,/g, '')) === Number(levels[0].raw.replace(/,/g, ''))) ? levels[levels.length - 1] : undefined;
    const headline: Amount | undefined = other > 0 ? [...amounts].reverse().find((a) => a.at < base + other && level(a) && !closedBefore(sentence, a.at - base, other)) : levels.length === 1 ? levels[0] : (again ?? alike);
    before = amounts;
    const sum: ReturnType<typeof readSum> = headline && other >= 0 ? readSum(r, sentence, base, other, headline) : null;
    listed = sum && headline ? { headline, parts: sum.parts.length } : null;
    if (sum && headline) open = openList(r, sum, headline, base);
    if (sum && headline && !open) short = { sum, section: sectionAt(r.heads, base) };
    // an item's own breakdown in brackets adds up to the item's amount
    // an item's own 包括： within the sentence (1、基本支出173.89万元,包括:人员经费支出161.57万元,公用经费支出12.23万元;2、…, 群加乡)
    for (const m of sentence.matchAll(INCLUDING)) {
      const at = m.index! + m[0].lastIndexOf('包括');
      if (at !== other) readSum(r, sentence, base, at, { raw: m[1], at: base + m.index! }, true);
    }
    for (const m of sentence.matchAll(BRACKETED_OTHER)) {
      const at = m.index! + m[0].indexOf('其中');
      // a bracket left open to the sentence's end may list more than is printed (a page, or a copy, cut short)
      const closed = /^[^（()）]*[）)]/.test(sentence.slice(at));
      if (at !== other && closed) readSum(r, sentence, base, at, { raw: m[1], at: base + m.index! });
    }
    readAmounts(r, sentence, base, amounts, headline);
  }
}

/** where words first stand outside brackets in a sentence, or -1 */
function unbracketed(sentence: string, words: string): number {
  let depth = 0;
  let from = 0;
  for (let at = sentence.indexOf(words); at >= 0; at = sentence.indexOf(words, at + 1)) {
    for (; from < at; from++) {
      if ('（('.includes(sentence[from])) depth++;
      else if ('）)'.includes(sentence[from])) depth = Math.max(0, depth - 1);
    }
    if (depth === 0) return at;
  }
  return -1;
}

/** a headline amount and the 其中 list after it that adds up to it: the claim and the parts' amounts */
function readSum(r: Reading, sentence: string, base: number, other: number, headline: Amount, endsAtSemicolon = false): OpenList['sum'] | null {
  const section = sectionAt(r.heads, base);
  const whole = fig(r, headline.raw, headline.at);
  // a headline that is a rate's actual (“三公”经费…年初预算为 A 万元，支出决算为 B 万元，完成预算的 P%，其中：…) is of the rate's subject
  // (基本支出：A 万元。其中…: the words before the colon, as an amount's subject)
  const said = subjectBefore(r.text, headline.at) || (/[:：]/.test(r.text[headline.at - 1] ?? '') ? labelBefore(r.stream, headline.at - 1) : '');
  const rate = /^(?:当年|本年)?(?:支出)?决算(?:数)?$/.test(said) ? r.claims.find((c) => c.kind === 'rate' && sameLoc(c.figures.actual?.loc, whole.loc)) : undefined;
  const subject = rate ? `${rate.subject}${said}`.replace(/支出支出/, '支出') : said;
  // an average (居民人均可支配收入 A 元。其中城镇居民人均… B 元) is no sum of what it lists
  if (/人均|平均/.test(subject)) return null;
  const parts = listAfter(r.text, base + other + 2, (at) => sectionAt(r.heads, at) === section, /总计$/.test(subject), endsAtSemicolon);
  // one part alone is still checked: it cannot exceed the whole
  if (parts.length === 0 || sharesOneWhole(r.text, headline.at, parts[0].at)) return null;
  // …nor is a whole the sum of averages its 其中 gives (公用经费 A 万元，其中，年人均办公费 B 元，车年均保险费 C 元, 呈贡一中)
  if (parts.some((p) => /人均|年均|平均/.test(subjectBefore(r.text, p.at)))) return null;
  add(r, {
    kind: 'sum',
    subject,
    section,
    text: sentence,
    figures: { whole },
    parts: parts.map((p) => exactZero(fig(r, p.raw, p.at), whole)),
    link: null,
    whole: null,
    loc: { ...locate(r.stream, base, base + sentence.length), file: r.file },
  });
  return { claim: r.claims[r.claims.length - 1], parts };
}

/** a section on appropriations' spending by function (一般公共预算财政拨款支出决算情况说明), not by economic class or use */
const ON_FUNCTION_SPENDING = /^(?=.*(一般公共预算|财政拨款))(?=.*(支出|拨款情况))(?!.*(基本支出|经济|机关运行|三公|政府采购|收入|收支))/;

/**
 * Whether a figure is said of all funds: the words before it name the whole spending (支出预算总计
 * X 万元。包括：1．公共安全（类）支出 Y 万元), and the sentence naming it and the section name no
 * single fund (the sentence before, on another subject, does not count).
 */
function saidOfAllFunds(said: string, section: string): boolean {
  let whole = -1;
  for (const m of said.matchAll(/(收支|支出)预算总计|支出预算合计|支出总计/g)) whole = m.index;
  if (whole < 0) return false;
  const sentence = Math.max(said.lastIndexOf('。', whole), said.lastIndexOf('；', whole)) + 1;
  return !/一般公共预算|财政拨款/.test(said.slice(sentence) + section);
}

/** each amount of the sentence not read yet: a share (占 P%) of the headline or of a table total, or a plain amount */
function readAmounts(r: Reading, sentence: string, base: number, amounts: Amount[], headline: Amount | undefined): void {
  const { text, report } = r;
  let previousSubject = '';
  // what the headline is itself a share of, where it says (A 万元，占政府采购支出总额的 P%)
  const headlineShare = headline ? SHARE_AFTER.exec(wordsAfter(text, headline)) : null;
  const headlineWhole = headlineShare ? shareWords(headlineShare[0]) : null;
  const headlineSubject = headline ? normalizeLabel(subjectBefore(text, headline.at)) : '';
  const unstated: Array<{ claim: Claim; words: string; at: number }> = [];
  const ofHeadlineShares: Claim[] = [];
  for (const a of amounts) {
    if (r.used.has(a.at)) continue;
    // a change owns no share: 民生类支出356.85亿元,同比增长5.11%,增支17.35亿元,占一般公共预算支出比重为81.2% is the 356.85's
    const share = isChange(text, a.at) ? null : ownShare(wordsAfter(text, a));
    const here = sectionAt(r.heads, a.at);
    const from = Math.max(base, a.at - 120);
    // the sentence and the one before it (支出预算总计 X 万元。包括：1．公共安全（类）支出 Y 万元)
    const allFunds = saidOfAllFunds(text.slice(Math.max(0, a.at - 80), a.at), here);
    const glued = (words: string | null) => (words ? gluedItemPath(report, report.kind, words, allFunds) : null);
    const marked = pathBefore(text, from, a.at) ?? pathUnderClass(text, from, a.at, (at) => sectionAt(r.heads, at) === here) ?? glued(itemBefore(text, from, a.at));
    // a 项 said by its name alone keeps its words as the subject
    const lone = marked || allFunds || !ON_FUNCTION_SPENDING.test(here) ? null : lonePath(report, report.kind, subjectBefore(text, a.at));
    const path = marked ?? lone;
    let subject = marked ? pathSubject(cleanPath(marked)) : subjectBefore(text, a.at);
    // 基本支出：750.69万元: the words before the colon, on its line (a heading above runs into them), are what the figure is of
    if (!subject && /[:：]/.test(text[a.at - 1] ?? '')) subject = labelBefore(r.stream, a.at - 1);
    // 公务接待费预算 0.46 万元，支出决算 0.46 万元: the second figure is of the same item
    if (/^(支出)?决算(数)?$/.test(subject) && /预算(数)?$/.test(previousSubject)) subject = previousSubject.replace(/预算(数)?$/, subject);
    previousSubject = subject;
    const figures: Record<string, Cell> = { amount: fig(r, a.raw, a.at) };
    const found = path ? findPath(report, report.kind, cleanPath(path), allFunds) : null;
    const linkTo = found ? found.link : linkSubject(report, report.kind, subject, here, text.slice(Math.max(0, a.at - 200), a.at));
    if (share) {
      const iShare = a.at + a.raw.length + 2 + share[0].indexOf(share[1]);
      figures.share = fig(r, `${share[1]}%`, iShare, true);
      // the headline is the whole, unless its own share names the same whole (授予中小企业 A 万元，占政府采购支出总额的
      // P%，其中：授予小微企业 B 万元，占政府采购支出总额的 Q%: both of the 总额)
      const words = shareWords(share[0]);
      const ofElsewhere = namesOtherWhole(report, words);
      if (headline && headline.at < a.at && headlineWhole !== words && !ofElsewhere && ofHeadline(words, headlineSubject)) figures.whole = fig(r, headline.raw, headline.at);
      // no headline stated: the share is of the table's total the item belongs to
      const whole = figures.whole || ofElsewhere ? null : (totalOf(report, linkTo, words) ?? wholeNamed(report, words));
      // no table holds it: the total the share names, as the narrative stated it before (占本年支出合计的 P%)
      const ofHeadlineWhole = figures.whole !== undefined;
      const said = figures.whole || ofElsewhere || whole ? null : totalSaidBefore(r.claims, words);
      if (said) figures.whole = said;
      // no words name the item (…；2,388.04万元，占10.87%: text extracted out of order): it is named by its amount, not 「」
      add(r, { kind: 'share', subject: subject || `${a.raw}万元`, section: here, text: sentence, figures, parts: [], link: linkTo, whole, loc: { ...figures.amount.loc } });
      if (ofHeadlineWhole) ofHeadlineShares.push(r.claims[r.claims.length - 1]);
      else if (!said && !whole) unstated.push({ claim: r.claims[r.claims.length - 1], words, at: a.at });
    } else if (!path && isRestatement(r, subject, a.at)) {
      const item = r.lastItem!;
      add(r, { kind: 'restate', subject: item.subject, section: here, text: sentence, figures: { ...figures, earlier: item.figure }, parts: [], link: item.link, whole: null, loc: { ...figures.amount.loc } });
    } else if (subject) {
      const sumOf = linkTo || path ? null : linkEconomicGroup(report, subject, here);
      add(r, { kind: 'amount', subject, section: here, text: sentence, figures, parts: [], link: linkTo, whole: null, ...(sumOf ? { sumOf } : {}), ...(found?.unknown ? { unknownPath: found.unknown } : {}), ...(found?.renamed ? { renamedClass: found.renamed } : {}), ...(found?.misleveled ? { misleveled: found.misleveled } : {}), loc: { ...figures.amount.loc } });
    }
    // an item the table does not hold is no item to restate; one the table was not read for still is (its words say
    // it: a text without the tables' layout)
    if (path) r.lastItem = linkTo || !found?.unknown ? { subject, link: linkTo, figure: figures.amount, at: a.at } : null;
  }
  sharesOfTheirSum(unstated);
  for (const { words, shares } of sharesListedTogether(unstated, r.claims, text)) {
    const [first, last] = [shares[0], shares[shares.length - 1]];
    const whole = wholeOfShare(words);
    add(r, { kind: 'sharesum', subject: whole ? `各项占${whole}的比重` : '各项的占比', section: first.section, text: first.text, figures: {}, parts: shares.map((c) => c.figures.share), link: null, whole: null, loc: { ...first.figures.share.loc, endLine: last.figures.share.loc.endLine, endColumn: last.figures.share.loc.endColumn } });
  }
  // those their sentence's list did not resolve: compared with the shares of the same whole said elsewhere
  r.unstatedShares.push(...unstated.filter((u) => !u.claim.parts.length));
  // the headline's shares know each other's amounts: a share right for their sum, where the headline is
  // not, is the headline's mistake (叙述/分项之和 reports it), not its own
  if (ofHeadlineShares.length >= 2) for (const c of ofHeadlineShares) c.parts = ofHeadlineShares.map((o) => o.figures.amount);
}

/**
 * An amount that states again the figure of the 类/款/项 item just named: `“…住房公积金（项）”350.35万元，
 * 主要用于…。2023年当年预算执行数为348.52万元，2024年预算安排352.67万元` (this year's budget of the same
 * item), said within the item's paragraph: no other item named between, and shortly after.
 */
function isRestatement(r: Reading, subject: string, at: number): boolean {
  const item = r.lastItem;
  return !!item && at - item.at <= 200 && r.restated.test(subject);
}

/** made once per document, not per amount */
function restatedSubject(year: number | null | undefined): RegExp {
  return new RegExp(`^(本年度?${year ? `|${year}年度?` : ''})(预算安排|预算数|预算)$`);
}

/** the words of a `label：` ending at `colon`, from the start of its line */
function labelBefore(stream: Stream, colon: number): string {
  let start = colon;
  while (start > 0 && stream.lineAt[start - 1] === stream.lineAt[colon]) start--;
  const line = stream.text.slice(start, colon);
  return subjectBefore(line, line.length);
}

