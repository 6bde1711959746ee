/**
 * `capital-planner consolidate`: copies budget holders' forecasts into the master's Monitoring
 * sheet and writes the result to a new file. The master and the returns are only read.
 */
import { formatMonitoringPeriod, toNumber } from '../../core';
import { findForecastTable, type ForecastTable } from '../../xlsx/consolidate/forecastTable';
import { linkedCell } from '../../xlsx/consolidate/forecastLink';
import {
  planConsolidation,
  type CellTarget,
  type ReturnOutcome,
  type ReturnTables,
} from '../../xlsx/consolidate/planConsolidation';
import { refreshResults, settingsOf } from '../../xlsx/consolidate/refreshResults';
import {
  gatherInYear,
  inYearBudgets,
  type GatheredForecast,
  type InYearGathering,
} from '../../xlsx/consolidate/inYearGathering';
import type { Parsed } from '../../core';
import { gridsOfWorkbook, loadWorkbook, type WorkbookGrids } from '../../xlsx/readWorkbook';
import { writeWorkbookAtomically } from '../../xlsx/writeWorkbook';
import { readCommandLine } from '../args';
import { CONSOLIDATE_HELP } from '../help';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_UNREADABLE,
  fileMessage,
  usageError,
  type CliIo,
  samePath,
} from '../io';
import { runJobs } from '../workerPool';

interface ConsolidateFlags {
  out?: string;
  json?: boolean;
}

/** The master's sheet that receives the forecasts, when it is there. */
const MONITORING_SHEET = 'monitoring';

const FORMULA_TYPE = 6;

/** How the task pane names a budget holder's forecast sheet ('Forecast - Head of ICT'). */
const FORECAST_SHEET_PREFIX = 'forecast - ';

/**
 * Runs `consolidate` with the words after the command name; returns the exit status.
 *
 * @example
 * await runConsolidate(['master.xlsx', 'returns/it.xlsx', '--out', 'p8.xlsx'], processIo()); // 0, 1 or 2
 */
export async function runConsolidate(args: readonly string[], io: CliIo): Promise<number> {
  const line = readCommandLine<ConsolidateFlags>(
    args,
    { out: { type: 'string' }, json: { type: 'boolean' } },
    CONSOLIDATE_HELP,
    io,
  );
  if (line.done) return line.exitStatus;
  const { values, positionals } = line;
  const [masterFile, ...returnFiles] = positionals;
  if (!masterFile || returnFiles.length === 0)
    return usageError(
      io,
      'name the master workbook and at least one return, e.g. consolidate master.xlsx returns/*.xlsx --out p8.xlsx',
    );
  if (!values.out)
    return usageError(
      io,
      'say where to write the consolidated workbook with --out FILE (the master is never changed)',
    );
  const out = values.out;
  for (const input of positionals) {
    if (await samePath(input, out))
      return usageError(
        io,
        `--out '${out}' is one of the inputs: write to a new file, the inputs are never changed`,
      );
  }

  const loaded = await loadWorkbook(masterFile);
  if (!loaded.ok) {
    io.err(`${fileMessage(masterFile, loaded.message)}\n`);
    return EXIT_UNREADABLE;
  }
  const masterGrids = gridsOfWorkbook(loaded.value);
  if (!masterGrids.ok) {
    io.err(`${fileMessage(masterFile, masterGrids.message)}\n`);
    return EXIT_UNREADABLE;
  }
  const byName = masterGrids.value.grids.find(
    (grid) => grid.sheet?.toLowerCase() === MONITORING_SHEET,
  );
  const masterTable: ForecastTable | undefined = byName
    ? findForecastTable(byName)
    : masterGrids.value.grids.map(findForecastTable).find((table) => table !== undefined);
  if (!masterTable) {
    io.err(
      `${fileMessage(masterFile, "has no Monitoring sheet with a header row naming Ref and Forecast: it cannot take the returns' forecasts")}\n`,
    );
    return EXIT_UNREADABLE;
  }
  const worksheet = loaded.value.getWorksheet(masterTable.sheet);
  if (!worksheet) throw new Error(`sheet ${masterTable.sheet} vanished`);
  const forecastColumn = masterTable.sheetColumn(masterTable.forecast);

  const returns: ReturnTables[] = [];
  const unreadable: { file: string; message: string }[] = [];
  const noForecastSheet: ReturnOutcome[] = [];
  // The returns are read on worker threads, one per core, and taken in the order named.
  const reads = await runJobs<Parsed<WorkbookGrids>>(
    returnFiles.map((file) => ({ kind: 'read', file })),
  );
  for (const [index, file] of returnFiles.entries()) {
    const read = reads[index];
    if (!read.ok) {
      unreadable.push({ file, message: read.message });
      continue;
    }
    const found = read.value.grids
      .map(findForecastTable)
      .filter((table): table is ForecastTable => table !== undefined);
    // The task pane names a budget holder's sheet 'Forecast - <holder>': when a return has such
    // sheets, only they are returns (a whole copy of the master also has a Monitoring sheet).
    const named = found.filter((table) =>
      table.sheet.toLowerCase().startsWith(FORECAST_SHEET_PREFIX),
    );
    const tables = named.length > 0 ? named : found;
    if (tables.length === 0) {
      noForecastSheet.push({
        file,
        sheet: '',
        copied: false,
        schemes: 0,
        problems: ['has no forecast sheet (a header row naming Ref and Forecast)'],
      });
    }
    returns.push({ file, tables });
  }

  const forecastTarget = (sheetRow: number): CellTarget | undefined => {
    const cell = worksheet.getCell(sheetRow, forecastColumn);
    if (cell.type !== FORMULA_TYPE)
      return { sheet: worksheet.name, row: sheetRow, column: forecastColumn };
    const link = linkedCell(cell.formula);
    const linkedSheet = link && loaded.value.getWorksheet(link.sheet);
    return link && linkedSheet ? { ...link, sheet: linkedSheet.name } : undefined;
  };
  const budgetsInYear = inYearBudgets(loaded.value);
  const plan = planConsolidation(masterTable, returns, forecastTarget, (ref) =>
    budgetsInYear.get(ref.toLowerCase()),
  );
  for (const write of plan.writes) {
    const sheet = loaded.value.getWorksheet(write.target.sheet);
    if (sheet) sheet.getCell(write.target.row, write.target.column).value = toNumber(write.value);
  }
  // The in-year sheets take the returned in-year forecasts and explanations, and the history
  // gets this period's snapshot, when the master has them and a return was copied.
  const inYear =
    plan.writes.length > 0
      ? gatherInYear(
          loaded.value,
          plan.writes.map((write): GatheredForecast => {
            const given: GatheredForecast = { ref: write.ref, allYearsForecast: write.value };
            if (write.inYearForecast) given.inYearForecast = write.inYearForecast;
            if (write.explanation !== undefined) given.explanation = write.explanation;
            return given;
          }),
          settingsOf(loaded.value),
        )
      : undefined;
  refreshResults(loaded.value, worksheet, forecastColumn);
  loaded.value.calcProperties = { ...loaded.value.calcProperties, fullCalcOnLoad: true };
  const written = await writeWorkbookAtomically(loaded.value, out);
  if (!written.ok) {
    io.err(`Cannot write '${out}': ${written.message}\n`);
    return EXIT_UNREADABLE;
  }

  const outcomes = [...plan.outcomes, ...noForecastSheet];
  for (const { file, message } of unreadable) io.err(`${fileMessage(file, message)}\n`);
  if (values.json) {
    io.out(
      `${JSON.stringify(
        {
          master: masterFile,
          out,
          sheet: masterTable.sheet,
          returns: outcomes.map(({ file, sheet, copied, schemes, problems }) => ({
            file,
            sheet,
            copied,
            schemes,
            problems,
          })),
          unreadable,
          ...(inYear ? { inYear: inYearJson(inYear) } : {}),
          summary: {
            copied: outcomes.filter((o) => o.copied).length,
            notCopied: outcomes.filter((o) => !o.copied).length,
            forecasts: plan.writes.length,
          },
        },
        null,
        2,
      )}\n`,
    );
  } else {
    io.out(
      formatOutcomes(masterFile, out, masterTable.sheet, outcomes, unreadable, plan.writes.length),
    );
    if (inYear) io.out(formatInYear(inYear));
  }
  if (unreadable.length > 0) return EXIT_UNREADABLE;
  return outcomes.some((outcome) => !outcome.copied) ? EXIT_FINDINGS : EXIT_OK;
}

