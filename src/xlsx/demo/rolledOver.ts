/**
 * The demo one year on: the outturn demo (2016/17 P12) with its year closed exactly as
 * `capital-planner rollover` closes a file, so 2017/18 is current, each scheme's slippage is in
 * 2017/18's phasing and the Revisions log holds the carry-forward lines.
 */
import ExcelJS from 'exceljs';
import type { Parsed } from '../../core';
import type { RolloverPlan } from '../../workbook';
import { closeYear } from '../rollover';
import { DEMO_OUTTURN } from './planCycle';
import type { DemoProgramme } from './planDemo';
import { buildDemoWorkbook } from './writeDemo';

/**
 * Builds the outturn demo, reads it back as `rollover` reads a file (so the cached figures it
 * closes from are the ones written), and closes its year.
 *
 * @example
 * const rolled = await buildRolledOverDemo(plan);
 * if (rolled.ok) await rolled.value.workbook.xlsx.writeFile('2017-18.xlsx');
 */
export async function buildRolledOverDemo(
  plan: DemoProgramme,
): Promise<Parsed<{ workbook: ExcelJS.Workbook; rollover: RolloverPlan }>> {
  const outturn = buildDemoWorkbook(plan, DEMO_OUTTURN);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await outturn.xlsx.writeBuffer());
  const closed = closeYear(workbook);
  if (!closed.ok) return { ok: false, message: `cannot close the demo's year: ${closed.message}` };
  return { ok: true, value: { workbook, rollover: closed.value } };
}
