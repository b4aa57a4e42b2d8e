/**
 * ESLint's JSON shapes. Our fields ride on each message: where (page, table, row, tableColumn)
 * and, for a comparison, its figures as numbers with their unit beside the text the message
 * prints (`expected: 1215.34, unit: "万元", expectedText: "1,215.34 万元"`). The numbers are in the
 * unit compared in; each text is in its figure's own unit.
 */
import type { Diagnostic } from '../rules/types.js';
import type { FileResult, FormatContext, LintMessage, SuppressedMessage } from './types.js';

type JsonMessage = Record<string, unknown>;

/** a diagnostic as JSON: its figures as numbers and unit, the printed text kept as …Text */
export function jsonDiagnostic(d: Diagnostic): JsonMessage {
  const { expected, actual, difference, values, tableColumn, ...rest } = d;
  const out: JsonMessage = { ...rest };
  if (tableColumn !== undefined) out.tableColumn = tableColumn;
  if (values) {
    Object.assign(out, { expected: values.expected, actual: values.actual, difference: values.difference, unit: values.unit });
  }
  if (expected !== undefined) out.expectedText = expected;
  if (actual !== undefined) out.actualText = actual;
  if (difference !== undefined) out.differenceText = difference;
  return out;
}

export function jsonMessage(m: LintMessage): JsonMessage {
  return 'fatal' in m ? { ...m } : jsonDiagnostic(m);
}

function jsonSuppressed(m: SuppressedMessage): JsonMessage {
  const { suppressions, ...d } = m;
  return { ...jsonDiagnostic(d), suppressions };
}

/** one file's result as the JSON formats give it (ndjson writes one per line) */
export function jsonResult(r: FileResult): Record<string, unknown> {
  const { filePath, messages, suppressedMessages, ...rest } = r;
  return {
    filePath,
    messages: messages.map(jsonMessage),
    ...(suppressedMessages ? { suppressedMessages: suppressedMessages.map(jsonSuppressed) } : {}),
    ...rest,
  };
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results.map(jsonResult), null, 2);
}

/** ESLint's json-with-metadata: the results, and what each rule is (description, why, severity, docs) */
export function formatJsonWithMetadata(results: FileResult[], context: FormatContext): string {
  return JSON.stringify({ results: results.map(jsonResult), metadata: { rulesMeta: context.rulesMeta } }, null, 2);
}
