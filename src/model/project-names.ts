/**
 * One name printed two ways: a project in its form and in a table (政府雇员工作经费 /
 * 政府雇员工作经费项目 / 编制外长期聘用人员（支出）), compared by its words only.
 */

/** spaces, and brackets and quotes: printed around words, not words */
const NOT_WORDS = /[\s\u3000（）()［］[\]【】〔〕<>《》「」『』“”"'‘’]/g;

/** a name's words: without spacing and brackets, a leading 序号, a trailing 项目 */
export function nameKey(name: string): string {
  return name
    .replace(/^\s*(\d+|[一二三四五六七八九十]+)[、.．]/, '')
    .replace(/^\s*[（(](\d+|[一二三四五六七八九十]+)[）)]/, '')
    .replace(NOT_WORDS, '')
    .replace(/项目$/, '');
}

/**
 * Whether a name is in a list: the same words, or words running on from one row into the next (a
 * name wrapped in its cell, whose lines a table's reader gave to two rows): the rows' names are
 * read end to end, as printed.
 */
export function nameListed(name: string, names: string[]): boolean {
  const want = nameKey(name);
  if (!want) return true;
  return names.some((n) => nameKey(n) === want) || names.join('').replace(NOT_WORDS, '').includes(want);
}
