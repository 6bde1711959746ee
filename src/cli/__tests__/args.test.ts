import { parseCommandLine, readCommandLine, readConvention, readDecimals } from '../args';
import type { CliIo } from '../io';

describe('command-line options', () => {
  it('separates options from file names', () => {
    expect(
      parseCommandLine(['a.xlsx', '--json', 'b.xlsx', '--sheet', 'Programme'], {
        json: { type: 'boolean' },
        sheet: { type: 'string' },
      }),
    ).toEqual({
      ok: true,
      value: { values: { json: true, sheet: 'Programme' }, positionals: ['a.xlsx', 'b.xlsx'] },
    });
  });

  it('names an unknown option instead of ignoring it', () => {
    expect(parseCommandLine(['--jsno'], { json: { type: 'boolean' } })).toEqual({
      ok: false,
      message: "Unknown option '--jsno'",
    });
  });

  it('says when an option is missing its value', () => {
    const parsed = parseCommandLine(['--sheet'], { sheet: { type: 'string' } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain("'--sheet <value>' argument missing");
  });

  it.each([
    ['0', 0],
    ['1', 1],
    [' 3 ', 3],
    ['6', 6],
  ])('reads --decimals %j', (text, decimals) => {
    expect(readDecimals(text)).toEqual({ ok: true, value: decimals });
  });

  it.each(['-1', '7', '1.5', 'one', ''])('refuses --decimals %j with an example', (text) => {
    expect(readDecimals(text)).toEqual({
      ok: false,
      message: expect.stringContaining('e.g. --decimals 1'),
    });
  });

  it('reads the two variance conventions and refuses anything else', () => {
    expect(readConvention('forecast-minus-budget')).toEqual({
      ok: true,
      value: 'forecast-minus-budget',
    });
    expect(readConvention(undefined)).toEqual({ ok: true, value: undefined });
    expect(readConvention('budget-forecast').ok).toBe(false);
  });
});

describe('the start every command shares', () => {
  function capture(): CliIo & { stdout: string; stderr: string } {
    const io = {
      stdout: '',
      stderr: '',
      out: (text: string) => void (io.stdout += text),
      err: (text: string) => void (io.stderr += text),
    };
    return io;
  }
  const options = { json: { type: 'boolean' } } as const;

  it.each([['--help'], ['-h']])('prints the help for %s and is done with status 0', (flag) => {
    const io = capture();
    expect(readCommandLine(['a.xlsx', flag], options, 'Usage: try it\n', io)).toEqual({
      done: true,
      exitStatus: 0,
    });
    expect(io.stdout).toBe('Usage: try it\n');
    expect(io.stderr).toBe('');
  });

  it('reports a mistyped option as a usage error with status 2', () => {
    const io = capture();
    expect(readCommandLine(['--jsno'], options, 'Usage\n', io)).toEqual({
      done: true,
      exitStatus: 2,
    });
    expect(io.stderr).toBe(
      "capital-planner: Unknown option '--jsno' (see capital-planner --help)\n",
    );
    expect(io.stdout).toBe('');
  });

  it('hands back the options and file names when the command should run', () => {
    const io = capture();
    expect(readCommandLine(['a.xlsx', '--json'], options, 'Usage\n', io)).toEqual({
      done: false,
      values: { json: true },
      positionals: ['a.xlsx'],
    });
    expect(io.stdout + io.stderr).toBe('');
  });
});
