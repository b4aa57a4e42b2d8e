/**
 * Where a rule is documented. The built-in rules each have a section of docs/rules.md
 * (scripts/rules-docs.mjs writes it); a user's rule may give its own `docs:` (a URL).
 */

/** docs/rules.md, relative to the package's root */
export const RULES_DOC = 'docs/rules.md';

/**
 * A heading's anchor as GitHub makes it (lower case, punctuation dropped, spaces to hyphens):
 * `### 总表/收支总计平衡` → `#总表收支总计平衡`. Stable as long as the rule's id is.
 */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

export function ruleDocsLink(id: string): string {
  return `${RULES_DOC}#${headingAnchor(id)}`;
}
