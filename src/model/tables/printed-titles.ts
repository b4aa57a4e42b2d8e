/**
 * A printed table title as the catalogue compares it (normalizeTitle), and the classification its
 * trailing 括注 names (titleClassification): what differs between provinces' ways of printing one
 * title, not which kind it is (kinds.ts).
 */

/**
 * a table's number before its title, in any province's numbering: 表3、表3-1（四川的分表）、附表2、
 * 表三、预算01表、部门决算05表、公开表9; a Chinese numeral is one number, not the 一 of 一般公共预算
 * or the 三 of 三公 that may follow it (表三一般公共预算…)
 */
const CN_NUMBER = '(?:[一二三四五六七八九]?十(?:[一二三四五六七八九](?![般公]))?|[一二三四五六七八九])';
const TABLE_NUMBER_RE = new RegExp(`^(附[表件](${CN_NUMBER}|\\d+)?|(?:附|部门|单位|公开|预算|决算)*(?:表(${CN_NUMBER}|\\d+)|\\d{1,2}表))([-－—]\\d+)?[:：、.．-]?`);
const TRAILING_NOTE_RE = /[（(]([^（()）]*)[）)]$/;

/**
 * a fund's 拨款 or 财政拨款 after its name (一般公共预算拨款支出预算表 is 一般公共预算支出预算表), not
 * an income's (…拨款收入, but …拨款收入支出决算表 is the fund's table); 政府性基金 and 国有资本经营 with or
 * without their 预算 (政府性基金拨款支出决算表 is 政府性基金预算财政拨款支出决算表)
 */
const FUND_GRANT_RE = /(一般公共预算|政府性基金|国有资本经营)(?:预算)?(?:财政)?拨款(?!收入(?!支出))/g;
const FUND_BUDGET_RE = /(政府性基金|国有资本经营)预算/g;

/**
 * a printed title as compared: no spaces, quotes, book-title marks or enumeration, no trailing 括注
 * such as （功能科目）, no 括注 of what it includes (财政拨款（含一般公共预算和政府性基金预算）“三公”…),
 * a fund named with or without its 拨款 (FUND_GRANT_RE)
 */
export function normalizeTitle(text: string): string {
  return text
    .replace(/[\s\u3000“”"‘’'〝〞「」『』《》]/g, '')
    .replace(/[（(]含[^（()）]*[）)]/g, '')
    .replace(/^(第?[一二三四五六七八九十]+|\d+)[、.．:：]/, '')
    .replace(TABLE_NUMBER_RE, '')
    .replace(/^(公开\d+表|部门公开表\d+)[:：、.．-]?/, '')
    .replace(TRAILING_NOTE_RE, '')
    // 海南: 收入决算公开表, 财政拨款收入支出决算公开表
    .replace(/([预决]算)公开表$/, '$1表')
    .replace(/、/g, '')
    .replace(FUND_GRANT_RE, '$1')
    .replace(FUND_BUDGET_RE, '$1');
}

/**
 * The classification a title's trailing 括注 names, which the kind's codes must agree with:
 * （功能科目）、（按部门预算经济分类）, （分单位）: a row per unit; 政府预算经济分类 (50x codes) is a
 * scheme no built-in kind reads, so a table printed by it names none of them. undefined: the 括注
 * names none.
 */
export function titleClassification(text: string): 'function' | 'economic' | 'government-economic' | 'unit' | undefined {
  const note = TRAILING_NOTE_RE.exec(text.replace(/[\s\u3000]/g, ''))?.[1] ?? '';
  if (/政府(预算)?(支出)?经济分类/.test(note)) return 'government-economic';
  if (/^(分|按)(预算)?单位/.test(note)) return 'unit';
  if (/经济(分类|科目)/.test(note)) return 'economic';
  if (/功能(分类|科目)/.test(note)) return 'function';
  return undefined;
}
