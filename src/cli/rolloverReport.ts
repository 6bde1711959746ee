/**
 * What `rollover` (and `demo --rolled-over`) print after closing a year: each scheme's outturn,
 * slippage carried and under/(over)spend not carried, as text or JSON.
 */
import { formatDecimal, formatFiscalYear, type Decimal } from '../core';
import type { RolloverPlan } from '../workbook';

/**
 * The JSON document of a closed year: each scheme's figures and the Revisions lines added.
 *
 * @example
 * rolloverJson(plan, 'p12.xlsx', '2017-18.xlsx').currentYear; // '2017/18'
 */
export function rolloverJson(plan: RolloverPlan, file: string, out: string) {
  const { result, revisionLines } = plan;
  return {
    file,
    out,
    closedYear: formatFiscalYear(result.closedYear),
    currentYear: formatFiscalYear(result.currentYear),
    schemes: result.schemes.map((scheme) => ({
      ref: scheme.ref,
      closingBudget: formatDecimal(scheme.closingBudget),
      outturn: formatDecimal(scheme.outturn),
      slippage: formatDecimal(scheme.slippage),
      underOverspend: formatDecimal(scheme.underOverspend),
      allYearsBefore: formatDecimal(scheme.allYearsBefore),
      allYearsAfter: formatDecimal(scheme.allYearsAfter),
    })),
    revisions: revisionLines,
  };
}

/**
 * The closed year in words: the lines added to the log, and each scheme that changed.
 *
 * @example
 * rolloverText(plan, '2017-18.xlsx'); // 'Closed 2016/17 and wrote 2017-18.xlsx with 2017/18 current: 7 lines ...'
 */
export function rolloverText(plan: RolloverPlan, out: string): string {
  const { result, revisionLines } = plan;
  const closed = formatFiscalYear(result.closedYear);
  const current = formatFiscalYear(result.currentYear);
  const changed = result.schemes.filter((scheme) => scheme.revisions.length > 0);
  // Every figure to the same places, as a table prints them (2.60 of 2.48, not 2.6 of 2.48).
  const places = Math.max(
    0,
    ...changed.flatMap((scheme) =>
      [scheme.outturn, scheme.closingBudget, scheme.allYearsBefore, scheme.allYearsAfter].map(
        (figure) => figure.scale,
      ),
    ),
  );
  const f = (figure: Decimal) => formatDecimal(figure, places);
  const lines = changed.map(
    (scheme) =>
      `  ${scheme.ref}: outturn ${f(scheme.outturn)} of ${f(scheme.closingBudget)}; ` +
      `slippage carried ${f(scheme.slippage)}; under/(over)spend not carried ${f(scheme.underOverspend)}; ` +
      `all years ${f(scheme.allYearsBefore)} -> ${f(scheme.allYearsAfter)}\n`,
  );
  return (
    `Closed ${closed} and wrote ${out} with ${current} current: ${revisionLines.length} lines added to the Revisions log.\n` +
    lines.join('') +
    `The In-year monitoring, returns and history stay as the record of ${closed}; set up ${current}'s monitoring with the add-in's Monitor.\n`
  );
}
