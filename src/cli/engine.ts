/**
 * The engine's check, as the CLI calls it on each grid: core `checkGrid` with the command line's
 * options (the same check the task pane runs).
 */
import { checkStackedTables, type CheckOptions } from '../core';
import type { GridChecker } from './checkFiles';

/** Options the CLI passes to the engine's check. */
export type CliCheckOptions = Pick<CheckOptions, 'decimals' | 'convention' | 'columns'>;

/**
 * A checker for every grid of a run, with the command line's options. A sheet's reading saved in
 * the workbook (the pane's column role picker) is used unless `--column` is given: the command
 * line's own correction wins.
 *
 * @example
 * gridChecker({ decimals: 1 })(grid).findings;
 * gridChecker({})(grid, { G: 'variance' }).reading; // column G read as a variance
 */
export function gridChecker(options: CliCheckOptions): GridChecker {
  const checkOptions: CheckOptions = {};
  if (options.decimals !== undefined) checkOptions.decimals = options.decimals;
  if (options.convention !== undefined) checkOptions.convention = options.convention;
  if (options.columns !== undefined) checkOptions.columns = options.columns;
  // Stacked tables (expenditure, `Financed by`, revenue) are checked one by one, with the user's
  // reading saved in the workbook unless --column is given.
  return (grid, saved) =>
    checkStackedTables(
      grid,
      saved !== undefined && options.columns === undefined
        ? { ...checkOptions, columns: saved }
        : checkOptions,
    );
}
