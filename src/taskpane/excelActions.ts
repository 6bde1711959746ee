/**
 * Connects the pane's {@link PaneActions} to the Office.js adapter in `src/excel`: maps options,
 * turns the adapter's results into outcomes with a summary in a finance officer's words, and asks
 * the pane's dialog before anything non-empty is overwritten.
 */
import type * as ExcelAdapterModule from '../excel';
import type {
  ActionResult,
  MonitoringResult,
  OverwriteNotice,
  Progress,
  RunOptions,
} from '../excel/types';
import {
  abs,
  formatDecimal,
  formatFiscalYear,
  fromNumber,
  sum,
  toNumber,
  type Month,
} from '../core';
import type {
  ActionContext,
  ActualsPreview,
  ActualsResult,
  CheckReport,
  CheckScope,
  ForecastSheet,
  InYearProblem,
  InYearSummary,
  MonitoringSummary,
  OffTargetScheme,
  OverwriteQuestion,
  Outcome,
  PaneActions,
  PaneSettings,
  Rag,
  RevisionInput,
  VarianceStatus,
} from './services';
import { DEFAULT_SETTINGS } from './services';
import { qualifiedAddress } from './sheetReference';

/** The adapter functions the pane uses (the `src/excel` module, or a stand-in in tests). */
export type ExcelAdapter = Pick<
  typeof ExcelAdapterModule,
  | 'setUpProgramme'
  | 'previewSelection'
  | 'importSelection'
  | 'phaseSchemes'
  | 'recordRevision'
  | 'listSchemes'
  | 'previewRollover'
  | 'closeTheYear'
  | 'generateForecastSheets'
  | 'gatherForecasts'
  | 'checkProgramme'
  | 'checkSelection'
  | 'checkSheet'
  | 'writeChecksReport'
  | 'highlightFindings'
  | 'clearHighlights'
  | 'selectCell'
  | 'addPhasingChart'
  | 'addBudgetForecastChart'
  | 'addTrendChart'
  | 'readLedgerSelection'
  | 'previewActuals'
  | 'bringInActuals'
  | 'readSettings'
  | 'saveSettings'
  | 'saveColumnReading'
  | 'lastChange'
  | 'changeHistory'
  | 'undoLastChange'
  | 'describeWorkbook'
>;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/**
 * The dialog question for an adapter's overwrite notice.
 *
 * @example
 * questionFor({ action: 'Phase schemes', sheet: 'Programme', address: 'M2:X9', cellCount: 3, examples: [], message: '...' }).title;
 * // 'Replace 3 filled cells on Programme?'
 */
export function questionFor(notice: OverwriteNotice): OverwriteQuestion {
  // Closing the year lists every cell it changes (Cell, Now, Becomes), not only filled ones.
  if (notice.action === 'Close the year')
    return {
      title: `Close the year: change ${plural(notice.cellCount, 'cell')}?`,
      message: notice.message,
      examples: notice.examples,
      confirmLabel: 'Close the year',
    };
  return {
    // Moving the In-year sheet on names its own question ("Move In-year monitoring on from ...?").
    title: notice.title ?? `Replace ${plural(notice.cellCount, 'filled cell')} on ${notice.sheet}?`,
    // The adapter's sentence already says what is replaced and that Undo brings it back.
    message: notice.message,
    examples: notice.examples,
    confirmLabel: notice.confirmLabel ?? 'Replace',
  };
}

function runOptions(context: ActionContext): RunOptions {
  return {
    signal: context.signal,
    confirm: (notice) => context.confirmOverwrite(questionFor(notice)),
    onProgress: (progress: Progress) =>
      context.onProgress({
        fraction: progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined,
        label: progress.stage,
      }),
  };
}

function outcome<T, U>(
  result: ActionResult<T>,
  summarise: (value: T) => string,
  map: (value: T) => U,
): Outcome<U> {
  if (!result.ok) return { ok: false, message: result.message, cancelled: result.cancelled };
  return { ok: true, value: map(result.value), summary: summarise(result.value) };
}

const same = <T>(value: T): T => value;

