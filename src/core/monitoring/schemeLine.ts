/**
 * A scheme's monitoring line at a period, as the In-year monitoring sheet shows it: the engine's
 * figures (monitorScheme) and the movement of its forecast since the last gathering in the history.
 * One function, so the demo, the command line and the tests work the line out the same way.
 */
import { movementSinceLastPeriod, type Movement, type MonitoringSnapshot } from './history';
import {
  monitorScheme,
  type InYearMonitoringRow,
  type InYearSettings,
  type SchemeAtPeriod,
} from './inYear';

/** A scheme's line of the report and, when it was gathered before, how its forecast moved. */
export interface SchemeLine {
  row: InYearMonitoringRow;
  movement?: Movement;
}

/**
 * The monitoring line for a scheme at a period: its in-year and all-years figures, flag, RAG and
 * the movement since the latest snapshot in `history` before the period (none when it was never
 * gathered before).
 *
 * @example
 * const { row, movement } = monitoringLineAt(
 *   { ref: 'ICT-01', approvedPhasing, actualToDate: fromNumber(1.1), inYearForecast: fromNumber(2.0) },
 *   { at: { year: 2019, period: 8 }, thresholds: { percent: 10 } },
 *   history,
 * );
 * movement?.since; // { year: 2019, period: 6 }
 */
export function monitoringLineAt(
  scheme: SchemeAtPeriod,
  settings: InYearSettings,
  history: readonly MonitoringSnapshot[] = [],
): SchemeLine {
  const row = monitorScheme(scheme, settings);
  const movement = movementSinceLastPeriod(
    history,
    scheme.ref,
    settings.at,
    row.inYearForecast,
    row.allYearsForecast,
  );
  return movement ? { row, movement } : { row };
}

/**
 * The snapshot a gathering at a period appends to the history for a scheme's line.
 *
 * @example
 * snapshotOf(row, { year: 2016, period: 8 }); // { ref: 'CP-001', at: { year: 2016, period: 8 }, inYearBudget: 2.6, ... }
 */
export function snapshotOf(
  row: InYearMonitoringRow,
  at: MonitoringSnapshot['at'],
): MonitoringSnapshot {
  const snapshot: MonitoringSnapshot = {
    ref: row.ref,
    at,
    inYearBudget: row.inYearRevised,
    actualToDate: row.actualToDate,
    inYearForecast: row.inYearForecast,
    allYearsForecast: row.allYearsForecast,
  };
  if (row.explanation !== '') snapshot.explanation = row.explanation;
  return snapshot;
}