function inYearJson(gathering: InYearGathering) {
  return {
    year: gathering.at?.year ?? null,
    period: gathering.at?.period ?? null,
    updated: gathering.updated,
    historyAppended: gathering.appended,
    historyRefused: gathering.refused,
    problems: gathering.problems,
    ...(gathering.settingsNote ? { settingsNote: gathering.settingsNote } : {}),
  };
}

function formatInYear(gathering: InYearGathering): string {
  const lines = [
    `In-year monitoring${gathering.at ? ` at ${formatMonitoringPeriod(gathering.at)}` : ''}: ${gathering.updated} scheme${gathering.updated === 1 ? '' : 's'} updated from the returns; ${gathering.appended} snapshot${gathering.appended === 1 ? '' : 's'} appended to the Monitoring history.`,
  ];
  if (gathering.settingsNote) lines.push(`    - ${gathering.settingsNote}`);
  for (const message of [...gathering.problems, ...gathering.refused])
    lines.push(`    - ${message}`);
  return `${lines.join('\n')}\n`;
}

function formatOutcomes(
  master: string,
  out: string,
  sheet: string,
  outcomes: readonly ReturnOutcome[],
  unreadable: readonly { file: string; message: string }[],
  forecasts: number,
): string {
  const lines = [
    `Wrote ${out}: ${forecasts} forecast${forecasts === 1 ? '' : 's'} copied into sheet '${sheet}' of ${master} (${master} itself is unchanged).`,
  ];
  for (const outcome of outcomes.filter((o) => o.copied))
    lines.push(
      `  copied     ${outcome.file} sheet '${outcome.sheet}': ${outcome.schemes} scheme${outcome.schemes === 1 ? '' : 's'}`,
    );
  for (const outcome of outcomes.filter((o) => !o.copied)) {
    lines.push(`  NOT copied ${outcome.file}${outcome.sheet ? ` sheet '${outcome.sheet}'` : ''}:`);
    for (const problem of outcome.problems) lines.push(`    - ${problem}`);
  }
  for (const { file, message } of unreadable) lines.push(`  NOT read   ${file}: ${message}`);
  return `${lines.join('\n')}\n`;
}
