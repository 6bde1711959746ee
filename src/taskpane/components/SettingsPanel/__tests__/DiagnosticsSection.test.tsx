/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { installFakeExcel } from '../../../../../tests/support/fake-excel';
import type { DiagnosticsReport } from '../../../../excel/diagnostics';
import { DiagnosticsSection } from '../DiagnosticsSection';

const report: DiagnosticsReport = {
  host: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.1' },
  excelApi: '1.17',
  cleanedUp: true,
  results: [
    { behaviour: 'Text with digits stays text', passed: true, detail: 'read back CP-001' },
    { behaviour: 'Highlight then clear restores No Fill', passed: false, detail: 'white' },
  ],
};

function show(props: Parameters<typeof DiagnosticsSection>[0]) {
  render(
    <FluentProvider theme={webLightTheme}>
      <DiagnosticsSection {...props} />
    </FluentProvider>,
  );
}

describe('Diagnostics in Settings', () => {
  it('lists each behaviour as passed or failed with the host, and copies the report', async () => {
    const copied: string[] = [];
    show({
      run: async () => ({ ok: true, value: report }),
      copy: async (t) => void copied.push(t),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Run diagnostics' }));
    const list = await screen.findByRole('list', { name: 'Diagnostics results' });
    expect(list.textContent).toMatch(/Passed: Text with digits stays text/);
    expect(list.textContent).toMatch(/Failed: Highlight then clear restores No Fill/);
    expect(screen.getByText(/Excel on OfficeOnline, version 16.0.1; ExcelApi 1.17/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toMatch(/FAILED {2}Highlight then clear restores No Fill: white/);
    expect(await screen.findByText(/Report copied/)).toBeTruthy();
  });

  it('runs the real self-test on the stand-in by default', async () => {
    installFakeExcel(globalThis);
    show({});
    fireEvent.click(screen.getByRole('button', { name: 'Run diagnostics' }));
    const list = await screen.findByRole(
      'list',
      { name: 'Diagnostics results' },
      { timeout: 20_000 },
    );
    expect(list.querySelectorAll('li')).toHaveLength(13);
    expect(list.textContent).not.toMatch(/Failed/);
  }, 30_000);
});