/**
 * What making forecast sheets did, in words: sheets made, and sheets already there that were kept
 * as they were (regression: "2 forecast sheets made" when both were kept).
 *
 * @example
 * forecastSheetsSentence([{ holder: 'A', sheet: 'Forecast - A', schemes: 2, kept: true }]);
 * // 'No forecast sheet made: 1 was already there and kept as it was (it may hold forecasts).'
 */
export function forecastSheetsSentence(sheets: readonly ForecastSheet[]): string {
  const kept = sheets.filter((sheet) => sheet.kept).length;
  const made = sheets.length - kept;
  const madeText =
    made === 0
      ? 'No forecast sheet made'
      : `${plural(made, 'forecast sheet')} made, one per budget holder; only forecast cells are open`;
  if (kept === 0) return `${madeText}.`;
  return `${madeText}: ${kept === 1 ? '1 was' : `${kept.toLocaleString('en-GB')} were`} already there and kept as ${kept === 1 ? 'it was' : 'they were'} (${kept === 1 ? 'it' : 'they'} may hold forecasts).`;
}

/**
 * A revision in words, with no double negative: the kind says the direction, the amount is shown
 * without its sign ("Reduction of 0.250 (£m) for CP-003"); a virement says out of or into.
 *
 * @example
 * revisionSentence({ kind: 'reduction', amount: decimal(-250, 3), ref: 'CP-003' }, '£m'); // 'Reduction of 0.250 (£m) for CP-003'
 * revisionSentence({ kind: 're-profile', amount: decimal(4, 1), ref: 'CP-003', fromYear: 2026, toYear: 2027 }, '£m');
 * // 'Re-profile of 0.4 (£m) within CP-003 from 2026/27 to 2027/28'
 */
export function revisionSentence(
  revision: Pick<RevisionInput, 'kind' | 'amount' | 'ref' | 'fromYear' | 'toYear'>,
  unit: string,
  startMonth: Month = DEFAULT_SETTINGS.fiscalYearStartMonth as Month,
): string {
  const size = `${formatDecimal(abs(revision.amount))} (${unit})`;
  switch (revision.kind) {
    case 'addition':
      return `Addition of ${size} to ${revision.ref}`;
    case 'reduction':
      return `Reduction of ${size} from ${revision.ref}`;
    case 'virement':
      return revision.amount.units < 0
        ? `Virement of ${size} out of ${revision.ref}`
        : `Virement of ${size} into ${revision.ref}`;
    case 're-profile':
      return revision.fromYear !== undefined && revision.toYear !== undefined
        ? `Re-profile of ${size} within ${revision.ref} from ${formatFiscalYear(revision.fromYear, startMonth)} to ${formatFiscalYear(revision.toYear, startMonth)}`
        : `Re-profile of ${size} within ${revision.ref}`;
  }
}

/**
 * Counts the monitoring lines by status and RAG, and lists the schemes off target, largest
 * variance first (at most `limit`).
 *
 * @example
 * summariseMonitoring({ sheet: 'Monitoring', schemes: [], areas: [], total: { name: 'Total', budget: 0, forecast: null, variance: null, status: 'No forecast' } }).schemes; // 0
 */
export function summariseMonitoring(
  result: MonitoringResult,
  limit = 10,
  startMonth = 4,
): MonitoringSummary {
  const byStatus: Record<VarianceStatus, number> = {
    'On target': 0,
    Underspend: 0,
    Overspend: 0,
    'No forecast': 0,
  };
  const byRag: Record<Rag, number> = { Green: 0, Amber: 0, Red: 0 };
  for (const line of result.schemes) {
    byStatus[line.status]++;
    if (line.rag) byRag[line.rag]++;
  }
  const offTarget: OffTargetScheme[] = result.schemes
    .filter((line) => line.status === 'Overspend' || line.status === 'Underspend')
    .sort((a, b) => Math.abs(b.variance ?? 0) - Math.abs(a.variance ?? 0))
    .slice(0, limit)
    .map((line) => ({
      ref: line.ref,
      name: line.name,
      status: line.status,
      rag: line.rag,
      variance: line.variance,
    }));
  // Like with like: a scheme without a forecast adds neither budget nor forecast to the totals,
  // or every missing forecast would read as an underspend of its whole budget.
  const forecast = result.schemes.filter((line) => line.forecast !== null);
  const exactSum = (figures: number[]) => toNumber(sum(figures.map(fromNumber)));
  return {
    sheet: result.sheet,
    schemes: result.schemes.length,
    byStatus,
    byRag,
    totalBudget: exactSum(forecast.map((line) => line.budget)),
    totalForecast: forecast.length ? exactSum(forecast.map((line) => line.forecast ?? 0)) : null,
    totalVariance: forecast.length ? exactSum(forecast.map((line) => line.variance ?? 0)) : null,
    withForecast: forecast.length,
    missingForecast: result.schemes.length - forecast.length,
    programmeBudget: result.total.budget,
    offTarget,
    ...(result.inYear ? { inYear: summariseInYearGathering(result.inYear, startMonth) } : {}),
  };
}

