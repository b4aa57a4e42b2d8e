/**
 * What a run lints with, from plain data: the configuration, the table kinds and the rules.
 * A worker thread is given this data (never functions) and loads the same rule set itself.
 */
import { resolveConfig, type ResolvedConfig } from '../config/index.js';
import { loadCatalog, type Catalog } from '../model/index.js';
import { loadRuleSet, type RuleSet } from '../cli/rule-set.js';
import type { PdfEngine } from '../ingest/index.js';

export interface RunSetup {
  cwd: string;
  /** -c: this configuration file, no lookup */
  config?: string;
  configLookup: boolean;
  builtinRules: boolean;
  /** rule files and folders added to the configuration's ruleFiles */
  rules: string[];
  /** table kind files and folders added to the configuration's tableFiles */
  tables: string[];
  /** id:severity, as --rule */
  rule: string[];
  quiet?: boolean;
  maxWarnings?: number;
}

/** how each file is read and checked */
export interface FileLimits {
  pdfEngine?: PdfEngine;
  maxPages?: number;
  timeoutSeconds?: number;
  debug?: boolean;
}

export interface Prepared {
  config: ResolvedConfig;
  catalog: Catalog;
  ruleSet: RuleSet;
}

export async function prepare(setup: RunSetup): Promise<Prepared> {
  const config = resolveConfig({ config: setup.config, lookup: setup.configLookup, cwd: setup.cwd });
  const catalog = loadCatalog([...config.tableFiles, ...setup.tables]);
  const ruleSet = await loadRuleSet(config, setup, setup.cwd, catalog);
  return { config, catalog, ruleSet };
}
