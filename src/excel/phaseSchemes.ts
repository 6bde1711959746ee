/**
 * Phase: write each scheme's period amounts from its Phasing phrase and Profile, as values (the
 * phrase stays in its column, so phasing again on demand gives the same figures). One read, one
 * bulk write, whatever the number of schemes: three syncs (more only past Excel on the web's 5 MB).
 */
import { formatFiscalYear, type Month } from '../core';
import { toA1 } from './a1';
import { toNumber } from '../core';
import { parseProfile, phaseAmount } from '../core';
import { report, runAction, throwIfCancelled } from './action';
import { BatchWriter, currentRequestBudget } from './batchWriter';
import { restorableContent } from './cellText';
import { excelRun } from './excelRun';
import { askBeforeReplacing, findReplaced, type Replacement } from './overwrite';
import {
  adjacentRuns,
  cellString,
  currentBudgetOfRow,
  queueRevisionsRead,
  readProgrammeColumns,
  revisionsByRef,
  type LoggedRevision,
  type ProgrammeSnapshot,
} from './readProgramme';
import { queueSettingsRead } from './settings';
import { rememberChange, restoreEntry, type SavedBlock } from './undo';
import type {
  ActionResult,
  PhaseOptions,
  PhaseResult,
  PhasingProblem,
  PlannerSettings,
} from './types';

function pick(grid: readonly (readonly unknown[])[], first: number, count: number): unknown[][] {
  return grid.map((row) => row.slice(first, first + count));
}

/** Everything Phase reads before it decides what to write. */
interface PhaseInputs {
  programme?: ProgrammeSnapshot;
  revisions: LoggedRevision[];
  settings: PlannerSettings;
  selection?: { sheet: string; rowIndex: number; rowCount: number };
}

/**
 * Reads what Phase needs: the header and settings in one sync, then only the columns it uses
 * (one more sync for any programme under Excel on the web's 5 MB response; row chunks beyond).
 */
async function readPhaseInputs(options: PhaseOptions): Promise<PhaseInputs> {
  return excelRun(async (context) => {
    let chunk = 0;
    const { programme, extra } = await readProgrammeColumns(
      context,
      currentRequestBudget(),
      ['ref', 'scheme', 'approvedBudget', 'revisedBudget', 'phasing', 'profile'],
      true,
      (ctx) => {
        const readRevisions = queueRevisionsRead(ctx);
        const readSettings = queueSettingsRead(ctx);
        const selected = options.onlySelected
          ? ctx.workbook.getSelectedRange().load('rowIndex, rowCount')
          : undefined;
        const selectedSheet = selected?.worksheet.load('name');
        return () => ({
          revisions: readRevisions()?.entries ?? [],
          settings: readSettings().settings,
          selection:
            selected && selectedSheet
              ? {
                  sheet: selectedSheet.name,
                  rowIndex: selected.rowIndex,
                  rowCount: selected.rowCount,
                }
              : undefined,
        });
      },
      (rest) => rest.settings.fiscalYearStartMonth as Month,
      () => {
        report(options, 'Reading the programme', ++chunk, 0);
        throwIfCancelled(options.signal);
      },
    );
    return { ...extra, programme };
  });
}

/** Everything Phase reads before it decides what to write. */
interface PhaseInputs {
  programme?: ProgrammeSnapshot;
  revisions: LoggedRevision[];
  settings: PlannerSettings;
  selection?: { sheet: string; rowIndex: number; rowCount: number };
}

/**
 * Writes each scheme's period amounts from its Phasing phrase and Profile, as values.
 *
 * @example
 * const result = await phaseSchemes({ onlySelected: false, confirm });
 * if (result.ok) show(result.value.unphased);
 */
