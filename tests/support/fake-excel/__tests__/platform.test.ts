import { RESPONSE_BYTES_PER_LOAD, WEB_PAYLOAD_LIMIT, installFakeExcel } from '../index';

type OfficeStub = { context: { platform: string; diagnostics: { platform: string } } };
const office = () => (globalThis as unknown as { Office?: OfficeStub }).Office;

describe('the in-memory Excel on either platform', () => {
  it('plays Excel on the web unless told otherwise, with its 5 MB limit', () => {
    const workbook = installFakeExcel(globalThis);
    expect(workbook.platform).toBe('web');
    expect(workbook.payloadLimit).toBe(WEB_PAYLOAD_LIMIT);
    expect(office()?.context.diagnostics.platform).toBe('OfficeOnline');
  });

  it('plays desktop Excel: Office says PC and a request of any size goes through', async () => {
    const workbook = installFakeExcel(globalThis, { platform: 'desktop' });
    expect(office()?.context.diagnostics.platform).toBe('PC');
    expect(office()?.context.platform).toBe('PC');
    workbook.setCells('S', 'A1', [['']]);
    const text = 'x'.repeat(1000);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:A6000').values = Array.from(
        { length: 6000 },
        () => [text],
      );
      await context.sync();
    });
    expect(workbook.stats.largestRequestBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
    expect(workbook.read('S', 'A6000')).toEqual([[text]]);
  });

  it('goes back to the web when a later install does not name a platform', () => {
    installFakeExcel(globalThis, { platform: 'desktop' });
    installFakeExcel(globalThis);
    expect(office()?.context.diagnostics.platform).toBe('OfficeOnline');
  });

  it('counts every byte read, to compare syncs with the limit', async () => {
    const workbook = installFakeExcel(globalThis);
    workbook.setCells('S', 'A1', [['ab', 2.5]]);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B1').load('values');
      await context.sync();
      const again = context.workbook.worksheets.getItem('S').getRange('A1:B1').load('values');
      await context.sync();
      expect([range.values, again.values]).toEqual([[['ab', 2.5]], [['ab', 2.5]]]);
    });
    // [["ab",2.5]] as JSON, twice; the fake counts a comma after the last item of each array too,
    // and each loaded object's envelope.
    expect(workbook.stats.responseBytes).toBe(
      2 * (JSON.stringify([['ab', 2.5]]).length + 2 + RESPONSE_BYTES_PER_LOAD),
    );
  });
});
