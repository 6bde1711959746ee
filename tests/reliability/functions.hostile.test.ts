/**
 * Every CAPITAL.* function against every hostile argument kind in every argument position
 * (the 10,000 x 40 blocks run in functions.huge.test.ts). See ./functionContract for the contract.
 */
import { CAPITAL_FUNCTIONS } from '../../src/functions/functions';
import { isCellError } from '../../src/functions/excelErrors';
import {
  QUARTER_HEADERS,
  VALID_ARGUMENTS,
  callSafely,
  functionNames,
  hostileFailures,
  resultProblem,
} from './functionContract';
import { HOSTILE_KINDS } from './hostileValues';

const everyKindButHuge = HOSTILE_KINDS.filter((kind) => !kind.huge);
let callCount = 0;

describe('CAPITAL functions under hostile arguments', () => {
  it('uses a table of at least 40 kinds of hostile argument, each named once', () => {
    expect(HOSTILE_KINDS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(HOSTILE_KINDS.map((kind) => kind.name)).size).toBe(HOSTILE_KINDS.length);
  });

  it('has a valid call for every exported function, and each valid call gives a clean value', () => {
    for (const name of functionNames) {
      const fn = CAPITAL_FUNCTIONS[name] as (...args: unknown[]) => unknown;
      const args = VALID_ARGUMENTS[name];
      expect(args.length).toBe(fn.length);
      const outcome = callSafely(fn, args);
      expect(outcome.threw).toBe(false);
      const flat = Array.isArray(outcome.result) ? outcome.result.flat() : [outcome.result];
      for (const cell of flat) expect(isCellError(cell)).toBe(false);
      expect(resultProblem(outcome.result)).toBeUndefined();
    }
  });

  it.each(functionNames)(
    '%s never throws and answers a value or a #VALUE!/#N/A with a message',
    (name) => {
      const { failures, calls } = hostileFailures(name, everyKindButHuge);
      callCount += calls;
      expect(failures).toEqual([]);
    },
  );

  it('answers an empty row [[]] with one blank-cell result, not an empty spill (regression)', () => {
    // Found by this suite: [[]] used to come back as [[]] (or []), which Excel cannot show.
    const result = CAPITAL_FUNCTIONS.VARIANCE([[]], [[4.1]], null);
    expect(result).toHaveLength(1);
    expect(result[0]).toHaveLength(1);
    const cell: unknown = result[0][0];
    expect(isCellError(cell) && cell.code).toBe('#N/A');
    expect(CAPITAL_FUNCTIONS.PHASE([[]], [['2016/17 Q2-4']], QUARTER_HEADERS, null, null)).toEqual([
      [0, 0, 0, 0],
    ]);
    expect(CAPITAL_FUNCTIONS.PHASINGTEXT([[]])).toEqual([['TBC']]);
  });

  it('reads a whole-column range (1,048,576 rows) without overflowing the call stack (regression)', () => {
    // Found by this suite: =CAPITAL.VARIANCE(B:B, 4.1) hit "Maximum call stack size exceeded"
    // (Math.max spread over every row) and answered the generic internal-fault #VALUE!.
    const wholeColumn = Array.from({ length: 1_048_576 }, (_, row) => [row / 100]);
    const result = CAPITAL_FUNCTIONS.VARIANCE(wholeColumn, [[4.1]], null);
    expect(result).toHaveLength(1_048_576);
    expect(result[0]).toEqual([-4.1]);
    expect(result[1_048_575]).toEqual([10485.75 - 4.1]);
  });

  it("says a unit named like an Object property ('constructor', '__proto__') is not known (regression)", () => {
    // Found by the parser fuzzing: the unit table's lookup found Object's own properties, and
    // PARSEMONEY answered "too large ... to hold exactly in function Object() { [native code] }".
    for (const unit of ['constructor', '__proto__']) {
      const [[cell]] = CAPITAL_FUNCTIONS.PARSEMONEY([['£1k']], unit);
      expect(isCellError(cell) && cell.message).toMatch(
        /^unit '.*' is not known: use one of £, £k, £m, £bn\.$/,
      );
    }
  });

  afterAll(() => {
    // The figure quoted in RELIABILITY.md.
    process.stdout.write(
      `functions.hostile: ${HOSTILE_KINDS.length} kinds (${everyKindButHuge.length} here), ${functionNames.length} functions, ${callCount} hostile calls\n`,
    );
  });
});