/**
 * A problem's sheet and cell, when its words name one: `'Sheet'!I5`, or `'Sheet' row 5` (its
 * first cell), as the gathering words them.
 *
 * @example
 * problemWithCell("the in-year forecast for CP-001 ('Forecast - Head of ICT'!I5) is not a figure");
 * // { text: ..., sheet: 'Forecast - Head of ICT', cell: 'I5' }
 */
export function problemWithCell(text: string): InYearProblem {
  const cell = /'((?:[^']|'')+)'!\$?([A-Z]{1,3})\$?(\d+)/.exec(text);
  if (cell) return { text, sheet: cell[1].replace(/''/g, "'"), cell: `${cell[2]}${cell[3]}` };
  const row = /'((?:[^']|'')+)' row (\d+)/.exec(text);
  if (row) return { text, sheet: row[1].replace(/''/g, "'"), cell: `A${row[2]}` };
  return { text };
}

const periodText = (at: { year: number; period: number }, startMonth: number) =>
  `${formatFiscalYear(at.year, startMonth as Month)} P${at.period}`;

/**
 * What Gather did to the in-year sheets, for the pane: the period in words, counts, and each
 * problem with its cell.
 *
 * @example
 * summariseInYearGathering({ at: { year: 2016, period: 3 }, updated: 9, appended: 9, refused: [], problems: [] }, 4).period; // '2016/17 P3'
 */
export function summariseInYearGathering(
  inYear: NonNullable<MonitoringResult['inYear']>,
  startMonth = 4,
): InYearSummary {
  return {
    ...(inYear.at ? { period: periodText(inYear.at, startMonth) } : {}),
    updated: inYear.updated,
    appended: inYear.appended,
    refused: inYear.refused,
    problems: inYear.problems.map(problemWithCell),
    added: inYear.added ?? [],
    ...(inYear.movedFrom ? { movedFrom: periodText(inYear.movedFrom, startMonth) } : {}),
  };
}

/**
 * The in-year part of Gather's sentence.
 *
 * @example
 * inYearSentence({ period: '2016/17 P3', updated: 9, appended: 9, refused: [], problems: [], added: [] });
 * // ' In-year monitoring 2016/17 P3: 9 schemes updated, 9 snapshots added to Monitoring history.'
 */
export function inYearSentence(inYear: InYearSummary): string {
  const at = inYear.period ? ` ${inYear.period}` : '';
  const refused =
    inYear.appended === 0 && inYear.refused.length > 0
      ? `no snapshot added: ${inYear.refused[0]}`
      : `${plural(inYear.appended, 'snapshot')} added to Monitoring history`;
  const problems =
    inYear.problems.length > 0 ? `; ${plural(inYear.problems.length, 'problem')} listed below` : '';
  return ` In-year monitoring${at}: ${plural(inYear.updated, 'scheme')} updated, ${refused}${problems}.`;
}

/**
 * What a ledger preview found, in one sentence.
 *
 * @example
 * actualsPreviewSentence({ lines: 3, total: '0.2', unit: '£m', unknownRefs: 1, repeats: 0, alreadyIn: 0, unreadable: 0 } as ActualsPreview);
 * // '3 ledger lines for schemes in the programme (0.2 £m); 1 line needs your decision or correction: see below.'
 */
export function actualsPreviewSentence(preview: ActualsPreview): string {
  const asking = preview.unknownRefs + preview.repeats + preview.alreadyIn + preview.unreadable;
  return (
    `${plural(preview.lines, 'ledger line')} for schemes in the programme (${preview.total} ${preview.unit})` +
    (asking > 0
      ? `; ${plural(asking, 'line needs', 'lines need')} your decision or correction: see below.`
      : '; every line is readable and new.')
  );
}

