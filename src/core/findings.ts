/**
 * Findings: what a check says about the user's data. A finding is a value, never a throw.
 * Rule ids never change once released: tools and people filter on them.
 */

/** How serious a finding is: `error` must be fixed, `warning` should be looked at, `info` explains. */
export type Severity = 'error' | 'warning' | 'info';

/** Every rule id the engine can report. */
export type RuleId =
  | 'total-mismatch'
  | 'variance-mismatch'
  | 'phasing-mismatch'
  | 'unphased'
  | 'revision-mismatch'
  | 'variance-threshold'
  | 'number-as-text'
  | 'not-a-number'
  | 'negative-budget'
  | 'duplicate-ref'
  | 'phasing-out-of-range'
  | 'unexplained-variance'
  | 'actuals-mismatch'
  | 'slippage-mismatch'
  | 'funding-mismatch'
  | 'funding-unallocated';

/** Every rule id, in a stable order (for reports and documentation). */
export const RULE_IDS: readonly RuleId[] = [
  'total-mismatch',
  'variance-mismatch',
  'phasing-mismatch',
  'unphased',
  'revision-mismatch',
  'variance-threshold',
  'number-as-text',
  'not-a-number',
  'negative-budget',
  'duplicate-ref',
  'phasing-out-of-range',
  'unexplained-variance',
  'actuals-mismatch',
  'slippage-mismatch',
  'funding-mismatch',
  'funding-unallocated',
];

/**
 * One thing a check found.
 *
 * @example
 * const finding: Finding = {
 *   rule: 'total-mismatch', severity: 'error', sheet: 'Programme', cell: 'C13',
 *   message: 'Total 41.0 does not match its rows (44.5): 3.5 more than rounding can explain',
 *   expected: '44.5', actual: '41.0',
 * };
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Worksheet name, when the check ran on a sheet. */
  sheet?: string;
  /** A1 address of the cell that is wrong (e.g. `E10`). */
  cell?: string;
  /** What is wrong and how to put it right, in a finance officer's words. */
  message: string;
  /** What the cell should hold, as printed text (e.g. `44.5`). */
  expected?: string;
  /** What the cell holds, as printed text. */
  actual?: string;
}

/** Result of reading user input: either a value or a message saying what is wrong and how to fix it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Counts findings by severity.
 *
 * @example
 * countBySeverity([{ rule: 'unphased', severity: 'warning', message: '...' }]); // { error: 0, warning: 1, info: 0 }
 */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
