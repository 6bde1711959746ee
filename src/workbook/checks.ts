/**
 * The Checks sheet: one row per finding, the cell a native HYPERLINK to it, so the report works
 * without the add-in too.
 */
import type { Finding } from '../core';
import { formulaText, quoted } from './names';
import { emptySheet, formula, range, type PlanCell, type SheetPlan } from './plan';

export const CHECKS_SHEET = 'Checks';
export const CHECKS_HEADER = ['Severity', 'Rule', 'Sheet', 'Cell', 'Message', 'Expected', 'Actual'];

/**
 * One report row.
 *
 * @example
 * checksRow({ rule: 'unphased', severity: 'warning', sheet: 'Programme', cell: 'I10', message: 'Not phased' })[3];
 * // { formula: '=HYPERLINK("#\'Programme\'!I10","I10")' }
 */
export function checksRow(finding: Finding): PlanCell[] {
  const cell =
    finding.cell && finding.sheet
      ? formula(
          `=HYPERLINK(${formulaText(`#${quoted(finding.sheet)}!${finding.cell}`)},${formulaText(finding.cell)})`,
          finding.cell,
        )
      : (finding.cell ?? '');
  return [
    finding.severity,
    finding.rule,
    finding.sheet ?? '',
    cell,
    finding.message,
    finding.expected ?? '',
    finding.actual ?? '',
  ];
}

/**
 * Plans the Checks sheet for a list of findings.
 *
 * @example
 * planChecksSheet([]).cells; // [CHECKS_HEADER]
 */
export function planChecksSheet(findings: readonly Finding[]): SheetPlan {
  const plan = emptySheet(CHECKS_SHEET);
  plan.cells = [[...CHECKS_HEADER], ...findings.map(checksRow)];
  plan.bold.push(range(0, 0, 1, CHECKS_HEADER.length));
  plan.freezeRows = 1;
  return plan;
}