/**
 * What bringing in actuals did, with everything left out counted.
 *
 * @example
 * actualsResultSentence({ sheet: 'Actuals', added: 3, firstRow: 2, lastRow: 4, total: 0.2, unit: '£m', created: true, leftOut: { unknownRefs: 1, repeats: 0, alreadyIn: 0, unreadable: 0 } });
 * // '3 lines added to Actuals (rows 2 to 4, 0.2 £m). Left out: 1 line with an unknown ref.'
 */
export function actualsResultSentence(result: ActualsResult): string {
  const { leftOut } = result;
  const parts = [
    leftOut.unknownRefs > 0 ? `${plural(leftOut.unknownRefs, 'line')} with an unknown ref` : '',
    leftOut.repeats > 0 ? `${plural(leftOut.repeats, 'repeated line')}` : '',
    leftOut.alreadyIn > 0 ? `${plural(leftOut.alreadyIn, 'line')} already in Actuals` : '',
    leftOut.unreadable > 0 ? `${plural(leftOut.unreadable, 'unreadable row')}` : '',
  ].filter((part) => part !== '');
  return (
    `${plural(result.added, 'line')} added to ${result.sheet} (rows ${result.firstRow} to ${result.lastRow}, ${result.total} ${result.unit}).` +
    (parts.length > 0 ? ` Left out: ${parts.join(', ')}.` : '') +
    ' The In-year monitoring sheet counts them in Actual to date.'
  );
}

/**
 * Runs a check on the scope and says what it found. A sheet named after a correction is checked
 * by name, so the check runs on the sheet whose reading was corrected even if another is active.
 */
async function checkOutcome(
  excel: ExcelAdapter,
  scope: CheckScope,
  sheet: string | undefined,
  context: ActionContext,
): Promise<Outcome<CheckReport>> {
  const options = runOptions(context);
  const result =
    scope === 'programme'
      ? await excel.checkProgramme(options)
      : scope === 'selection'
        ? await excel.checkSelection(options)
        : await excel.checkSheet(sheet, options);
  return outcome(
    result,
    (value) =>
      value.findings.length === 0
        ? `No problems found in ${qualifiedAddress(value.sheet, value.address)}.`
        : `${plural(value.counts.error, 'error')}, ${plural(value.counts.warning, 'warning')} and ${plural(value.counts.info, 'note')} in ${qualifiedAddress(value.sheet, value.address)}.`,
    (value) => ({
      sheet: value.sheet,
      address: qualifiedAddress(value.sheet, value.address),
      findings: value.findings,
      ...(value.reading ? { reading: value.reading } : {}),
      ...(value.correction ? { correction: value.correction } : {}),
      ...(value.readingNotice ? { readingNotice: value.readingNotice } : {}),
    }),
  );
}

/**
 * The pane's actions over the Office.js adapter.
 *
 * @example
 * import * as excel from '../excel';
 * const actions = createExcelActions(excel);
 */
