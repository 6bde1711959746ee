import { readLedgerText } from '../ledgerText';

describe('readLedgerText', () => {
  it('reads CSV with quoted commas, doubled quotes and line breaks in a field', () => {
    const read = readLedgerText(
      'Ref,Amount,Description\r\nCP-001,1250.5,"Laptops, docks"\r\nCP-002,-40,"He said ""hold""\nthen paid"\r\n',
    );
    expect(read).toEqual({
      ok: true,
      value: [
        ['Ref', 'Amount', 'Description'],
        ['CP-001', 1250.5, 'Laptops, docks'],
        ['CP-002', -40, 'He said "hold"\nthen paid'],
      ],
    });
  });

  it('keeps refs with leading zeros, money text and dates as text for the ledger reader', () => {
    const read = readLedgerText('Ref,Amount,Date\n007,"£1,250.00",30/11/2016\n');
    expect(read.ok && read.value[1]).toEqual(['007', '£1,250.00', '30/11/2016']);
  });

  it('reads tab-separated text as Excel copies it, and a semicolon CSV', () => {
    expect(
      readLedgerText('Ref\tAmount\nCP-001\t5').ok && readLedgerText('Ref\tAmount\nCP-001\t5'),
    ).toEqual({
      ok: true,
      value: [
        ['Ref', 'Amount'],
        ['CP-001', 5],
      ],
    });
    const semicolons = readLedgerText('Ref;Amount;Period\nCP-001;5;P3');
    expect(semicolons.ok && semicolons.value[1]).toEqual(['CP-001', 5, 'P3']);
  });

  it('names the line of a quote never closed, and asks for text when there is none', () => {
    const open = readLedgerText('Ref,Amount\nCP-001,5\n"CP-002,6\n');
    expect(open.ok).toBe(false);
    expect(!open.ok && open.message).toMatch(/line 3/);
    expect(readLedgerText('\n\n').ok).toBe(false);
  });
});
