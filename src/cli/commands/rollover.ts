/**
 * `capital-planner rollover`: closes the year of a workbook at its outturn (period 12) and writes
 * the workbook one year on to a new file. The input is only read.
 */
import { loadWorkbook } from '../../xlsx/readWorkbook';
import { closeYear } from '../../xlsx/rollover';
import { writeWorkbookAtomically } from '../../xlsx/writeWorkbook';
import { readCommandLine } from '../args';
import { ROLLOVER_HELP } from '../help';
import { rolloverJson, rolloverText } from '../rolloverReport';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_UNREADABLE,
  fileMessage,
  usageError,
  type CliIo,
  samePath,
} from '../io';

interface RolloverFlags {
  out?: string;
  json?: boolean;
}

/**
 * Runs `rollover` with the words after the command name; returns the exit status (0 written,
 * 1 the workbook cannot be closed yet, 2 a file could not be read or written).
 *
 * @example
 * await runRollover(['p12.xlsx', '--out', '2017-18.xlsx'], processIo()); // 0
 */
export async function runRollover(args: readonly string[], io: CliIo): Promise<number> {
  const line = readCommandLine<RolloverFlags>(
    args,
    { out: { type: 'string' }, json: { type: 'boolean' } },
    ROLLOVER_HELP,
    io,
  );
  if (line.done) return line.exitStatus;
  const { values, positionals } = line;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    return usageError(io, 'name one workbook, e.g. rollover p12.xlsx --out 2017-18.xlsx');
  if (!values.out)
    return usageError(
      io,
      'say where to write the workbook one year on with --out FILE (the input is never changed)',
    );
  if (await samePath(file, values.out))
    return usageError(
      io,
      `--out '${values.out}' is the input: write to a new file, the input is never changed`,
    );

  const loaded = await loadWorkbook(file);
  if (!loaded.ok) {
    io.err(`${fileMessage(file, loaded.message)}\n`);
    return EXIT_UNREADABLE;
  }
  const closed = closeYear(loaded.value);
  if (!closed.ok) {
    io.err(`Cannot close the year of '${file}': ${closed.message}\n`);
    return EXIT_FINDINGS;
  }
  const written = await writeWorkbookAtomically(loaded.value, values.out);
  if (!written.ok) {
    io.err(`Cannot write '${values.out}': ${written.message}\n`);
    return EXIT_UNREADABLE;
  }
  io.out(
    values.json
      ? `${JSON.stringify(rolloverJson(closed.value, file, values.out), null, 2)}\n`
      : rolloverText(closed.value, values.out),
  );
  return EXIT_OK;
}
