// npm run docs: docs/rules.md (every built-in rule), docs/tables.md (every table kind) and the
// README's reference block, written from the rules, the catalogue and the rule checker's own
// tables of operations and selectors (src/rules/docs-build.ts). test/docs.test.ts fails when the
// checked-in files differ from what this writes.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { builtDocs, ROOT, withReference } from '../dist/rules/docs-build.js';

const docs = await builtDocs();
mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
writeFileSync(path.join(ROOT, 'docs/rules.md'), docs.rules);
writeFileSync(path.join(ROOT, 'docs/tables.md'), docs.tables);
const readme = path.join(ROOT, 'README.md');
writeFileSync(readme, withReference(readFileSync(readme, 'utf8'), docs.reference));
console.log('docs/rules.md, docs/tables.md, README.md (reference) written');
