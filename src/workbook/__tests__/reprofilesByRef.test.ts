/**
 * The one reader of the Revisions log's re-profile lines (pane and command line): each line moves
 * its Amount out of its From year into its To year; lines without both years (logs made before
 * those columns) move nothing in year.
 */
import { dateToSerial, fromNumber, toNumber, type CalendarDate } from '../../core';
import { reprofilesByRef, revisionRow } from '../revisions';

const may: CalendarDate = { year: 2016, month: 5, day: 10 };
const row = (cells: unknown[]) => cells;

describe('reprofilesByRef', () => {
  it('reads a re-profile as written by revisionRow (years as labels, date as a serial)', () => {
    const written = revisionRow({
      ref: 'CP-001',
      date: may,
      kind: 're-profile',
      amount: 0.4,
      reason: 'Slipped',
      reference: 'Cab',
      fromYear: 2016,
      toYear: 2017,
    }).map((cell, c) => (c === 1 ? dateToSerial(may) : c === 4 ? 0 : cell));
    const lines = reprofilesByRef([written], 4).get('cp-001');
    expect(lines).toHaveLength(1);
    const [line] = lines ?? [];
    expect(line.kind).toBe('re-profile');
    expect(toNumber(line.amount)).toBe(0);
    expect(line.date).toEqual(may);
    expect(line.yearAmounts?.map((y) => [y.year, toNumber(y.amount)])).toEqual([
      [2016, -0.4],
      [2017, 0.4],
    ]);
  });

  it('leaves out re-profiles without both years, with one year twice, and other kinds', () => {
    const serial = dateToSerial(may);
    const rows = [
      // A log made before From year / To year: eight columns.
      row(['CP-001', serial, 're-profile', 0.4, 0, 'r', 'x', '']),
      row(['CP-001', serial, 're-profile', 0.4, 0, 'r', 'x', '', '2016/17', '']),
      row(['CP-001', serial, 're-profile', 0.4, 0, 'r', 'x', '', '2016/17', '2016/17']),
      row(['CP-001', serial, 'addition', 0.4, 0.4, 'r', 'x', '', '2016/17', '2017/18']),
      row(['CP-001', 'not a date', 're-profile', 0.4, 0, 'r', 'x', '', '2016/17', '2017/18']),
      row(['CP-001', serial, 're-profile', 'lots', 0, 'r', 'x', '', '2016/17', '2017/18']),
    ];
    expect(reprofilesByRef(rows, 4).size).toBe(0);
  });

  it('keeps every re-profile of a scheme, by Ref in lower case, exactly', () => {
    const serial = dateToSerial(may);
    const rows = [
      row([' ICT-07 ', serial, 're-profile', 0.1, 0, 'r', 'x', '', '2016/17', '2018/19']),
      row(['ict-07', '10/05/2016', 're-profile', 0.2, 0, 'r', 'x', '', 2017, 2016]),
    ];
    const lines = reprofilesByRef(rows, 4).get('ict-07') ?? [];
    expect(lines.map((l) => l.yearAmounts?.map((y) => [y.year, toNumber(y.amount)]))).toEqual([
      [
        [2016, -0.1],
        [2018, 0.1],
      ],
      [
        [2017, -0.2],
        [2016, 0.2],
      ],
    ]);
    expect(lines[0].yearAmounts?.[1].amount).toEqual(fromNumber(0.1));
  });
});
