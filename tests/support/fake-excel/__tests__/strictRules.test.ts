/**
 * Each rule the stand-in enforces because Excel documents it (or, where the documentation is
 * silent, because it is the stricter reading): one test per rule. The citations sit beside the
 * rules in errors.ts, context.ts, model.ts and proxies.ts.
 */
import {
  CELL_CHARACTER_LIMIT,
  GET_CELL_LIMIT,
  REQUEST_BYTES_PER_OPERATION,
  type FakeWorkbook,
  installFakeExcel,
  isOfficeError,
} from '../index';

type Context = Excel.RequestContext;

/** Runs a batch and returns what it threw (or undefined). */
async function failure(
  workbook: FakeWorkbook,
  batch: (context: Context) => Promise<void>,
): Promise<unknown> {
  try {
    await workbook.run(batch as never);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('the stand-in is as strict as Excel', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
  });

  it('raises an error at sync() with code and debugInfo, never the code inside the message', async () => {
    workbook.setCells('S', 'A1', [['x']]);
    let afterQueue = false;
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem('Missing').getRange('A1').values = [[1]];
      afterQueue = true; // queuing did not throw
      await context.sync();
    });
    expect(afterQueue).toBe(true);
    expect(error).toMatchObject({
      name: 'RichApi.Error',
      code: 'ItemNotFound',
      debugInfo: { code: 'ItemNotFound', errorLocation: 'WorksheetCollection.getItem' },
    });
    expect((error as Error).message).not.toMatch(/ItemNotFound/);
  });

  it('runs nothing queued after the failing operation of a batch', async () => {
    workbook.setCells('S', 'A1', [['before']]);
    await failure(workbook, async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:B1').values = [[1]]; // wrong shape: fails
      sheet.getRange('A1').values = [['after']];
      await context.sync();
    });
    expect(workbook.read('S', 'A1')).toEqual([['before']]);
  });

  it('throws PropertyNotLoaded, with its code, when a property is read before load and sync', async () => {
    workbook.setCells('S', 'A1', [[1]]);
    await workbook.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('address');
      await context.sync();
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('refuses an array whose shape does not match the range (InvalidArgument)', async () => {
    workbook.setCells('S', 'A1', [['x']]);
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B2').values = [[1, 2]];
      await context.sync();
    });
    expect(isOfficeError(error, 'InvalidArgument')).toBe(true);
  });

  it.each([
    ['Programme:2019'],
    ['A/B'],
    ['This name is far too long for Excel'],
    [''],
    ["'Quoted'"],
    ['History'],
  ])('refuses the sheet name %p (InvalidArgument)', async (name) => {
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.add(name || ' ').name = name;
      await context.sync();
    });
    expect(isOfficeError(error, 'InvalidArgument')).toBe(true);
  });

  it('refuses a second sheet of the same name, whatever its case (ItemAlreadyExists)', async () => {
    workbook.setCells('Programme', 'A1', [['x']]);
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.add('PROGRAMME');
      await context.sync();
    });
    expect(isOfficeError(error, 'ItemAlreadyExists')).toBe(true);
  });

  it.each([['Has space'], ['1Programme'], ['A1'], ['R1C1'], ['c']])(
    'refuses the table name %p (InvalidArgument)',
    async (name) => {
      workbook.setCells('S', 'A1', [['Ref'], ['CP-1']]);
      const error = await failure(workbook, async (context) => {
        context.workbook.worksheets.getItem('S').tables.add('A1:A2', true).name = name;
        await context.sync();
      });
      expect(isOfficeError(error, 'InvalidArgument')).toBe(true);
    },
  );

  it('refuses new contents in locked cells of a protected sheet (AccessDenied)', async () => {
    workbook.setCells('S', 'A1', [['x']]);
    workbook.model.findSheet('S')!.protection = { protected: true };
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').values = [['y']];
      await context.sync();
    });
    expect(isOfficeError(error, 'AccessDenied')).toBe(true);
  });

  it('refuses a fill, even of an unlocked cell, on a sheet protected without allowFormatCells', async () => {
    workbook.setCells('S', 'A1', [[1]]);
    workbook.cell('S', 'A1')!.locked = false;
    workbook.model.findSheet('S')!.protection = {
      protected: true,
      options: { allowFormatColumns: true },
    };
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').format.fill.color = '#FFF2CC';
      await context.sync();
    });
    expect(isOfficeError(error, 'AccessDenied')).toBe(true);
    expect(workbook.cell('S', 'A1')?.fill).toBeUndefined();
  });

  it('lets formats change on a sheet protected with allowFormatCells', async () => {
    workbook.setCells('S', 'A1', [[1]]);
    workbook.model.findSheet('S')!.protection = {
      protected: true,
      options: { allowFormatCells: true },
    };
    await workbook.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1');
      range.format.fill.color = '#FFF2CC';
      range.numberFormat = [['0.0']];
      await context.sync();
    });
    expect(workbook.cell('S', 'A1')).toMatchObject({ fill: '#FFF2CC', numberFormat: '0.0' });
  });

  it('reads No Fill back as #FFFFFF, like solid white, told apart only by tintAndShade', async () => {
    workbook.setCells('S', 'A1', [[1, 2]]);
    workbook.cell('S', 'B1')!.fill = '#FFFFFF';
    await workbook.run(async (context) => {
      const props = context.workbook.worksheets
        .getItem('S')
        .getRange('A1:B1')
        .getCellProperties({
          format: { fill: { color: true, pattern: true, tintAndShade: true } },
        });
      await context.sync();
      const [none, white] = (props.value as { format?: { fill?: unknown } }[][])[0].map(
        (p) => p.format?.fill,
      );
      expect(none).toEqual({ color: '#FFFFFF', pattern: null, tintAndShade: null });
      expect(white).toEqual({ color: '#FFFFFF', pattern: null, tintAndShade: 0 });
    });
  });

  it('returns values as null, without an error, for a read of more than 5,000,000 cells', async () => {
    workbook.setCells('S', 'A1', [[1]]);
    await workbook.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const big = sheet
        .getRangeByIndexes(0, 0, GET_CELL_LIMIT / 10 + 1, 10)
        .load('values, cellCount');
      const small = sheet.getRangeByIndexes(0, 0, 1, 1).load('values');
      await context.sync();
      expect(big.values).toBeNull();
      expect(small.values).toEqual([[1]]);
    });
  });

  it('charges every queued operation its JSON envelope, not only its data', async () => {
    workbook.setCells('S', 'A1', [[1]]);
    await workbook.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      for (let i = 0; i < 10; i++) sheet.getRange('A1').format.font.bold = true;
      await context.sync();
    });
    // 1 getItem + 10 x (getRange + bold) = 21 operations.
    expect(workbook.stats.largestRequestBytes).toBeGreaterThanOrEqual(
      21 * REQUEST_BYTES_PER_OPERATION,
    );
  });

  it('refuses a this-row table reference written outside a table, and takes it inside one', async () => {
    workbook = installFakeExcel(globalThis, { refuseThisRowOutsideTable: true });
    workbook.setCells('S', 'A1', [
      ['Approved', 'Revised'],
      [2, ''],
    ]);
    const outside = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('B2').formulas = [['=[@Approved]+1']];
      await context.sync();
    });
    expect(isOfficeError(outside, 'InvalidArgument')).toBe(true);
    await workbook.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.tables.add('A1:B2', true);
      sheet.getRange('B2').formulas = [['=[@Approved]+1']];
      sheet.getRange('D2').formulas = [['=Table1[@Approved]']]; // qualified: fine outside
      await context.sync();
    });
    expect(workbook.read('S', 'B2')).toEqual([['=[@Approved]+1']]);
  });

  it('keeps the calculation mode, and marks formula results stale in manual mode until calculate', async () => {
    workbook.setCells('S', 'A1', [[1]]);
    await workbook.run(async (context) => {
      context.workbook.application.calculationMode = 'Manual' as Excel.CalculationMode;
      context.workbook.worksheets.getItem('S').getRange('A2').formulas = [['=A1*2']];
      const app = context.workbook.application.load('calculationMode');
      await context.sync();
      expect(app.calculationMode).toBe('Manual');
    });
    expect(workbook.model.staleFormulas).toBe(true);
    await workbook.run(async (context) => {
      context.workbook.application.calculate('Recalculate' as Excel.CalculationType);
      await context.sync();
    });
    expect(workbook.model.staleFormulas).toBe(false);
  });

  it('fails a batch while the user edits a cell, unless it asks to wait (delayForCellEdit)', async () => {
    workbook.setCells('S', 'A1', [[1]]);
    workbook.model.cellEditing = true;
    const error = await failure(workbook, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').values = [[2]];
      await context.sync();
    });
    expect(isOfficeError(error, 'InvalidOperationInCellEditMode')).toBe(true);
    await workbook.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').values = [[3]];
      await context.sync();
    });
    expect(workbook.read('S', 'A1')).toEqual([[3]]);
  });

  it('refuses getSelectedRange while a chart or shape is selected (InvalidSelection)', async () => {
    workbook.select('S', 'A1');
    workbook.model.selectionKind = 'chart';
    const error = await failure(workbook, async (context) => {
      context.workbook.getSelectedRange().load('address');
      await context.sync();
    });
    expect(isOfficeError(error, 'InvalidSelection')).toBe(true);
  });

  it('refuses rows.add on a table while others edit the workbook (Conflict)', async () => {
    workbook.setCells('S', 'A1', [['Ref'], ['CP-1']]);
    await workbook.run(async (context) => {
      context.workbook.worksheets.getItem('S').tables.add('A1:A2', true);
      await context.sync();
    });
    workbook.model.coauthoring = true;
    const error = await failure(workbook, async (context) => {
      context.workbook.tables.getItem('Table1').rows.add(null as unknown as undefined, [['CP-2']]);
      await context.sync();
    });
    expect(isOfficeError(error, 'Conflict')).toBe(true);
    expect(workbook.table('Table1')?.bodyRows).toBe(1);
  });

  it('keeps what is written to a Text (@) cell as text, a leading apostrophe included', async () => {
    workbook = installFakeExcel(globalThis, { keepApostropheInTextCells: true });
    workbook.setCells('S', 'A1', [['', '', '']], [['@', '@', '@']]);
    await workbook.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:C1').values = [
        ['=1+1', '007', "'CP-1"],
      ];
      await context.sync();
    });
    expect(workbook.read('S', 'A1:C1')).toEqual([['=1+1', '007', "'CP-1"]]);
    expect(workbook.cell('S', 'A1')?.isFormula).toBe(false);
  });

  it('refuses more than 32,767 characters in one cell, and takes exactly that many', async () => {
    const full = 'x'.repeat(CELL_CHARACTER_LIMIT);
    const refused = await failure(workbook, async (context) => {
      context.workbook.worksheets.add('S').getRange('A1').values = [[`${full}y`]];
      await context.sync();
    });
    expect(isOfficeError(refused) && refused.code).toBe('InvalidArgument');
    await workbook.run(async (context) => {
      context.workbook.worksheets.add('T').getRange('A1:B1').values = [[full, `'${full}`]];
      await context.sync();
    });
    expect(workbook.read('T', 'A1:B1')).toEqual([[full, full]]);
  });

  it('can leave a sync unanswered, as Excel on the web sometimes does', async () => {
    workbook.setCells('S', 'A1', [[1]]);
    workbook.model.syncNeverReturns = true;
    const outcome = await Promise.race([
      workbook.run(async (context) => {
        await context.sync();
        return 'answered';
      }),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 50)),
    ]);
    expect(outcome).toBe('still waiting');
  });
});
