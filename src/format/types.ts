/** What every formatter is given: ESLint's result shape per file, and the run's context. */
import type { ChalkInstance } from 'chalk';
import type { Report } from '../model/types.js';
import type { Diagnostic, Severity, SourcePosition } from '../rules/types.js';

/** ESLint's message for a file that could not be linted at all */
export interface FatalMessage {
  ruleId: null;
  fatal: true;
  severity: 2;
  message: string;
}

export type LintMessage = Diagnostic | FatalMessage;

/** why a finding is not counted: an entry of the suppressions file, with its justification */
export interface Suppression {
  kind: 'file';
  justification: string;
}

/** a finding a suppression silenced: reported apart, as ESLint's suppressedMessages */
export type SuppressedMessage = Diagnostic & { suppressions: Suppression[] };

export interface FileResult {
  filePath: string;
  messages: LintMessage[];
  /** findings silenced by a justified suppression; not counted in errorCount or warningCount */
  suppressedMessages?: SuppressedMessage[];
  suppressedCount?: number;
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: 0;
  fixableWarningCount: 0;
}

export function fileResult(filePath: string, messages: LintMessage[]): FileResult {
  const errorCount = messages.filter((m) => m.severity === 2).length;
  return {
    filePath,
    messages,
    errorCount,
    warningCount: messages.length - errorCount,
    fatalErrorCount: messages.filter((m) => 'fatal' in m).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

/** a file that could not be read, modelled or checked: its one message says why */
export function fatalResult(filePath: string, message: string): FileResult {
  return fileResult(filePath, [{ ruleId: null, fatal: true, severity: 2, message }]);
}

/** what a report says about a rule (or a check of the reader) whose id its messages carry */
export interface RuleMeta {
  description: string;
  why?: string;
  /** the severity it ran with (after --rule) */
  severity: Severity;
  /** where it is documented: a README section */
  docs: string;
  /** where a YAML rule is defined (relative to the working directory when inside it); null for the reader's own checks */
  source: SourcePosition | null;
}

/** by rule id; no prototype, since a rule id is the user's text */
export type RulesMeta = Record<string, RuleMeta>;

export interface FormatContext {
  /** paths in reports are made relative to it */
  cwd: string;
  rulesMeta: RulesMeta;
  tool: { name: string; version: string; informationUri: string };
  /** the styles to use when colours are on (chalk, loaded only then: it takes a while); null: no colours */
  color: ChalkInstance | null;
  /** each file's report model by file path, for the formatters that draw tables (only they get it) */
  reports?: ReadonlyMap<string, Report>;
}

export type Formatter = (results: FileResult[], context: FormatContext) => string;
