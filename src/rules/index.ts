/** The rules stage's public surface: load rule files, run them on a report. */
export type { Diagnostic, Rule, Severity } from './types.js';
export { loadRules, parseRules, RuleLoadError, BUILTIN_RULES_DIR } from './loader.js';
export { runRules, sortDiagnostics, bindingLabel, type BindingTrace, type RuleObserver } from './engine.js';
export { ruleMeta, tablesOf, type RuleMeta } from './meta.js';
