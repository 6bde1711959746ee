/**
 * Findings: what a check says about the user's data. A finding is a value, never a throw.
 * Rule ids never change once released: tools and people filter on them.
 */

/** How serious a finding is: `error` must be fixed, `warning` should be looked at, `info` explains. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Every rule the engine can report: its id (never changes once released), what it checks in a
 * finance officer's words, and its severity when nothing softens it (a difference within
 * rounding is reported as `info` whatever the rule). Add a rule by adding one entry here.
 */
export const RULES = [
  {
    id: 'total-mismatch',
    summary: 'A total does not add up to its rows',
    severity: 'error',
  },
  {
    id: 'variance-mismatch',
    summary: 'A variance is not budget minus forecast (or the convention set)',
    severity: 'error',
  },
  {
    id: 'phasing-mismatch',
    summary: "A scheme's period amounts do not add up to its budget",
    severity: 'error',
  },
  { id: 'unphased', summary: 'A scheme has no phasing yet (blank or TBC)', severity: 'warning' },
  {
    id: 'revision-mismatch',
    summary: 'A revised budget is not the approved budget plus its revisions',
    severity: 'warning',
  },
  {
    id: 'variance-threshold',
    summary: 'A variance is over the threshold that needs an explanation',
    severity: 'warning',
  },
  { id: 'number-as-text', summary: 'A figure is stored as text', severity: 'warning' },
  {
    id: 'not-a-number',
    summary: 'A cell in a figure column cannot be read as a figure',
    severity: 'warning',
  },
  { id: 'negative-budget', summary: 'A budget is negative', severity: 'warning' },
  { id: 'duplicate-ref', summary: 'Two schemes share a Ref', severity: 'error' },
  {
    id: 'phasing-out-of-range',
    summary: "A scheme's phasing falls outside the programme's period columns",
    severity: 'warning',
  },
  {
    id: 'unreadable-marker',
    summary: 'A quarter marker under a year column cannot be read (e.g. Q5, "soon")',
    severity: 'error',
  },
  {
    id: 'marker-without-scheme',
    summary: 'Quarter markers on a row with no scheme name and no scheme above',
    severity: 'warning',
  },
  {
    id: 'column-override',
    summary: 'A column override (--column G=variance) cannot apply to the table',
    severity: 'error',
  },
  {
    id: 'unexplained-variance',
    summary: "A variance over the council's threshold has no explanation",
    severity: 'error',
  },
  {
    id: 'actuals-mismatch',
    summary: 'An actual to date does not match the Actuals table (or a ledger line has no scheme)',
    severity: 'error',
  },
  {
    id: 'slippage-mismatch',
    summary: 'Slippage plus under/overspend does not equal the in-year variance',
    severity: 'error',
  },
  {
    id: 'funding-mismatch',
    summary: "A scheme's or a year's financing differs from its spend",
    severity: 'error',
  },
  {
    id: 'funding-unallocated',
    summary: 'Spend has no funding source',
    severity: 'warning',
  },
] as const satisfies readonly { id: string; summary: string; severity: Severity }[];

/** Every rule id the engine can report. */
export type RuleId = (typeof RULES)[number]['id'];

/** Every rule id, in a stable order (for reports and documentation). */
export const RULE_IDS: readonly RuleId[] = RULES.map((rule) => rule.id);

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

/**
 * A finding at a place (a sheet and cell when known), with the figures it compares.
 *
 * @example
 * findingAt('funding-mismatch', 'error', 'Financing 1.2 differs from spend 1.3', { sheet: 'Financing', cell: 'D7' }, { expected: '1.3', actual: '1.2' });
 */
export function findingAt(
  rule: RuleId,
  severity: Severity,
  message: string,
  place: { sheet?: string; cell?: string } | undefined,
  figures: { expected?: string; actual?: string } = {},
): Finding {
  const result: Finding = { rule, severity, message };
  if (place?.sheet !== undefined) result.sheet = place.sheet;
  if (place?.cell !== undefined) result.cell = place.cell;
  if (figures.expected !== undefined) result.expected = figures.expected;
  if (figures.actual !== undefined) result.actual = figures.actual;
  return result;
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
