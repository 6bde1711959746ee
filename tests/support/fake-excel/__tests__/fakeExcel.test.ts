import { installFakeExcel } from '../index';

describe('the in-memory Excel', () => {
  it('hides loaded values until the sync, as Office.js does', async () => {
    const workbook = installFakeExcel(globalThis);
    workbook.setCells('S', 'A1', [[1, 'x']]);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B1').load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([[1, 'x']]);
    });
    expect(workbook.stats).toMatchObject({ runs: 1, syncs: 1 });
  });

  it('runs typed formulas and keeps quote-prefixed text, like Excel', async () => {
    const workbook = installFakeExcel(globalThis);
    workbook.setCells('S', 'A1', [['']]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:D1').values = [
        ['=1+1', "'=1+1", '007', '+A1'],
      ];
    });
    expect(workbook.cell('S', 'A1')).toMatchObject({ isFormula: true });
    expect(workbook.cell('S', 'B1')).toMatchObject({
      isFormula: false,
      content: '=1+1',
      quotePrefix: true,
    });
    expect(workbook.cell('S', 'C1')?.content).toBe(7);
    expect(workbook.cell('S', 'D1')).toMatchObject({ isFormula: true, content: '=+A1' });
  });

  it('rejects a missing sheet at the sync and a request over the payload limit', async () => {
    installFakeExcel(globalThis);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nope').getRange('A1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    const small = installFakeExcel(globalThis, { payloadLimit: 1000 });
    small.setCells('S', 'A1', [['']]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A200').values = Array.from(
          { length: 200 },
          () => ['some text'],
        );
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('refuses to write locked cells of a protected sheet', async () => {
    const workbook = installFakeExcel(globalThis);
    workbook.setCells('S', 'A1', [['']]);
    await expect(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        sheet.getRange('B1').format.protection.locked = false;
        sheet.protection.protect();
        sheet.getRange('B1').values = [[5]];
        sheet.getRange('A1').values = [[5]];
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(workbook.cell('S', 'B1')?.content).toBe(5);
  });

  it('grows a table above its totals row when rows are added', async () => {
    const workbook = installFakeExcel(globalThis);
    workbook.setCells('S', 'A1', [
      ['Ref', 'Amount'],
      ['A', 1],
    ]);
    await Excel.run(async (context) => {
      const table = context.workbook.tables.add('S!A1:B2', true);
      table.name = 'T';
      table.showTotals = true;
      table.rows.add(undefined, [['B', 2]]);
      const body = table.getDataBodyRange().load('values, address');
      await context.sync();
      expect(body.values).toEqual([
        ['A', 1],
        ['B', 2],
      ]);
      expect(body.address).toBe('S!A2:B3');
    });
    expect(workbook.read('S', 'A4')).toEqual([['Total']]);
  });

  it('shrinks a table when a body row is deleted, the cells below moving up', async () => {
    const workbook = installFakeExcel(globalThis);
    workbook.setCells('S', 'A1', [
      ['Ref', 'Amount', 'Beside'],
      ['A', 1, 'x'],
      ['B', 2, 'y'],
      ['below', '', 'z'],
    ]);
    await Excel.run(async (context) => {
      const table = context.workbook.tables.add('S!A1:B3', true);
      table.name = 'T';
      table.rows.getItemAt(0).delete();
      const body = table.getDataBodyRange().load('values, address');
      await context.sync();
      expect(body.values).toEqual([['B', 2]]);
      expect(body.address).toBe('S!A2:B2');
    });
    // Only the table's columns move (TableRow.delete); column C stays where it was.
    expect(workbook.read('S', 'A2:C4')).toEqual([
      ['B', 2, 'x'],
      ['below', '', 'y'],
      ['', '', 'z'],
    ]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.tables.getItem('T').rows.getItemAt(5).delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
