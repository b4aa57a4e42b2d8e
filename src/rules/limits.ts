/**
 * Bounds on a rule file, checked before and while it is read, so that a hostile or mistaken file
 * is refused with a clear message instead of exhausting the stack, the heap or the clock. Every
 * walk here is iterative: the YAML library's own composer recurses, and overflows on deep nesting.
 */
import type { LineCounter, Alias, CST, Document, Node } from 'yaml';
import { yamlLib } from '../common/yaml-source.js';

export const RULE_FILE_LIMITS = {
  /** bytes in one rule file: every built-in file is under 16 KiB, and YAML parses at about 0.3 MB/s */
  bytes: 256 * 1024,
  /** collections inside collections */
  depth: 64,
  /** nodes once aliases are expanded */
  nodes: 200_000,
  /** rules in one file */
  rules: 2_000,
};

export interface LimitProblem {
  /** offset in the text, where there is one */
  offset: number;
  message: string;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** the first collection nested deeper than the limit, found on the parser's tokens (before composing) */
function nestingProblem(tokens: CST.Token[]): LimitProblem | null {
  const stack: Array<{ token: unknown; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    if (!token || typeof token !== 'object') continue;
    const t = token as Partial<CST.BlockMap> & { value?: unknown; key?: unknown };
    const here = t.type && COLLECTIONS.has(t.type) ? depth + 1 : depth;
    if (here > RULE_FILE_LIMITS.depth) return { offset: t.offset ?? 0, message: `YAML 嵌套超过 ${RULE_FILE_LIMITS.depth} 层` };
    if (t.value) stack.push({ token: t.value, depth: here });
    if (t.key) stack.push({ token: t.key, depth: here });
    for (const item of t.items ?? []) stack.push({ token: item, depth: here });
  }
  return null;
}

/**
 * YAML text → its one document (as parseDocument gives it), refused before composing when it
 * nests too deep, and after when its aliases would expand too far. `counter` gets the lines.
 */
export function composeBounded(text: string, counter: LineCounter): Document | LimitProblem {
  const { Composer, Parser } = yamlLib();
  const tokens = [...new Parser(counter.addNewLine).parse(text)];
  const deep = nestingProblem(tokens);
  if (deep) return deep;
  const docs = new Composer({ prettyErrors: false, uniqueKeys: true }).compose(tokens, true, text.length);
  const doc = docs.next().value as Document;
  const more = docs.next().value as Document | undefined;
  if (more) return { offset: more.range?.[0] ?? 0, message: 'YAML 语法错误：一个规则文件只能有一个 YAML 文档' };
  if (doc.errors.length) return { offset: doc.errors[0].pos[0], message: `YAML 语法错误：${doc.errors[0].message.split('\n')[0]}` };
  return expansionProblem(doc) ?? doc;
}

/** every alias's node, found in one pass in document order (Alias.resolve searches the whole document each time) */
function aliasTargets(doc: Document): Map<Alias, unknown> {
  const { visit } = yamlLib();
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, unknown>();
  visit(doc, {
    Alias(_, alias) {
      targets.set(alias, anchors.get(alias.source));
    },
    Node(_, node) {
      if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

/**
 * The composed document counted as toJS would build it (an alias counts its whole target each
 * time), stopping at the limit: many aliases of a large list are refused at the alias that
 * crosses it, without building anything.
 */
function expansionProblem(doc: Document): LimitProblem | null {
  const { isAlias, isCollection, isPair } = yamlLib();
  const targets = aliasTargets(doc);
  const stack: Array<{ node: unknown; depth: number; via: Node | null }> = [{ node: doc.contents, depth: 0, via: null }];
  let count = 0;
  while (stack.length) {
    const { node, depth, via } = stack.pop()!;
    if (!node) continue;
    count++;
    if (count > RULE_FILE_LIMITS.nodes) {
      const at = via ?? (node as Node);
      const message = via ? `YAML 别名展开后超过 ${RULE_FILE_LIMITS.nodes} 个节点` : `YAML 节点超过 ${RULE_FILE_LIMITS.nodes} 个`;
      return { offset: at.range?.[0] ?? 0, message };
    }
    if (depth > RULE_FILE_LIMITS.depth) return { offset: (via ?? (node as Node)).range?.[0] ?? 0, message: `YAML 别名展开后嵌套超过 ${RULE_FILE_LIMITS.depth} 层` };
    if (isAlias(node)) {
      stack.push({ node: targets.get(node), depth, via: via ?? node });
    } else if (isPair(node)) {
      stack.push({ node: node.value, depth, via }, { node: node.key, depth, via });
    } else if (isCollection(node)) {
      // last pushed, first counted: in document order, so the alias named is the one that crosses
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: depth + 1, via });
    }
  }
  return null;
}
