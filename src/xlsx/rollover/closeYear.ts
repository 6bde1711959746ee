/**
 * Closing the year of a loaded workbook in one step: read what it needs, plan, apply. The CLI's
 * `rollover` and `demo --rolled-over` both use it, so the demo one year on is exactly what
 * `rollover` writes from the outturn demo.
 */
import type ExcelJS from 'exceljs';
import type { Parsed } from '../../core';
import { planRollover, type RolloverPlan } from '../../workbook';
import { applyRollover } from './applyRollover';
import { readRolloverInput } from './readRollover';

/**
 * Closes the year of `workbook` in place (the caller writes it to a new file). When it cannot, the
 * message says why and the workbook is unchanged (it finishes the sentence "Cannot close the year
 * of 'FILE': ").
 *
 * @example
 * const closed = closeYear(workbook);
 * if (closed.ok) closed.value.revisionLines.length; // the carry-forward and outturn lines added
 * else closed.message; // 'The monitoring is at 2016/17 period 8: a year is closed after its outturn ...'
 */
export function closeYear(workbook: ExcelJS.Workbook): Parsed<RolloverPlan> {
  const read = readRolloverInput(workbook);
  if (!read.ok) return { ok: false, message: `it ${read.message}` };
  const plan = planRollover(read.value.input);
  if (!plan.ok) return plan;
  applyRollover(workbook, plan.value, read.value.input, read.value.layout);
  return plan;
}
