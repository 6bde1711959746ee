/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { decimal } from '../../../../core/money/decimal';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import type { SchemeChoice } from '../../../services';
import type { RevisionFormValues } from '../RevisePanel.types';
import { todayForInput, validateRevision } from '../validateRevision';

const schemes: SchemeChoice[] = [
  { ref: 'CMS-01', scheme: 'Case management system', approvedBudget: 3.1 },
  { ref: 'ICT-02', scheme: 'Service management', approvedBudget: 1.1 },
];

const filled: RevisionFormValues = {
  ref: 'CMS-01',
  date: '2025-01-14',
  kind: 'addition',
  amount: '£420k',
  reason: 'New module',
  reference: 'Cabinet 14 Jan 2025, item 7',
  approvedBy: 'S151 officer',
  fromYear: '',
  toYear: '',
};

function type(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function chooseScheme(text: string, option: RegExp) {
  const box = await screen.findByRole('combobox', { name: /Scheme/ });
  await waitFor(() => expect(box.getAttribute('placeholder')).not.toMatch(/Reading/));
  fireEvent.click(box);
  fireEvent.change(box, { target: { value: text } });
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('Revise', () => {
  it('records a revision with the amount read exactly in the programme unit', async () => {
    const actions = fakeActions({
      listSchemes: async () => ({ ok: true, value: schemes, summary: '' }),
    });
    await renderApp(actions, 'revise');
    await chooseScheme('case', /CMS-01/);
    type(/Date approved/, '2025-01-14');
    type(/Amount/, '£420k');
    type(/Reason/, 'New module, extra specialist support');
    type(/Reference/, 'Cabinet 14 Jan 2025, item 7');
    type(/Approved by/, 'Cabinet');
    fireEvent.click(screen.getByRole('button', { name: 'Record revision' }));
    await screen.findByText('Done.');
    const [revision] = actions.recordRevision.mock.calls[0];
    expect(revision).toEqual({
      ref: 'CMS-01',
      date: { year: 2025, month: 1, day: 14 },
      kind: 'addition',
      amount: expect.objectContaining({}),
      reason: 'New module, extra specialist support',
      reference: 'Cabinet 14 Jan 2025, item 7',
      approvedBy: 'Cabinet',
    });
    // £420k in £m is exactly 0.42.
    expect(revision.amount.units / 10 ** revision.amount.scale).toBe(0.42);
    await waitFor(() =>
      expect((screen.getByLabelText(/Amount/) as HTMLInputElement).value).toBe(''),
    );
  });

  it('shows a message on each field that is wrong and records nothing', async () => {
    const actions = fakeActions({
      listSchemes: async () => ({ ok: true, value: schemes, summary: '' }),
    });
    await renderApp(actions, 'revise');
    await screen.findByRole('combobox', { name: /Scheme/ });
    type(/Amount/, 'about a million');
    fireEvent.click(screen.getByRole('button', { name: 'Record revision' }));
    expect(
      await screen.findByText('Choose the scheme from the list: type part of its name or ref.'),
    ).toBeTruthy();
    expect(screen.getByText(/Cannot read 'about a million' as money/)).toBeTruthy();
    expect(screen.getByText(/Say why the budget changed/)).toBeTruthy();
    expect(screen.getByText(/Give the approval reference/)).toBeTruthy();
    expect(actions.recordRevision).not.toHaveBeenCalled();
  });

  async function pick(field: RegExp, option: string) {
    fireEvent.click(screen.getByRole('combobox', { name: field }));
    fireEvent.click(await screen.findByRole('option', { name: option }));
  }

  async function startReprofile() {
    const actions = fakeActions({
      listSchemes: async () => ({ ok: true, value: schemes, summary: '' }),
    });
    await renderApp(actions, 'revise');
    await chooseScheme('case', /CMS-01/);
    expect(screen.queryByRole('combobox', { name: /From year/ })).toBeNull();
    await pick(/Kind/, 'Re-profile between years');
    type(/Date approved/, '2026-07-01');
    type(/Amount/, '0.4');
    type(/Reason/, 'Works slipped a year');
    type(/Reference/, 'Cabinet 1 Jul 2026');
    return actions;
  }

  it('records a re-profile with the From and To years chosen from the programme (issue 13)', async () => {
    const actions = await startReprofile();
    // The Programme's period columns run 2026/27 to 2028/29 (fakeActions' describeWorkbook).
    fireEvent.click(screen.getByRole('combobox', { name: /From year/ }));
    const offered = (await screen.findAllByRole('option')).map((option) => option.textContent);
    expect(offered).toEqual(['2026/27', '2027/28', '2028/29']);
    fireEvent.click(screen.getByRole('option', { name: '2026/27' }));
    await pick(/To year/, '2027/28');
    fireEvent.click(screen.getByRole('button', { name: 'Record revision' }));
    await screen.findByText('Done.');
    const [revision] = actions.recordRevision.mock.calls[0];
    expect(revision).toMatchObject({
      ref: 'CMS-01',
      kind: 're-profile',
      fromYear: 2026,
      toYear: 2027,
    });
    expect(revision.amount).toEqual(decimal(4, 1));
  });

  it('asks for both years of a re-profile, and for two different ones, recording nothing', async () => {
    const actions = await startReprofile();
    fireEvent.click(screen.getByRole('button', { name: 'Record revision' }));
    expect(await screen.findByText('Choose the year the money moves out of.')).toBeTruthy();
    expect(screen.getByText('Choose the year the money moves into.')).toBeTruthy();
    await pick(/From year/, '2027/28');
    await pick(/To year/, '2027/28');
    fireEvent.click(screen.getByRole('button', { name: 'Record revision' }));
    expect(
      await screen.findByText(
        'A re-profile moves money between two different years: choose a To year other than 2027/28.',
      ),
    ).toBeTruthy();
    expect(actions.recordRevision).not.toHaveBeenCalled();
  });

  it.each([
    [
      'a year outside the programme',
      { fromYear: '2030', toYear: '2026' },
      { fromYear: /2026\/27 to 2028\/29/ },
    ],
    [
      'a negative amount moved',
      { fromYear: '2026', toYear: '2027', amount: '-0.4' },
      { amount: /swap the From and To years/ },
    ],
  ])('refuses a re-profile with %s', (_case, change, expected) => {
    const checked = validateRevision(
      { ...filled, kind: 're-profile', ...change },
      schemes,
      '£m',
      [2026, 2027, 2028],
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    for (const [field, message] of Object.entries(expected))
      expect(checked.errors[field as keyof typeof checked.errors]).toMatch(message);
  });

  it('records no years for another kind of change, whatever the year fields hold', () => {
    const checked = validateRevision(
      { ...filled, fromYear: '2026', toYear: '2027' },
      schemes,
      '£m',
      [2026, 2027, 2028],
    );
    expect(checked.ok && checked.revision).not.toHaveProperty('fromYear');
  });

  it('says to set up a programme first when there are no schemes', async () => {
    await renderApp(fakeActions(), 'revise');
    expect(
      await screen.findByText(/No schemes yet: set up or import a programme first/),
    ).toBeTruthy();
  });

  it.each([
    ['a negative addition', { amount: '-0.2' }, { amount: /An addition is a positive amount/ }],
    ['an approximate amount', { amount: 'c£90k' }, { amount: /not an approximate one/ }],
    ['a zero amount', { amount: '0' }, { amount: /A revision of zero changes nothing/ }],
    [
      'an impossible date',
      { date: '2025-02-30' },
      { date: /Enter the date the change was approved/ },
    ],
    ['a scheme not in the list', { ref: 'XYZ-99' }, { ref: /Choose the scheme from the list/ }],
  ])('refuses %s with a message saying how to write it', (_case, change, expected) => {
    const checked = validateRevision({ ...filled, ...change }, schemes, '£m');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    for (const [field, message] of Object.entries(expected)) {
      expect(checked.errors[field as keyof typeof checked.errors]).toMatch(message);
    }
  });

  it.each([
    ['reduction', '0.15', 15, 2],
    ['reduction', '-0.15', -15, 2],
    ['virement', '(0.150)', -150, 3],
    ['re-profile', '£875k', 875, 3],
  ] as const)('keeps a %s of %s exactly as entered', (kind, amount, units, scale) => {
    const checked = validateRevision({ ...filled, kind, amount }, schemes, '£m');
    expect(checked.ok && checked.revision.amount).toEqual(decimal(units, scale));
  });

  it('writes today as a date input expects', () => {
    expect(todayForInput(new Date(2025, 0, 4))).toBe('2025-01-04');
  });
});
