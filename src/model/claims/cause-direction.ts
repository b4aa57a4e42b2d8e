/**
 * A reason's direction: 财政拨款收入支出增加的主要原因是… explains a change the 说明 stated before
 * it (…比2025年预算减少2,163.37万元). The template prints 增加（减少）的主要原因是, and where the
 * sentence is not rewritten for the year, the reason is said of a change the other way round
 * (石泉路街道 2026 单位预算). Each reason whose change is found is a claim (kind cause), with the
 * direction of that change as the 说明 stated it.
 */
import { normalizeLabel } from '../../layout/tokenize.js';
import type { Claim, Location } from '../types.js';
import { locate, rises, sectionAt } from './phrases.js';
import { add, byPlace, type Reading } from './reading.js';

/** X 增加的主要原因 / 下降的原因: the words before it (no bracket: 增加（减少）的原因 is the template's, said by 形式/模板残留) */
const CAUSE = /([^，,。；;：:、（）()\d\s]{0,24}?)(增加|减少|增长|下降|上升|降低)的(?:主要)?原因/g;

/** words before the item that are not its name: 与上年相比, 其中, 较上年 */
const LEAD = /^(?:其中|与上年相比|比上年|较上年|同比|总体|主要是)/;
/** words after the item a change's subject may carry and its reason not (公务接待费支出决算, 财政拨款支出预算) */
const TRAIL = /(?:预算数|决算数|预算|决算|数)$/;

export function readCauses(r: Reading): void {
  const changes = r.claims.filter((c) => c.kind === 'yoy' && (c.direction === '增加' || c.direction === '减少'));
  for (const m of r.text.matchAll(CAUSE)) {
    const at = m.index!;
    const section = sectionAt(r.heads, at);
    const loc: Location = { ...locate(r.stream, at, at + m[0].length), file: r.file };
    const subject = normalizeLabel(m[1]).replace(LEAD, '');
    const start = sentenceStart(r.text, at);
    const sentence = locate(r.stream, start, start + 1);
    const explained = explainedChanges(changes, subject, section, loc, sentence);
    // changes of both directions under one name (收入增加, 支出减少) leave the reason's unknown
    const directions = new Set(explained.map((c) => c.direction));
    if (directions.size !== 1) continue;
    const change = explained[explained.length - 1];
    addCause(r, { subject: subject || change.subject, section, direction: rises(m[2]) ? '增加' : '减少', text: m[0], loc }, change);
  }
}

/** a reason saying `direction` of the change `change` states before it */
function addCause(r: Reading, c: Pick<Claim, 'subject' | 'section' | 'text' | 'loc'> & { direction: '增加' | '减少' }, change: Claim): void {
  add(r, { kind: 'cause', ...c, causeOf: { direction: change.direction as '增加' | '减少', text: `${change.subject}${change.text}`, loc: change.loc }, figures: {}, parts: [], link: null, whole: null });
}

/**
 * A reason that restates its item's own change (…比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费
 * 增加。, 上海's 区级 budgets, for each 项): the funds of the item the change before it names, by its 项 name, or
 * its 款 and 项 names, or all three; the direction they say is the reason's.
 */
export function readRestatedCauses(r: Reading): void {
  const changes = r.claims.filter((c) => c.kind === 'yoy' && (c.direction === '增加' || c.direction === '减少'));
  for (const m of r.text.matchAll(RESTATED)) {
    const at = m.index!;
    const loc: Location = { ...locate(r.stream, at, at + m[0].length), file: r.file };
    const section = sectionAt(r.heads, at);
    const change = changes.filter((c) => c.section === section && byPlace(c.loc, loc) < 0).at(-1);
    if (!change || !pathSuffixes(change.subject).includes(normalizeLabel(m[1]))) continue;
    addCause(r, { subject: change.subject, section, direction: m[2] as '增加' | '减少', text: m[0], loc }, change);
  }
}

/** 主要原因是：X 经费增加。 — its own sentence, nothing after the direction */
const RESTATED = /(?<=。|^)\s*主要原因是[:：]?([^，,。；;：:、（）()\d\s]{2,40}?)经费(增加|减少)(?=[。；;]|$)/gm;

/** a 类/款/项 path's names joined from the 项 back: 项, 款项, 类款项 (一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）) */
function pathSuffixes(subject: string): string[] {
  const names = [...normalizeLabel(subject).matchAll(/([^（()）]+)[（(][类款项][）)]/g)].map((n) => n[1]);
  return names.map((_, i) => names.slice(i).join('')).filter(Boolean);
}

/**
 * The changes a reason explains, in order: of its own sentence where it names no item (减少690.12万元，
 * 下降13.29%，减少的主要原因是…), else of its section before it, of the item it names (财政拨款收入支出:
 * 财政拨款收入, 财政拨款支出预算; 公务接待费支出: 公务接待费支出决算)
 */
function explainedChanges(changes: Claim[], subject: string, section: string, loc: Location, sentence: Location): Claim[] {
  const before = changes.filter((c) => c.section === section && byPlace(c.loc, loc) < 0);
  if (!subject) return before.filter((c) => byPlace(sentence, c.loc) <= 0).slice(-1);
  return before.filter((c) => names(subject, normalizeLabel(c.subject).replace(TRAIL, '')));
}

/** whether a reason's item and a change's are one: either begins with the other (财政拨款收入支出 / 财政拨款收入) */
function names(reason: string, change: string): boolean {
  return change.length >= 2 && (reason.startsWith(change) || change.startsWith(reason) || reason.replace('收入支出', '支出') === change);
}

function sentenceStart(text: string, at: number): number {
  return Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at)) + 1;
}
