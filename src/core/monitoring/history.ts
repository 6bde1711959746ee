/**
 * The append-only monitoring history: one snapshot per scheme per period gathered, from which
 * "movement since last period" and trend charts come.
 */
import { type Decimal, subtract } from '../money/decimal';
import { compareMonitoringPeriods, formatMonitoringPeriod, type MonitoringPeriod } from './period';

/** A scheme's figures as gathered at one period. */
export interface MonitoringSnapshot {
  ref: string;
  at: MonitoringPeriod;
  inYearBudget: Decimal;
  actualToDate: Decimal;
  inYearForecast: Decimal;
  allYearsForecast: Decimal;
  explanation?: string;
}

/** A snapshot that could not be appended, and why. */
export interface RefusedSnapshot {
  snapshot: MonitoringSnapshot;
  message: string;
}

/**
 * The latest snapshot of a scheme strictly before `at`; `undefined` when there is none.
 *
 * @example
 * previousSnapshot(history, 'ICT-01', { year: 2019, period: 8 }); // the P6 snapshot, say
 */
export function previousSnapshot(
  history: readonly MonitoringSnapshot[],
  ref: string,
  at: MonitoringPeriod,
): MonitoringSnapshot | undefined {
  let best: MonitoringSnapshot | undefined;
  for (const snapshot of history) {
    if (snapshot.ref !== ref || compareMonitoringPeriods(snapshot.at, at) >= 0) continue;
    if (!best || compareMonitoringPeriods(snapshot.at, best.at) >= 0) best = snapshot;
  }
  return best;
}

/** How a scheme's forecasts moved since the last snapshot. */
export interface Movement {
  since: MonitoringPeriod;
  inYearForecast: Decimal;
  allYearsForecast: Decimal;
}

/**
 * Movement of a scheme's forecasts since the last period gathered before `at` (current - last);
 * `undefined` when nothing was gathered before. Exact. A movement into a new year compares the
 * all-years forecast; the in-year movement is then against last year's in-year forecast, as the
 * figures stand.
 *
 * @example
 * movementSinceLastPeriod(history, 'ICT-01', { year: 2019, period: 8 }, fromNumber(2.0), fromNumber(9.4));
 * // { since: { year: 2019, period: 6 }, inYearForecast: -0.2, allYearsForecast: 0 }
 */
export function movementSinceLastPeriod(
  history: readonly MonitoringSnapshot[],
  ref: string,
  at: MonitoringPeriod,
  inYearForecast: Decimal,
  allYearsForecast: Decimal,
): Movement | undefined {
  const last = previousSnapshot(history, ref, at);
  if (!last) return undefined;
  return {
    since: last.at,
    inYearForecast: subtract(inYearForecast, last.inYearForecast),
    allYearsForecast: subtract(allYearsForecast, last.allYearsForecast),
  };
}

/**
 * Appends snapshots to the history without changing what is there. A snapshot for a scheme and
 * period already gathered, or earlier than the scheme's latest, is refused with a message (the
 * history is a record: correct a period by gathering the next one).
 *
 * @example
 * const { history: next, refused } = appendSnapshots(history, snapshotsAtP8);
 */
export function appendSnapshots(
  history: readonly MonitoringSnapshot[],
  snapshots: readonly MonitoringSnapshot[],
): { history: MonitoringSnapshot[]; refused: RefusedSnapshot[] } {
  const latest = new Map<string, MonitoringPeriod>();
  for (const snapshot of history) {
    const known = latest.get(snapshot.ref);
    if (!known || compareMonitoringPeriods(snapshot.at, known) > 0)
      latest.set(snapshot.ref, snapshot.at);
  }
  const next = history.slice();
  const refused: RefusedSnapshot[] = [];
  for (const snapshot of snapshots) {
    const known = latest.get(snapshot.ref);
    if (known && compareMonitoringPeriods(snapshot.at, known) <= 0) {
      const same = compareMonitoringPeriods(snapshot.at, known) === 0;
      refused.push({
        snapshot,
        message: same
          ? `${snapshot.ref} was already gathered at ${formatMonitoringPeriod(snapshot.at)}: the history keeps the first gathering; record a correction at the next period`
          : `${snapshot.ref} is gathered at ${formatMonitoringPeriod(snapshot.at)}, before its latest snapshot (${formatMonitoringPeriod(known)}): set the workbook's period to the current one`,
      });
      continue;
    }
    latest.set(snapshot.ref, snapshot.at);
    next.push(snapshot);
  }
  return { history: next, refused };
}
