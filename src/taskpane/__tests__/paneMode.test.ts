import { paneMode } from '../paneMode';

describe('where the pane runs', () => {
  it.each([
    ['Excel', true, 'excel'],
    ['Excel', false, 'excel'],
    [null, true, 'stand-in'],
    [undefined, true, 'stand-in'],
    [null, false, 'outside'],
    ['Word', true, 'outside'],
  ] as const)('host %p with Excel defined %p -> %s', (host, excelDefined, expected) => {
    expect(paneMode(host, excelDefined)).toBe(expected);
  });
});
