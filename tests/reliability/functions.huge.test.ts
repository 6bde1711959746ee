/**
 * Every CAPITAL.* function with a huge block of numbers and of text in every argument position:
 * no throw, a rectangular spill, every cell a value or a #VALUE!/#N/A with a message.
 * RELIABILITY_FULL=1 uses 10,000 x 40 blocks (400,000 cells; about 90 s, since element-wise
 * functions really compute every cell); the everyday run uses 1,000 x 40. The 1,048,576-row
 * whole-column case runs every time in functions.hostile.test.ts.
 */
import { CAPITAL_FUNCTIONS } from '../../src/functions/functions';
import { HOSTILE_KINDS, HUGE_ROWS } from './hostileValues';
import { hostileFailures, functionNames } from './functionContract';

const hugeKinds = HOSTILE_KINDS.filter((kind) => kind.huge);

describe(`CAPITAL functions with ${HUGE_ROWS} x 40 blocks`, () => {
  it('has both huge kinds (numbers and text)', () => {
    expect(hugeKinds).toHaveLength(2);
    expect(Object.keys(CAPITAL_FUNCTIONS).length).toBe(functionNames.length);
  });

  it.each(functionNames)(
    `%s copes with a ${HUGE_ROWS} x 40 block in every argument position`,
    (name) => {
      expect(hostileFailures(name, hugeKinds).failures).toEqual([]);
    },
  );
});
