/**
 * The rules a file is linted with: the built-in and the user's rules, at the severity their
 * files give, then the configuration's builtinRules, rules and matching overrides, then --rule
 * (the command line wins over the file).
 */
import path from 'node:path';
import { InputError } from '../ingest/index.js';
import { suggestion } from '../common/suggest.js';
import { checkRuleIds, severitiesFor, type BuiltinRules, type ResolvedConfig } from '../config/index.js';
import { BUILTIN_RULES_DIR, loadRules, type Rule, type Severity } from '../rules/index.js';
import type { Catalog } from '../model/index.js';
import { READING_RULE_IDS } from './lint.js';

const SEVERITIES = ['error', 'warn', 'off'];

export class RuleSet {
  private readonly cache = new Map<string, Rule[]>();

  constructor(
    /** every rule loaded, at the severity its file gives */
    readonly rules: Rule[],
    private readonly config: ResolvedConfig,
    private readonly builtinMode: BuiltinRules,
    private readonly cli: Map<string, Severity>,
    /** every id a setting or 出错说明 may name: the rules, the built-in ones even when off, the reading stages' */
    readonly known: Set<string>,
    /** what relative file paths are relative to */
    private readonly cwd: string,
    /** --quiet without --max-warnings: rules at warn are not run, as ESLint's */
    private readonly skipWarnings = false,
  ) {}

  /** each rule's severity for this file */
  severities(file: string): Map<string, Severity> {
    const set = severitiesFor(this.config, path.resolve(this.cwd, file));
    for (const [id, s] of this.cli) set.set(id, s);
    const out = new Map<string, Severity>();
    for (const rule of this.rules) {
      let base = rule.severity;
      if (this.builtinMode === 'all' && isBuiltin(rule)) base = 'error';
      out.set(rule.id, set.get(rule.id) ?? base);
    }
    return out;
  }

  /** every rule at the severity it has outside any override (--list-rules, --explain) */
  listed(): Rule[] {
    const severities = this.severities(this.cwd);
    return this.rules.map((rule) => (severities.get(rule.id) === rule.severity ? rule : { ...rule, severity: severities.get(rule.id)! }));
  }

  /** the rules to run on this file, each at its severity there (rules that are off left out) */
  forFile(file: string): Rule[] {
    const severities = this.severities(file);
    const key = [...severities.values()].join(',');
    let rules = this.cache.get(key);
    if (!rules) {
      rules = [];
      for (const rule of this.rules) {
        const severity = severities.get(rule.id)!;
        if (severity === 'off' || (this.skipWarnings && severity === 'warn')) continue;
        rules.push(severity === rule.severity ? rule : { ...rule, severity });
      }
      this.cache.set(key, rules);
    }
    return rules;
  }
}

function isBuiltin(rule: Rule): boolean {
  return rule.source.file.startsWith(BUILTIN_RULES_DIR + path.sep);
}

/** --rule id:severity, each naming a known rule */
function cliSeverities(specs: string[], known: Set<string>): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const spec of specs) {
    const at = spec.lastIndexOf(':');
    const id = spec.slice(0, at);
    const severity = spec.slice(at + 1);
    if (at < 0 || !known.has(id)) throw new InputError(`--rule ${spec}: 没有 id 为「${id || spec}」的规则${suggestion(id || spec, known)}`);
    if (!SEVERITIES.includes(severity)) throw new InputError(`--rule ${spec}: 级别应为 error、warn 或 off`);
    out.set(id, severity as Severity);
  }
  return out;
}

export interface RuleSetOptions {
  builtinRules: boolean;
  rules: string[];
  rule: string[];
  quiet?: boolean;
  maxWarnings?: number;
}

/** rules are checked against the catalogue they run with: the user's table kinds included */
export async function loadRuleSet(config: ResolvedConfig, opts: RuleSetOptions, cwd: string, catalog: Catalog): Promise<RuleSet> {
  const mode: BuiltinRules = opts.builtinRules ? config.builtinRules : 'off';
  const user = [...config.ruleFiles, ...opts.rules];
  // off: not loaded at all (a user's own copy of a built-in rule may then keep its id)
  const rules = await loadRules([...(mode === 'off' ? [] : [BUILTIN_RULES_DIR]), ...user], catalog);
  const known = new Set(rules.map((r) => r.id));
  // a setting for a built-in rule that is not loaded is no mistake, only moot
  if (mode === 'off') for (const r of await loadRules([BUILTIN_RULES_DIR], catalog)) known.add(r.id);
  checkRuleIds(config, known);
  const cli = cliSeverities(opts.rule, known);
  return new RuleSet(rules, config, mode, cli, new Set([...known, ...READING_RULE_IDS]), cwd, Boolean(opts.quiet) && opts.maxWarnings === undefined);
}
