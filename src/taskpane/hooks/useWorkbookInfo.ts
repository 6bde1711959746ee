/**
 * The state of the add-in's sheets (is there a Programme, its schemes and years, forecast sheets,
 * Monitoring), read when the pane opens and again after every action, so each panel can show an
 * empty state instead of a form that cannot work, and make the next step the primary button.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { PaneActions, WorkbookInfo } from '../services';

/** What the panels know of the workbook; `undefined` fields until the first read returns. */
export interface WorkbookInfoState {
  /** Undefined until the first read has returned. */
  info?: WorkbookInfo;
}

export const WorkbookInfoContext = createContext<WorkbookInfoState>({});

/**
 * Reads the workbook's state now and whenever `changeCount` goes up (after every action).
 *
 * @example
 * const state = useWorkbookInfoState(actions, runner.changeCount);
 */
export function useWorkbookInfoState(actions: PaneActions, changeCount: number): WorkbookInfoState {
  const [info, setInfo] = useState<WorkbookInfo>();
  useEffect(() => {
    let live = true;
    actions.describeWorkbook().then(
      (read) => live && setInfo(read),
      // Not knowing the state only hides the hints: the panels work as before.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [actions, changeCount]);
  return { info };
}

/**
 * The workbook's state for a panel.
 *
 * @example
 * const { info } = useWorkbookInfo();
 * if (info && !info.programme) return <NoProgramme />;
 */
export function useWorkbookInfo(): WorkbookInfoState {
  return useContext(WorkbookInfoContext);
}

/**
 * An example phasing phrase from the programme's own years, for hints and messages: the second
 * to fourth quarters of its first year (`2026/27 Q2-4`), or of the current pattern when unknown.
 *
 * @example
 * examplePhrase({ firstYear: 2026 }); // '2026/27 Q2-4'
 */
export function examplePhrase(info: Pick<WorkbookInfo, 'firstYear'> | undefined): string {
  return `${yearLabel(info?.firstYear ?? 2016)} Q2-4`;
}

/** `2026` as `2026/27` (the pane's hints only; the engine's calendar formats the sheets). */
function yearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/**
 * The programme in one phrase, for hints: its sheet, schemes and years.
 *
 * @example
 * programmeInWords({ programme: true, sheet: 'Programme', schemes: 9, firstYear: 2026, lastYear: 2028, forecastSheets: 0, monitoring: false });
 * // 'Programme holds 9 schemes, 2026/27 to 2028/29'
 */
export function programmeInWords(info: WorkbookInfo): string {
  const schemes = `${info.schemes} scheme${info.schemes === 1 ? '' : 's'}`;
  const years =
    info.firstYear === undefined || info.lastYear === undefined
      ? ''
      : info.firstYear === info.lastYear
        ? `, ${yearLabel(info.firstYear)}`
        : `, ${yearLabel(info.firstYear)} to ${yearLabel(info.lastYear)}`;
  return `${info.sheet ?? 'The Programme sheet'} holds ${schemes}${years}`;
}
