/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary/ErrorBoundary';
import { ConfirmProvider, useConfirm } from '../components/ConfirmDialog/useConfirm';
import { OutsideExcel } from '../components/OutsideExcel/OutsideExcel';
import { sheetReference } from '../sheetReference';
import './domPolyfills';

function Boom({ explode }: { explode: boolean }) {
  if (explode) throw new Error('render bug');
  return <p>All well</p>;
}

function TwoQuestions() {
  const confirm = useConfirm();
  const [answers, setAnswers] = useState<string>('');
  const ask = () => {
    void confirm({
      title: 'First?',
      message: 'one',
      examples: [{ cell: 'H4', was: '2.6', becomes: '0.65' }],
    }).then((a) => setAnswers((s) => `${s}first:${a};`));
    void confirm({ title: 'Second?', message: 'two' }).then((a) =>
      setAnswers((s) => `${s}second:${a};`),
    );
  };
  return (
    <>
      <button onClick={ask}>Ask</button>
      <output>{answers}</output>
    </>
  );
}

describe('pane safety nets', () => {
  it('shows a readable message instead of a blank pane when rendering fails, and recovers', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let explode = true;
    function Flaky() {
      return <Boom explode={explode} />;
    }
    render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary>
          <Flaky />
        </ErrorBoundary>
      </FluentProvider>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/Your workbook has not been changed/);
    explode = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reload the pane' }));
    expect(screen.getByText('All well')).toBeTruthy();
    spy.mockRestore();
  });

  it('asks questions one at a time and answers each separately', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ConfirmProvider>
          <TwoQuestions />
        </ConfirmProvider>
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('First?');
    const cells = screen.getByRole('table', { name: 'Cells that would be replaced' });
    expect(
      Array.from(cells.querySelectorAll('tbody tr')).map((row) =>
        Array.from(row.children).map((cell) => cell.textContent),
      ),
    ).toEqual([['H4', '2.6', '0.65']]);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Replace' })));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('Second?');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(screen.getByRole('status', { hidden: true }).textContent).toBe(
      'first:true;second:false;',
    );
  });

  it('opens on Cancel, not on the destructive Replace', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ConfirmProvider>
          <TwoQuestions />
        </ConfirmProvider>
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    await screen.findByRole('alertdialog');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })),
    );
  });

  it('gives focus back to the control that asked when the dialog closes (regression: focus fell to the page)', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ConfirmProvider>
          <TwoQuestions />
        </ConfirmProvider>
      </FluentProvider>,
    );
    const ask = screen.getByRole('button', { name: 'Ask' });
    ask.focus();
    fireEvent.click(ask);
    await screen.findByRole('alertdialog');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Replace' })));
    await screen.findByText('Second?');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    await waitFor(() => expect(document.activeElement).toBe(ask));
  });

  it.each([
    [undefined, /none is open here/],
    ['Word', /opened in Word/],
  ])('explains how to open the pane in Excel when the host is %p', (host, expected) => {
    render(
      <FluentProvider theme={webLightTheme}>
        <OutsideExcel host={host} />
      </FluentProvider>,
    );
    expect(
      screen.getByRole('heading', { name: 'Capital Planner works inside Excel' }),
    ).toBeTruthy();
    expect(screen.getByText(expected)).toBeTruthy();
  });

  it.each([
    ['Programme', 'Programme'],
    ['Forecast - Head of ICT', "'Forecast - Head of ICT'"],
    ["Head's sheet", "'Head''s sheet'"],
    ['2016', "'2016'"],
  ])('writes the sheet %p in an address as %s', (sheet, expected) => {
    expect(sheetReference(sheet)).toBe(expected);
  });
});