export async function phaseSchemes(options: PhaseOptions = {}): Promise<ActionResult<PhaseResult>> {
  return runAction('Phase schemes', async () => {
    const { programme, revisions: logged, settings, selection } = await readPhaseInputs(options);
    throwIfCancelled(options.signal);
    const startMonth = settings.fiscalYearStartMonth as Month;
    if (!programme)
      return {
        ok: false,
        message:
          'There is no Programme table to phase: set up a programme or bring in a table first.',
      };
    if (programme.periodProblem) return { ok: false, message: programme.periodProblem };
    const { column } = programme;
    for (const field of ['approvedBudget', 'phasing'] as const) {
      if (column[field] < 0)
        return {
          ok: false,
          message: `The Programme table has no ${field === 'phasing' ? "'Phasing'" : "'Approved budget'"} column: add it to phase the schemes.`,
        };
    }
    let firstRow = 0;
    let lastRow = programme.values.length - 1;
    if (selection) {
      if (selection.sheet !== programme.sheet)
        return {
          ok: false,
          message: `Select scheme rows on the ${programme.sheet} sheet first, or phase all schemes.`,
        };
      firstRow = Math.max(0, selection.rowIndex - programme.top);
      lastRow = Math.min(lastRow, selection.rowIndex + selection.rowCount - 1 - programme.top);
      if (firstRow > lastRow)
        return {
          ok: false,
          message: `The selection is outside the Programme table: select scheme rows on ${programme.sheet}, or phase all schemes.`,
        };
    }

    const revisions = revisionsByRef(logged);
    const periodColumns = programme.periods.map((p) => p.period);
    // Hints name the programme's own first year, never a year it does not have.
    const example = `${formatFiscalYear(periodColumns[0]?.year ?? 2016)} Q2-4`;
    const periodIndexes = programme.periods.map((p) => p.index);
    const unphased: PhasingProblem[] = [];
    const errors: PhasingProblem[] = [];
    // Start from what is there, written back as it was; phased rows get their new amounts.
    const next: unknown[][] = programme.formulas.map((row, r) =>
      row.map((formula, c) => restorableContent(formula, programme.values[r][c])),
    );
    let phased = 0;
    for (let r = firstRow; r <= lastRow; r++) {
      const row = programme.values[r];
      const ref = column.ref >= 0 ? cellString(row[column.ref]) : '';
      const scheme = column.scheme >= 0 ? cellString(row[column.scheme]) : '';
      const cell = toA1(programme.top + r, programme.left + column.phasing);
      const problem = (message: string): PhasingProblem => ({ ref, scheme, cell, message });
      const phrase = cellString(row[column.phasing]);
      if (ref === '' && scheme === '' && phrase === '' && row[column.approvedBudget] === '')
        continue;
      const budget = currentBudgetOfRow(programme, r, revisions);
      if (!budget) {
        errors.push({
          ...problem(
            `The approved budget of ${ref || scheme || 'this row'} is blank or not a number: type the amount, e.g. 2.6`,
          ),
          cell: toA1(programme.top + r, programme.left + column.approvedBudget),
        });
        continue;
      }
      const profile = parseProfile(column.profile >= 0 ? row[column.profile] : '');
      if (!profile.ok) {
        errors.push(problem(profile.message));
        continue;
      }
      const result = phaseAmount(budget, phrase, periodColumns, {
        profile: profile.value,
        decimals: settings.decimals,
        startMonth,
      });
      if (!result.ok) errors.push(problem(result.message));
      else if (result.value.unphased)
        unphased.push(
          problem(
            // The pane shows the Ref and name beside this: the message does not repeat them.
            `Not phased yet (${phrase || 'blank'}): write its quarters, e.g. '${example}'`,
          ),
        );
      else {
        result.value.amounts.forEach((amount, k) => (next[r][periodIndexes[k]] = toNumber(amount)));
        phased++;
      }
    }

    const runs = adjacentRuns(periodIndexes);
    const top = programme.top;
    let replaced: Replacement = { count: 0, examples: [] };
    for (const run of runs) {
      const found = findReplaced(
        pick(programme.formulas, run.first, run.count),
        pick(programme.values, run.first, run.count),
        pick(next, run.first, run.count),
        top,
        programme.left + run.first,
      );
      replaced = {
        count: replaced.count + found.count,
        examples: [...replaced.examples, ...found.examples].slice(0, 5),
      };
    }
    const firstColumn = programme.left + runs[0].first;
    const lastRun = runs[runs.length - 1];
    const address = `${toA1(top, firstColumn)}:${toA1(top + programme.values.length - 1, programme.left + lastRun.first + lastRun.count - 1)}`;
    const refused = await askBeforeReplacing(
      options,
      'Phase schemes',
      programme.sheet,
      address,
      replaced,
    );
    if (refused) return refused;
    throwIfCancelled(options.signal);

    if (phased > 0) {
      const blocks: SavedBlock[] = runs.map((run) => ({
        sheet: programme.sheet,
        top,
        left: programme.left + run.first,
        values: pick(programme.values, run.first, run.count),
        formulas: pick(programme.formulas, run.first, run.count),
        // Phase writes contents only, never formats, so contents are all undo needs.
      }));
      const entry = { label: 'Phase schemes', blocks, addedSheets: [] };
      await excelRun(async (context) => {
        const writer = new BatchWriter(context, options, 'Writing period amounts');
        const sheet = context.workbook.worksheets.getItem(programme.sheet);
        try {
          for (const run of runs)
            await writer.write(
              sheet,
              top,
              programme.left + run.first,
              pick(next, run.first, run.count),
              'formulas',
            );
          await writer.finish();
        } catch (error) {
          // Cancelled or refused between chunks: put back what was already written.
          await restoreEntry(context, entry);
          throw error;
        }
      });
      rememberChange(entry);
    }
    report(options, 'Writing period amounts', 1, 1);
    return { ok: true, value: { phased, unphased, errors } };
  });
}
