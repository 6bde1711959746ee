/**
 * Whether the In-year monitoring sheet may move to the period the settings name: the one rule the
 * task pane's Make forecast sheets and Gather follow before rewriting the sheet. Moving on to a
 * later period of the same year replaces the sheet's figures (its explanations and links carry
 * over, the Monitoring history keeps the earlier snapshot), so the officer is asked first. Moving
 * back, or to another financial year, is most likely settings not moved on (or moved too far), so
 * it is refused with what the sheet states, what the settings say and how to put it right. The one
 * deliberate move to another year is the next year after closing the stated one (Close year moves
 * the settings to the next year's P1 and keeps the In-year sheets as the closed year's record).
 */
import {
  compareMonitoringPeriods,
  formatFiscalYear,
  formatMonitoringPeriod,
  type MonitoringPeriod,
  type Month,
} from '../core';
import { IN_YEAR_SHEET } from './inYearMonitoring';
import { REVISION_COLUMNS } from './revisions';
import { closingReference } from './rollover';

/** What moving the In-year monitoring sheet to the settings' period would be. */
export type InYearMove =
  /** The sheet states the settings' period: nothing moves. */
  | { kind: 'same'; at: MonitoringPeriod }
  /**
   * A later period of the same year, or the next year's after the stated year was closed: allowed
   * once the officer says yes. `question` is the sentence to ask.
   */
  | {
      kind: 'moveOn';
      from: MonitoringPeriod;
      to: MonitoringPeriod;
      afterClosing: boolean;
      question: string;
    }
  /** An earlier period of the same year: refused, `message` says why and what to do. */
  | { kind: 'backwards'; from: MonitoringPeriod; to: MonitoringPeriod; message: string }
  /** Another financial year (not the next after closing): refused, `message` says what to do. */
  | { kind: 'otherYear'; from: MonitoringPeriod; to: MonitoringPeriod; message: string };

/**
 * Decides what moving the In-year monitoring sheet from the period it states (`stated`, its D3:E3)
 * to the period the settings name (`settingsSay`) would be; `statedYearClosed` tells whether the
 * Revisions log holds the stated year's closing lines (see `yearClosedInRevisions`).
 *
 * @example
 * inYearMoveOf({ year: 2016, period: 3 }, { year: 2016, period: 6 }, 4, false).kind; // 'moveOn'
 * inYearMoveOf({ year: 2016, period: 6 }, { year: 2016, period: 3 }, 4, false).kind; // 'backwards'
 * inYearMoveOf({ year: 2016, period: 12 }, { year: 2017, period: 1 }, 4, true).kind; // 'moveOn'
 * inYearMoveOf({ year: 2016, period: 12 }, { year: 2017, period: 1 }, 4, false).kind; // 'otherYear'
 */
export function inYearMoveOf(
  stated: MonitoringPeriod,
  settingsSay: MonitoringPeriod,
  startMonth: Month,
  statedYearClosed: boolean,
): InYearMove {
  const from = stated;
  const to = settingsSay;
  const order = compareMonitoringPeriods(from, to);
  if (order === 0) return { kind: 'same', at: to };
  const fromText = formatMonitoringPeriod(from, startMonth);
  const toText = formatMonitoringPeriod(to, startMonth);
  const statedYear = formatFiscalYear(from.year, startMonth);
  const sheetSays = `The '${IN_YEAR_SHEET}' sheet states ${fromText} (its cells D3:E3) but the Settings say ${toText}`;
  const kept =
    'The forecasts, explanations and links to returns carry over, and the Monitoring history keeps the';
  if (from.year === to.year && order < 0)
    return {
      kind: 'moveOn',
      from,
      to,
      afterClosing: false,
      question: `Gathering at ${toText} moves the '${IN_YEAR_SHEET}' sheet (and the Capital budget position) on from ${fromText} to ${toText}: its ${fromText} figures are replaced. ${kept} ${fromText} snapshots already gathered. A copy is kept: "Undo last change" puts ${fromText} back.`,
    };
  if (from.year === to.year)
    return {
      kind: 'backwards',
      from,
      to,
      message: `${sheetSays}, an earlier period: nothing was changed. Moving the sheet back would replace its ${fromText} figures. If ${toText} is a slip, set the Settings' period to ${from.period} (or later); to look at ${toText}, see its snapshots in the Monitoring history.`,
    };
  if (to.year === from.year + 1 && statedYearClosed)
    return {
      kind: 'moveOn',
      from,
      to,
      afterClosing: true,
      question: `${statedYear} is closed and the Settings now say ${toText}: the '${IN_YEAR_SHEET}' sheet (and the Capital budget position) move on from ${fromText} to ${toText}, replacing the closed year's figures on them. ${kept} ${statedYear} snapshots already gathered. A copy is kept: "Undo last change" puts ${fromText} back.`,
    };
  const how =
    to.year === from.year + 1
      ? `To start ${formatFiscalYear(to.year, startMonth)}, close ${statedYear} first (Monitor > Close year, at P12), which moves the Settings on to its P1; otherwise set the Settings back to ${statedYear}.`
      : `Set the Settings' year back to ${statedYear} (a new year starts by closing the one before: Monitor > Close year, at P12).`;
  return {
    kind: 'otherYear',
    from,
    to,
    message: `${sheetSays}, another financial year: nothing was changed. ${how}`,
  };
}

const REFERENCE = REVISION_COLUMNS.indexOf('Reference');

/**
 * Whether the Revisions log (its data rows, from its Ref column) holds the lines closing `year`
 * (reference `Outturn 2016/17`, as Close year writes them).
 *
 * @example
 * yearClosedInRevisions([[..., 'Outturn 2016/17', ...]], 2016, 4); // true
 */
export function yearClosedInRevisions(
  rows: readonly (readonly unknown[])[],
  year: number,
  startMonth: Month,
): boolean {
  const closing = closingReference(year, startMonth);
  return rows.some((row) => {
    const reference = row[REFERENCE];
    return typeof reference === 'string' && reference.trim() === closing;
  });
}

/**
 * What the command line says when the Settings name another period than the In-year monitoring
 * sheet states: it gathers at the sheet's period and never moves the sheet (the task pane's Gather
 * does, after asking), so the officer learns which period was gathered and what to put right;
 * `undefined` when they agree.
 *
 * @example
 * inYearSettingsNote({ year: 2016, period: 3 }, { year: 2016, period: 6 }, 4);
 * // "The Settings say 2016/17 P6 but the 'In-year monitoring' sheet states 2016/17 P3: gathered at 2016/17 P3, ..."
 */
export function inYearSettingsNote(
  stated: MonitoringPeriod,
  settingsSay: MonitoringPeriod,
  startMonth: Month,
): string | undefined {
  const move = inYearMoveOf(stated, settingsSay, startMonth, false);
  if (move.kind === 'same') return undefined;
  const fromText = formatMonitoringPeriod(stated, startMonth);
  const toText = formatMonitoringPeriod(settingsSay, startMonth);
  const gathered = `The Settings say ${toText} but the '${IN_YEAR_SHEET}' sheet states ${fromText}: gathered at ${fromText}, the period the sheet states`;
  if (compareMonitoringPeriods(stated, settingsSay) < 0)
    return `${gathered}. The command line does not move the sheet on: Gather in the task pane does, after asking${move.kind === 'otherYear' ? ` (for ${formatFiscalYear(settingsSay.year, startMonth)}, once ${formatFiscalYear(stated.year, startMonth)} is closed)` : ''}.`;
  return `${gathered}, later than the Settings: move the Settings on to ${fromText} if they are behind.`;
}
