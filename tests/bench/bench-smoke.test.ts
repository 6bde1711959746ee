/**
 * Keeps the benchmarks honest without timing anything: each benchmark's correctness check runs
 * on a small size, so a change to the engine or the adapters that breaks a benchmark fails here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parsePhasing } from '../../src/core/phasing';
import { verifyRoundTrips } from '../../bench/excelRoundTrips';
import { checkInProcess, verifyFileCheck, writeProgrammeFile } from '../../bench/files';
import { verifyGridCheck } from '../../bench/gridCheck';
import { generateProgramme, phrase, seeded, sumNumericCells } from '../../bench/lib/programme';
import { median } from '../../bench/lib/timing';
import {
  type DineroApi,
  allocationInputs,
  phasingCases,
  verifyAllocation,
  verifyPhase,
} from '../../bench/phasing';
import { sizes, taskPaneScripts } from '../../bench/size';

const ROOT = resolve(__dirname, '../..');

describe('the benchmark harness', () => {
  it('writes phasing phrases that mean the quarters it intends', () => {
    const random = seeded(1);
    for (let i = 0; i < 200; i++) {
      const first = Math.floor(random() * 36);
      const last = first + Math.floor(random() * 4 * (i % 4));
      const read = parsePhasing(phrase(first, Math.min(last, 39)));
      expect(read.ok && read.value.kind === 'phased' ? read.value.quarters.length : -1).toBe(
        Math.min(last, 39) - first + 1,
      );
    }
  });

  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('sums only the numeric cells for the floor', () => {
    expect(
      sumNumericCells([
        ['Total', 1.5, ''],
        ['x', '2', 2],
      ]),
    ).toBe(3.5);
  });
});

describe('each benchmark checks its result before timing it', () => {
  it('grid check: finds the one planted error, every text figure and the quarter columns', () => {
    expect(verifyGridCheck(generateProgramme(1000))).toEqual({ ok: true });
  });

  it('grid check: a programme with a second real error is not a right answer', () => {
    const programme = generateProgramme(300);
    const subtotal = programme.values.findIndex((row) => row[2] === 'Sub-total');
    (programme.values[subtotal] as number[])[4] += 99;
    expect(verifyGridCheck(programme).ok).toBe(false);
  });

  it('phasing: CAPITAL.PHASE is penny-exact row by row and by whole columns', () => {
    expect(verifyPhase(phasingCases(300))).toEqual({ ok: true });
  });

  it('phasing: the engine and dinero.js both allocate penny-exact on the same inputs', async () => {
    // dinero.js ships ES modules only; its UMD build is the same code in a form jest can load.
    const dinero = (await import(
      join(ROOT, 'node_modules/dinero.js/dist/umd/index.production.js')
    )) as DineroApi;
    expect(verifyAllocation(dinero, allocationInputs(phasingCases(300))).ok).toBe(true);
  });

  it('Excel round trips: set up, bring in, phase, check and highlight give the right cells', async () => {
    expect(await verifyRoundTrips(60)).toEqual({ ok: true });
  });

  it('files: capital-planner check reports the planted error in a generated .xlsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    try {
      const programme = generateProgramme(1000);
      const path = join(dir, 'programme.xlsx');
      await writeProgrammeFile(programme, path);
      expect(verifyFileCheck(await checkInProcess(path), programme)).toEqual({ ok: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('size: counts the task pane scripts the page loads, not office.js or functions.js', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    try {
      mkdirSync(join(dir, 'office-js'));
      writeFileSync(
        join(dir, 'taskpane.html'),
        '<script src=office-js/office.js></script><script defer src=functions.js></script><script defer src="taskpane.1234abcd.js"></script>',
      );
      writeFileSync(join(dir, 'taskpane.1234abcd.js'), 'x'.repeat(10_000));
      expect(taskPaneScripts(dir)).toEqual([join(dir, 'taskpane.1234abcd.js')]);
      const size = sizes(join(dir, 'taskpane.1234abcd.js'));
      expect(size.raw).toBe(10_000);
      expect(size.gzip).toBeLessThan(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
