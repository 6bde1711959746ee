const t0 = process.hrtime.bigint();
const ms = () => (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0);
import { readWorkbookFast } from '../src/xlsx/fastReader/readWorkbookFast';
import { gridChecker } from '../src/cli/engine';
(async () => {
  console.error('start', ms(), 'uptime', (process.uptime()*1000).toFixed(0));
  const wb = await readWorkbookFast(process.argv[2] || '/tmp/r15/p20k.xlsx', {});
  console.error('read', ms());
  const chk = gridChecker({});
  if (!wb.ok) throw new Error('x');
  for (const g of wb.value.grids) chk(g);
  console.error('checked', ms());
})();
