/**
 * Help text for the command and each sub-command (also the README's usage lines).
 */

/** Help for `capital-planner --help`. */
export const MAIN_HELP = `capital-planner: check council capital programme workbooks (.xlsx) from the command line

Usage:
  capital-planner check <file.xlsx>... [--json] [--sheet NAME] [--decimals N] [--convention C]
  capital-planner demo [--year-end | --rolled-over] [--out FILE] [--json]
  capital-planner consolidate <master.xlsx> <return.xlsx>... --out FILE [--json]
  capital-planner import <table.xlsx> [--sheet NAME] --out FILE [--json]
  capital-planner rollover <workbook.xlsx> --out FILE [--json]
  capital-planner <command> --help

Commands:
  check        run every check on every sheet of each workbook
  demo         write a sample capital programme workbook and check it
  consolidate  gather budget holders' forecast returns into the master's Monitoring sheet
  import       bring in a programme table as councils print it and write a Programme workbook
  rollover     close the year at its outturn (P12) and write the workbook one year on

Exit status: 0 no errors found, 1 errors found, 2 a file could not be read or the command line is wrong.
`;

/** Help for `capital-planner check --help`. */
export const CHECK_HELP = `Usage: capital-planner check <file.xlsx>... [options]

Runs every check of the engine (totals within rounding, figures stored as text, variances,
phasing, revisions) on every sheet of each workbook, with no prior knowledge of its layout.

Options:
  --json                 print one JSON document: { files: [{ file, findings: [...], sheets: [{ sheet, table }] }], summary: { errors, warnings } };
                         each sheet's table object is the reading of its table (columns, totals, relations, what was checked)
  --explain              before the findings, say how each sheet's table was read: each column's role (or why it was
                         skipped), headings, groups, totals and what they add up, and how many figures were checked
  --sheet NAME           check only the sheet with this name
  --decimals N           the figures are printed to N decimal places (default: read from the sheet)
  --convention C         variance is budget-minus-forecast (default) or forecast-minus-budget
  --column L=ROLE        correct the reading of column L (repeatable): a role (label, budget, original, approved,
                         revised, additions, forecast, actual, variance, amount, year, percentage, notes, skip),
                         or the columns it is worked out from, e.g. --column G=E-D (G is E less D).
                         Corrections saved in the workbook from the task pane's Check are used when no
                         --column is given (a note says so)
  -h, --help             show this help

Exit status: 0 no errors found, 1 errors found, 2 a file could not be read (the others are still checked).
Input files are only read, never changed.
`;

/** Help for `capital-planner demo --help`. */
export const DEMO_HELP = `Usage: capital-planner demo [--year-end | --rolled-over] [--out FILE] [--json]

Writes a sample capital programme workbook laid out as the Excel add-in's task pane builds one:
the 2016 ICT investment programme as a Programme table phased by quarter, two budget revisions,
a forecast sheet per budget holder, a Monitoring sheet with variances, flags and check formulas,
the in-year monitoring (actuals from a ledger, the holders' returns with explanations, the
history of earlier returns, the Capital budget position table) and the Financing sheet. Every
figure is an ordinary Excel formula that works without the add-in. Then it checks the workbook
and prints the summary.

By default the year is in progress: 2016/17 at period 8 (November), returns gathered at P3 and P6
before. --year-end writes the same programme at the outturn (period 12, March 2017): the whole
year's actuals are in, each scheme's in-year forecast is what it really spent, its variance is
split into slippage (carried into 2017/18) and a real under- or overspend, and the history holds
P3, P6 and P8. That is the workbook 'rollover' closes. --rolled-over writes the demo one year on:
the year-end demo with 2016/17 closed exactly as 'rollover' closes it (2017/18 current, the
slippage phased into 2017/18 and logged as carry-forward lines in Revisions).

Options:
  --year-end             the demo at the 2016/17 outturn (period 12), ready for 'rollover'
  --rolled-over          the demo one year on: the year-end demo with 2016/17 closed
  --out FILE             where to write the workbook, replaced if it exists (default:
                         capital-programme-demo.xlsx; with --year-end
                         capital-programme-demo-outturn-2016-17.xlsx; with --rolled-over
                         capital-programme-demo-2017-18.xlsx)
  --json                 print the check as JSON (as check --json does)
  -h, --help             show this help
`;

/** Help for `capital-planner consolidate --help`. */
export const CONSOLIDATE_HELP = `Usage: capital-planner consolidate <master.xlsx> <return.xlsx>... --out FILE [--json]

Copies the Forecast of each scheme from budget holders' returns into the master's Monitoring sheet,
matching schemes by Ref, and writes the result to FILE. A return sheet that does not match the
master (a Ref the master does not have, a budget that differs from the master's, a missing
forecast) is reported and not copied. The master and the returns are never changed.

Options:
  --out FILE             where to write the consolidated workbook (must not be one of the inputs)
  --json                 print the outcome as JSON
  -h, --help             show this help

Exit status: 0 every return copied, 1 some returns were not copied (see the report), 2 a file could
not be read or written.
`;

/** Help for `capital-planner rollover --help`. */
export const ROLLOVER_HELP = `Usage: capital-planner rollover <workbook.xlsx> --out FILE [--json]

Closes the financial year of a workbook at its outturn (the In-year monitoring at period 12) and
writes FILE one year on: each scheme's slippage is carried into the next year's phasing and
recorded in the Revisions log as a carry-forward line (reason and reference); a real underspend is
released and an overspend met in the closed year, not carried; the closed year's budget becomes
its outturn and the next year becomes the current one (the In-year monitoring stays as the closed
year's record). A scheme's Phasing and Profile are rewritten where the old ones would no longer
give its amounts (e.g. '2016/17 Q1 - 2017/18 Q1' weighted '49, 49, 49, 49, 20'), so the add-in's
Phase keeps the carried spend. Each scheme's all-years budget changes only by what was really under- or
overspent; the Programme, Revisions, Monitoring and Financing sheets carry the figures their
formulas compute. A year is closed once: the log's 'Outturn 2016/17' lines say it was. The input is
never changed.

Options:
  --out FILE             where to write the workbook one year on (must not be the input)
  --json                 print each scheme's figures and the Revisions lines as JSON
  -h, --help             show this help

Exit status: 0 written, 1 the workbook cannot be closed yet (not at period 12, or a sheet is
missing), 2 a file could not be read or written.
`;

/** Help for `capital-planner import --help`. */
export const IMPORT_HELP = `Usage: capital-planner import <table.xlsx> [--sheet NAME] --out FILE [--json]

Brings in a capital programme table as councils print it and writes FILE with the Programme and
Revisions tables the Excel add-in's Set up builds, each budget phased by quarter. It reads quarter
markers under year, quarter or month columns (Q1, Q2-4, Q1, Q3, a tick or dot for the whole
column, TBC) or a Phase column; status headings (DELIVERED OR IN PROGRESS, PLANNED) become each
scheme's Status; rows with no name and no amount add their text and markers to the scheme above;
headers repeated at page breaks are skipped; totals are checked, not imported. It prints each
column's role, each scheme with its phasing phrase, and what it could not read.

Options:
  --sheet NAME           read the table on this sheet (default: the first sheet holding one)
  --out FILE             where to write the programme workbook (replaced if it exists)
  --json                 print what was read as JSON
  -h, --help             show this help

Exit status: 0 read and written, 1 written but some of the table could not be read or does not add
up (see the report), 2 the table could not be read or the workbook not written.
The table's workbook is only read, never changed.
`;
