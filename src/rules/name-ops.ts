/**
 * Comparing two printed names of a department, for rules. The same department is printed under
 * longer and shorter names: generic words come and go (上海市普陀区万里街道 / 上海市普陀区人民政府万里街道
 * 办事处, …局（本级）, …局机关), so the words a rule lists are taken out of both first; and a name is
 * shortened by leaving words out (省人大办公厅 / 江苏省人大常委会办公厅). What a shortening may not leave
 * out is a whole place (a word ending in 省, 市, 区, 县 …): 上海市规划和自然资源局 is another level's bureau
 * than 上海市普陀区规划和自然资源局. Only the higher places before the name's own are left out where the
 * short name still begins with a place (普陀区城市管理行政执法局 / 上海市普陀区城市管理行政执法局): the
 * usual short form, as a district's 编制部门 lines print it.
 */

/** how name a stands to name b once the generic words are out of both */
export type NameRelation = 'equal' | 'contains' | 'head' | 'short' | 'place' | 'other';

// the last character of an administrative place's name (江苏省, 西宁市, 普陀区, 湟中县, 临夏州, 万里街道)
const PLACE_END = /(?:省|市|区|县|州|旗|盟|镇|乡|街道)$/;

function normalized(name: string, words: string[]): string {
  let s = name.replace(/[\s\u3000]/g, '');
  // the longest words first: 人民政府 before 政府
  for (const w of [...words].sort((x, y) => y.length - x.length)) if (w) s = s.split(w).join('');
  // brackets left empty (（本级） once 本级 is out), and bracket marks themselves
  return s.replace(/[（(][）)]/g, '').replace(/[（()）]/g, '');
}

/**
 * The runs of `long` that `short` leaves out, matching its characters in order, each with the
 * character kept after it; null where `short` is not a shortening of `long`.
 */
function leftOut(short: string, long: string): Array<{ run: string; next: string }> | null {
  const runs: Array<{ run: string; next: string }> = [];
  let run = '';
  let i = 0;
  for (const ch of long) {
    if (i < short.length && ch === short[i]) {
      if (run) runs.push({ run, next: ch });
      run = '';
      i++;
    } else run += ch;
  }
  if (run) runs.push({ run, next: '' });
  return i === short.length ? runs : null;
}

/** a run left out is a whole place unless the place word after it is kept (贵州 of 贵州省 → 省 is the province's own name left out) */
const wholePlace = ({ run, next }: { run: string; next: string }) => PLACE_END.test(run) && !PLACE_END.test(next);

// a name that begins with a place of its own (普陀区…, 城东区…, 浦东新区…)
const STARTS_WITH_PLACE = /^[^省市区县州旗盟镇乡]{1,8}?(?:省|市|区|县|州|旗|盟|镇|乡|街道)/;

/**
 * whether the places a shortening leaves out are only those before the long name's own, the short
 * name keeping a place of its own first (普陀区城市管理行政执法局 / 上海市普陀区城市管理行政执法局)
 */
function leavesOutHigherPlaces(short: string, long: string, runs: Array<{ run: string; next: string }>): boolean {
  const places = runs.filter(wholePlace);
  return places.length === 1 && runs[0] === places[0] && long.startsWith(places[0].run) && STARTS_WITH_PLACE.test(short);
}

/**
 * Whether a is b's beginning in a longer or shorter form, cut off at its end: a cell's name wrapped
 * after 办 (中国共产党江苏省委员会办 / 公厅) against the document's 中共江苏省委办公厅. b's beginning (at
 * least half of b, and four characters) and a must be one the other with words left out, none a
 * whole place, both ending on the same character.
 */
function cutShortening(a: string, b: string): boolean {
  for (let k = b.length - 1; k >= Math.max(4, Math.ceil(b.length / 2)); k--) {
    const head = b.slice(0, k);
    const runs = head.length <= a.length ? leftOut(head, a) : leftOut(a, head);
    if (runs && !runs.some(wholePlace) && runs[runs.length - 1]?.next !== '') return true;
  }
  return false;
}

/**
 * equal: the same name; contains: a holds all of b and more (a sub-unit, 本级); head: a is b cut off at
 * its end (a name wrapped or cut by its cell); short: one is the other with words left out, none of
 * them a whole place (省委办公厅 / 江苏省委办公厅); place: one leaves out a whole place the other names
 * (上海市规划和自然资源局 / 上海市普陀区规划和自然资源局); other: neither. null where either is no name.
 */
export function nameRelation(a: unknown, b: unknown, words: unknown): NameRelation | null {
  if (typeof a !== 'string' || typeof b !== 'string') return null;
  const generic = Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [];
  const x = normalized(a, generic);
  const y = normalized(b, generic);
  if (!x || !y) return null;
  if (x === y) return 'equal';
  if (x.includes(y)) return 'contains';
  if (y.startsWith(x)) return 'head';
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  const runs = leftOut(short, long);
  if (!runs) return cutShortening(x, y) ? 'head' : 'other';
  return runs.some(wholePlace) && !leavesOutHigherPlaces(short, long, runs) ? 'place' : 'short';
}
