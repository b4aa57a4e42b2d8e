/**
 * How a named table kind's rows nest without codes (its `levels`), as its catalogue entry says:
 * a pattern a row's name matches, or a word its line prints. Validated like the rest of the
 * catalogue: a problem is reported at file:line:col.
 */
import { isPlainObject, type YamlInput, type YamlPath } from '../../common/yaml-source.js';
import { strings } from './kind-columns.js';

/** how a named table tells a row's level: a pattern its name matches, or a word its line prints; neither for the rest */
export interface RowLevel {
  level: number;
  /** the row's name matches it; its first group, where it has one, is the row's key (货物) */
  label?: RegExp;
  /** the row's line prints one of these words, a cell of its own (or, five characters or more, the end of one: 分散自行组织) */
  words?: string[];
}

const LEVEL_KEYS = new Set(['level', 'label', 'words']);

export function readLevels(src: YamlInput, raw: unknown, at: YamlPath): RowLevel[] {
  if (!Array.isArray(raw)) src.fail(at, 'levels 必须是列表：[{ level, label 或 words }…]');
  return raw.map((entry, i) => {
    const here = [...at, i];
    if (!isPlainObject(entry)) src.fail(here, 'levels 的每一项必须是对象：{ level, label 或 words }');
    for (const k of Object.keys(entry)) if (!LEVEL_KEYS.has(k)) src.fail([...here, k], `levels 不认识的字段 "${k}"（可用：${[...LEVEL_KEYS].join(', ')}）`);
    if (!Number.isInteger(entry.level) || (entry.level as number) < 1) src.fail([...here, 'level'], 'level 必须是正整数（1 为最高一级）');
    const level: RowLevel = { level: entry.level as number };
    if (entry.label !== undefined) {
      if (typeof entry.label !== 'string' || !entry.label) src.fail([...here, 'label'], 'label 必须是非空的正则表达式');
      try {
        level.label = new RegExp(entry.label);
      } catch (e) {
        src.fail([...here, 'label'], `label 不是有效的正则表达式：${(e as Error).message}`);
      }
    }
    if (entry.words !== undefined) level.words = strings(src, entry.words, [...here, 'words'], 'words ');
    if (!level.label && !level.words && i !== raw.length - 1) src.fail(here, '既无 label 也无 words 的一项（其余各行的级别）只能放在最后');
    return level;
  });
}
