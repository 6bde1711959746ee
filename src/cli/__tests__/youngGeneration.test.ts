/**
 * capYoungGeneration (issue 15): V8's young generation stops growing at the cap, in a process
 * that keeps much of what it allocates (as reading a workbook's grid does). Each case runs in a
 * child process: the flag it sets is the process's.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { YOUNG_GENERATION_CAP_BYTES } from '../youngGeneration';

const MODULE = join(__dirname, '..', 'youngGeneration.ts');

/** Keeps ~48 MB of small arrays of numbers, yielding between batches; prints the young generation's size. */
function youngGenerationAfterWork(capped: boolean): number {
  const script = `
    require('tsx/cjs/api').register();
    if (${capped}) require(${JSON.stringify(MODULE)}).capYoungGeneration();
    const kept = [];
    (async () => {
      for (let batch = 0; batch < 60; batch++) {
        for (let i = 0; i < 2000; i++) kept.push([batch + i / 10, i * 1.5, 'x', i + 0.25]);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const space = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      console.log(space.space_size, kept.length);
    })();`;
  const [bytes] = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })
    .trim()
    .split(' ')
    .map(Number);
  return bytes;
}

describe('capYoungGeneration', () => {
  it('lets the young generation grow past the cap without it (so the case below can fail)', () => {
    expect(youngGenerationAfterWork(false)).toBeGreaterThan(YOUNG_GENERATION_CAP_BYTES);
  });

  it('stops the young generation at the cap', () => {
    expect(youngGenerationAfterWork(true)).toBeLessThanOrEqual(YOUNG_GENERATION_CAP_BYTES);
  });
});