export function createExcelActions(excel: ExcelAdapter): PaneActions {
  let unit: PaneSettings['unit'] = DEFAULT_SETTINGS.unit;
  // The month the financial year starts, for naming periods (kept with the settings).
  let startMonth = DEFAULT_SETTINGS.fiscalYearStartMonth;
  return {
    async setUpProgramme(request, context) {
      const result = await excel.setUpProgramme(
        {
          firstYear: request.firstYear,
          lastYear: request.lastYear,
          periods: request.periods,
          unit: request.unit,
          withSample: request.fillWithSample,
        },
        runOptions(context),
      );
      return outcome(
        result,
        (value) =>
          `${value.sheet} sheet ready with ${plural(value.periodHeaders.length, request.periods === 'quarter' ? 'quarter column' : 'year column')}` +
          (value.periodHeaders.length > 0
            ? ` (${value.periodHeaders[0]} to ${value.periodHeaders[value.periodHeaders.length - 1]})`
            : '') +
          // Without samples the table's one row is blank, for the first scheme: not a scheme yet.
          (request.fillWithSample && value.rows > 0
            ? ` and ${plural(value.rows, 'scheme')}.`
            : ': fill in the first row to add a scheme.'),
        (value) => ({ sheet: value.sheet, rows: value.rows, periodHeaders: value.periodHeaders }),
      );
    },
    async previewImport(context) {
      const result = await excel.previewSelection(runOptions(context));
      return outcome(
        result,
        (value) =>
          `Read ${value.address}: ${plural(value.schemeRows, 'scheme row')}. Check the column roles below.`,
        same,
      );
    },
    async importProgramme(preview, context) {
      const result = await excel.importSelection(preview, runOptions(context));
      return outcome(
        result,
        (value) =>
          `Programme table built on ${value.sheet} with ${plural(value.rows, 'scheme')}. ${preview.address} is unchanged.`,
        same,
      );
    },
    async phase(scope, context) {
      const result = await excel.phaseSchemes({
        ...runOptions(context),
        onlySelected: scope === 'selected',
      });
      return outcome(
        result,
        (value) =>
          `${plural(value.phased, 'scheme')} phased` +
          (value.unphased.length ? `; ${value.unphased.length} not yet phased (TBC)` : '') +
          (value.errors.length ? `; ${value.errors.length} could not be read (see below)` : '') +
          '.',
        (value) => ({
          phased: value.phased,
          unphased: value.unphased.map((row) => ({ ...row, sheet: 'Programme' })),
          errors: value.errors.map((row) => ({ ...row, sheet: 'Programme' })),
        }),
      );
    },
    async previewRollover(context) {
      const result = await excel.previewRollover(runOptions(context));
      return outcome(
        result,
        (value) =>
          `Closing ${value.closing} adds ${plural(value.lines.length, 'Revisions line')} and re-phases ${plural(value.schemes, 'scheme')}.`,
        same,
      );
    },
    async closeTheYear(context) {
      const result = await excel.closeTheYear(runOptions(context));
      return outcome(
        result,
        (value) =>
          `${value.preview.closing} closed: ${plural(value.preview.lines.length, 'line')} added to ${value.revisionsSheet} (${value.revisionsAddress}), ${plural(value.preview.schemes, 'scheme')} re-phased; ${value.preview.next} is now the year being monitored.`,
        same,
      );
    },
    async listSchemes() {
      const result = await excel.listSchemes();
      return outcome(result, (value) => `${plural(value.length, 'scheme')}.`, same);
    },
    async recordRevision(revision, context) {
      const result = await excel.recordRevision(
        { ...revision, amount: toNumber(revision.amount) },
        runOptions(context),
      );
      return outcome(
        result,
        (value) =>
          `${revisionSentence(revision, unit, startMonth as Month)} recorded on row ${value.row} of Revisions.`,
        same,
      );
    },
    async generateForecastSheets(context) {
      const result = await excel.generateForecastSheets(runOptions(context));
      return outcome(
        result,
        (value) => {
          const started = value.monitoring;
          if (!started) return forecastSheetsSentence(value.sheets);
          const at = periodText(started.at, startMonth);
          const how =
            started.added.length > 0
              ? ` Monitoring ${at}: ${started.added.join(', ')} added.`
              : started.movedFrom
                ? ` In-year monitoring moved on from ${periodText(started.movedFrom, startMonth)} to ${at}.`
                : ` Monitoring ${at}.`;
          return `${forecastSheetsSentence(value.sheets)}${how}`;
        },
        (value) => value.sheets,
      );
    },
    async gatherForecasts(context) {
      const result = await excel.gatherForecasts(runOptions(context));
      return outcome(
        result,
        (value) => {
          const summary = summariseMonitoring(value, 10, startMonth);
          return `${value.sheet} sheet written: ${plural(summary.schemes, 'scheme')}, ${summary.byStatus.Overspend} over and ${summary.byStatus.Underspend} under budget, ${summary.byStatus['No forecast']} without a forecast.${summary.inYear ? inYearSentence(summary.inYear) : ''}`;
        },
        (value) => summariseMonitoring(value, 10, startMonth),
      );
    },
    async check(scope, context) {
      return checkOutcome(excel, scope, undefined, context);
    },
    async correctReading(scope, sheet, columns, context) {
      const saved = await excel.saveColumnReading(sheet, columns);
      if (!saved.ok) return { ok: false, message: saved.message, cancelled: saved.cancelled };
      const checked = await checkOutcome(excel, scope, sheet, context);
      if (!checked.ok) return checked;
      const entries = Object.entries(saved.value.columns);
      const what =
        entries.length === 0
          ? `Reading of ${sheet} reset: Check reads its columns itself again.`
          : `Reading of ${sheet} saved (${entries.map(([c, v]) => `${c} = ${v}`).join(', ')}); Undo forgets it.`;
      return { ...checked, summary: `${what} ${checked.summary}`, undoable: true };
    },
    async selectCell(sheet, cell) {
      const result = await excel.selectCell(sheet ?? '', cell);
      return outcome(
        result,
        () => `Selected ${cell}.`,
        () => undefined,
      );
    },
    async highlightFindings(findings) {
      const result = await excel.highlightFindings(findings);
      return outcome(
        result,
        (value) =>
          `${plural(value.cells, 'cell')} highlighted. "Clear highlight" restores their fill.`,
        (value) => value.cells,
      );
    },
    async clearHighlights() {
      const result = await excel.clearHighlights();
      return outcome(
        result,
        (value) => `Highlight cleared from ${plural(value.cells, 'cell')}.`,
        (value) => value.cells,
      );
    },
    async writeChecksSheet(findings, context) {
      const result = await excel.writeChecksReport(findings, runOptions(context));
      return outcome(result, (value) => `Findings written to the ${value.sheet} sheet.`, same);
    },
    async createChart(kind, context) {
      const result =
        kind === 'phasing'
          ? await excel.addPhasingChart(runOptions(context))
          : kind === 'trend'
            ? await excel.addTrendChart(runOptions(context))
            : await excel.addBudgetForecastChart(runOptions(context));
      return outcome(
        result,
        (value) =>
          value.existing
            ? `The chart on ${value.sheet} is already there and follows the figures: shown, not made again. To chart a changed set of columns, delete that sheet and chart again.`
            : value.updated
              ? `The chart on ${value.sheet} now runs to the latest period gathered.`
              : `Chart added on ${value.sheet}.`,
        (value) => ({ sheet: value.sheet }),
      );
    },
    async readLedgerSelection(context) {
      const result = await excel.readLedgerSelection(runOptions(context));
      return outcome(
        result,
        (value) =>
          `Read ${value.source}: ${plural(Math.max(0, value.rows.length - 1), 'ledger line')}. Check the columns below.`,
        same,
      );
    },
    async previewActuals(request, context) {
      const result = await excel.previewActuals(
        request.ledger,
        request.mapping,
        request.ledgerUnit,
        runOptions(context),
      );
      return outcome(result, actualsPreviewSentence, same);
    },
    async bringInActuals(request, choices, context) {
      const result = await excel.bringInActuals(
        request.ledger,
        request.mapping,
        request.ledgerUnit,
        choices,
        runOptions(context),
      );
      return outcome(result, actualsResultSentence, same);
    },
    async loadSettings() {
      const result = await excel.readSettings();
      const settings = result.ok ? result.value : DEFAULT_SETTINGS;
      unit = settings.unit;
      startMonth = settings.fiscalYearStartMonth;
      return settings;
    },
    async saveSettings(settings) {
      const result = await excel.saveSettings(settings);
      if (result.ok) {
        unit = result.value.unit;
        startMonth = result.value.fiscalYearStartMonth;
      }
      return outcome(
        result,
        () => 'Settings saved in this workbook.',
        () => undefined,
      );
    },
    async lastChange() {
      return excel.lastChange()?.label;
    },
    async changeHistory() {
      return excel.changeHistory();
    },
    async describeWorkbook() {
      const result = await excel.describeWorkbook();
      // Not knowing the workbook's state only hides the next-step hints.
      return result.ok
        ? result.value
        : { programme: false, schemes: 0, forecastSheets: 0, monitoring: false };
    },
    async undoLastChange() {
      const result = await excel.undoLastChange();
      return outcome(
        result,
        (value) => `${value.label} undone: the cells are as they were before it.`,
        (value) => value.label,
      );
    },
  };
}
