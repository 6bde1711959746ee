/**
 * Accessibility end to end: the production pane in Debian's Chromium with the in-memory Excel, at
 * the two widths Excel gives a task pane (320 and 350 px), light and dark. axe-core (WCAG 2.1 A
 * and AA) runs on every tab before and after its main action, on the empty states, the confirm
 * dialog, the undo history, the activity list and an error notice; then a keyboard walk checks
 * the tablists by arrow keys, each panel's main button by Tab and back, visible focus, focus
 * returned after the dialog and cell links activated with Enter.
 *
 * One exclusion, by rule and selector only: Fluent's tabster puts focusable `aria-hidden` guard
 * elements (`[data-tabster-dummy]`) around dialogs and menus, which trips `aria-hidden-focus`;
 * a known false positive (microsoft/tabster#288).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/staticServer';
import { DIST, buildIfMissing, standInScript } from './paneHarness';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

type Cell = string | number | boolean;
declare const window: {
  axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> };
  __capitalPlannerWorkbook: {
    setCells(sheet: string, address: string, values: Cell[][]): void;
    select(sheet: string, address: string): void;
    model: { selection?: { sheet: { name: string }; rect: { top: number; left: number } } };
  };
};

/** Runs axe on the page (dialogs and menus render in portals, so the whole document). */
async function violations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  );
  return found.violations
    .map((violation) => ({
      ...violation,
      // microsoft/tabster#288: tabster's focus guards only, never anything else under this rule.
      nodes:
        violation.id === 'aria-hidden-focus'
          ? violation.nodes.filter((node) => !/data-tabster-dummy/.test(node.html))
          : violation.nodes,
    }))
    .filter((violation) => violation.nodes.length > 0);
}

/** Critical and serious violations, as readable lines (the assertion shows them on failure). */
async function serious(page: Page, state: string): Promise<string[]> {
  return (await violations(page))
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map(
      (violation) =>
        `${state}: ${violation.id} (${violation.impact}) ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

async function openTask(page: Page, step: string, task?: string): Promise<void> {
  await page.getByRole('tab', { name: step, exact: true }).click();
  if (task) await page.getByRole('tab', { name: task, exact: true }).click();
}

/**
 * True when the focused element shows a focus indicator: an outline, a box-shadow or a border
 * drawn by a pseudo-element, on the element itself or where Fluent draws it (an input's wrapper,
 * a radio's or checkbox's indicator beside it).
 */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return false;
    const shows = (style: CSSStyleDeclaration, pseudo: boolean) =>
      (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') ||
      (style.boxShadow !== 'none' && style.boxShadow !== '') ||
      (pseudo &&
        style.content !== 'none' &&
        ((style.borderBottomStyle !== 'none' && style.borderBottomWidth !== '0px') ||
          (style.borderStyle !== 'none' && style.borderWidth !== '0px')));
    const candidates = [element, element.parentElement, element.nextElementSibling].filter(
      (candidate): candidate is HTMLElement => candidate instanceof HTMLElement,
    );
    return candidates.some(
      (candidate) =>
        shows(getComputedStyle(candidate), false) ||
        shows(getComputedStyle(candidate, '::after'), true) ||
        shows(getComputedStyle(candidate, '::before'), true),
    );
  });
}

const MAIN_BUTTONS: readonly { step: string; task?: string; button: string }[] = [
  { step: 'Programme', task: 'Set up', button: 'Set up programme' },
  { step: 'Programme', task: 'Import', button: 'Read selected range' },
  { step: 'Monitor', task: 'Chart', button: 'Set up a programme' },
  { step: 'Check', button: 'Run check' },
  { step: 'Settings', button: 'Save settings' },
];

describe('the task pane is accessible (axe WCAG 2.1 A/AA and the keyboard)', () => {
  let server: StaticServer;
  let browser: Browser;
  let script: string;

  beforeAll(async () => {
    await buildIfMissing();
    script = await standInScript();
    server = await serveStatic(DIST);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPane(width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
    // bypassCSP only so that axe can be injected; the pane's own CSP is tested elsewhere.
    const context = await browser.newContext({
      viewport: { width, height: 800 },
      colorScheme,
      reducedMotion: 'reduce',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.addInitScript({ content: script });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole('heading', { name: 'Capital Planner' }).waitFor();
    return page;
  }

  describe.each([320, 350])('at %i px', (width) => {
    it.each(['light', 'dark'] as const)(
      'has no critical or serious violation in any tab or state (%s)',
      async (colorScheme) => {
        const page = await openPane(width, colorScheme);
        const found: string[] = [];

        // The four steps sit on one row (regression: eight tabs wrapped onto two rows).
        const tops = await page
          .getByRole('tablist', { name: 'Steps of the capital cycle' })
          .getByRole('tab')
          .evaluateAll((tabs) => tabs.map((tab) => Math.round(tab.getBoundingClientRect().top)));
        expect(new Set(tops).size).toBe(1);

        // Empty workbook: every tab shows its empty state or form.
        for (const [step, task] of [
          ['Programme', 'Set up'],
          ['Programme', 'Import'],
          ['Programme', 'Phase'],
          ['Programme', 'Revise'],
          ['Monitor', 'Forecasts'],
          ['Monitor', 'Actuals'],
          ['Monitor', 'Chart'],
          ['Check', undefined],
          ['Settings', undefined],
        ] as const) {
          await openTask(page, step, task);
          found.push(...(await serious(page, `empty ${task ?? step}`)));
        }

        // Set up with the sample schemes.
        await openTask(page, 'Programme', 'Set up');
        await page.getByLabel('First financial year').fill('2016');
        await page.getByLabel('Number of years').fill('4');
        await page.getByLabel(/Fill with sample schemes/).check();
        await page.getByRole('button', { name: 'Set up programme' }).click();
        await page.getByText(/Programme sheet ready/).waitFor();
        found.push(...(await serious(page, 'after set up')));

        // Phase, then re-phase into filled cells: the confirm dialog.
        await openTask(page, 'Programme', 'Phase');
        await page.getByRole('button', { name: 'Phase', exact: true }).click();
        await page
          .getByText(/schemes phased/)
          .first()
          .waitFor();
        found.push(...(await serious(page, 'after phase')));
        await page.evaluate(() =>
          window.__capitalPlannerWorkbook.setCells('Programme', 'M2', [[99]]),
        );
        await page.getByRole('button', { name: 'Phase', exact: true }).click();
        const dialog = page.getByRole('alertdialog');
        await dialog.waitFor();
        found.push(...(await serious(page, 'confirm dialog')));
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'hidden' });

        // Revise, Forecasts, Chart and Check after their actions.
        await openTask(page, 'Programme', 'Revise');
        await page.getByLabel('Amount (£m)').waitFor();
        found.push(...(await serious(page, 'revise with schemes')));
        await openTask(page, 'Monitor', 'Forecasts');
        await page.getByRole('button', { name: 'Make forecast sheets' }).click();
        await page.getByRole('list', { name: 'Forecast sheets' }).waitFor();
        await page.getByRole('button', { name: 'Gather into Monitoring' }).click();
        await page
          .getByText(/Monitoring sheet written/)
          .first()
          .waitFor();
        found.push(...(await serious(page, 'after gather')));
        // Actuals: a pasted ledger's preview, with rows to look at and the choices.
        await openTask(page, 'Monitor', 'Actuals');
        await page
          .getByLabel(/Ledger export/)
          .fill('Scheme ref,Period,Amount\nCP-001,2016/17 P3,100\nCP-077,2016/17 P3,5\n');
        await page.getByRole('button', { name: 'Read pasted text' }).click();
        await page.getByRole('list', { name: 'Ledger rows to look at' }).waitFor();
        found.push(...(await serious(page, 'actuals preview')));
        await openTask(page, 'Check');
        await page.getByRole('button', { name: 'Run check' }).click();
        await page
          .getByText(/in Programme!/)
          .first()
          .waitFor();
        found.push(...(await serious(page, 'after check')));
        // The column role pickers, open, and a reading corrected (with its Reset).
        await page.getByRole('button', { name: 'Correct column roles' }).click();
        await page.getByLabel(/^Role of column B/).selectOption('skip');
        await page.getByText(/Reading corrected by you: B = skip/).waitFor();
        found.push(...(await serious(page, 'column role pickers')));

        // An error notice: a selection check with nothing readable selected.
        await page.getByLabel('The selected range').check();
        await page.evaluate(() => window.__capitalPlannerWorkbook.select('Programme', 'ZZ500'));
        await page.getByRole('button', { name: 'Run check' }).click();
        await page
          .getByText(/Check: not done|Check: failed|No problems found/)
          .first()
          .waitFor();
        found.push(...(await serious(page, 'check of an empty selection')));

        // The undo history menu and the activity list.
        await page.getByRole('button', { name: 'Changes made in this session' }).click();
        await page.getByRole('menu').waitFor();
        found.push(...(await serious(page, 'undo history')));
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: /^Activity/ }).click();
        found.push(...(await serious(page, 'activity list')));

        expect(found).toEqual([]);
        await page.context().close();
      },
      180_000,
    );
  });

  it('walks by keyboard: arrows through the tablists, Tab to each main button and back, focus always visible', async () => {
    const page = await openPane(320, 'light');
    // Arrow keys move along the steps and Enter (or the arrow itself) selects.
    await page.getByRole('tab', { name: 'Programme' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('tab', { name: 'Monitor', selected: true }).count()).toBe(1);
    expect(await focusVisible(page)).toBe(true);
    // And along a step's tasks.
    await page.getByRole('tab', { name: 'Forecasts' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('tab', { name: 'Actuals', selected: true }).count()).toBe(1);

    for (const { step, task, button } of MAIN_BUTTONS) {
      await openTask(page, step, task);
      const tab = page.getByRole('tab', { name: task ?? step, exact: true });
      await tab.focus();
      let reached = false;
      for (let presses = 0; presses < 25 && !reached; presses++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          (name) => document.activeElement?.textContent?.trim() === name,
          button,
        );
        // Tabster's 1px focus guards (microsoft/tabster#288) pass focus on; they are not stops.
        const guard = await page.evaluate(
          () => document.activeElement?.hasAttribute('data-tabster-dummy') === true,
        );
        if (!guard) expect(await focusVisible(page)).toBe(true);
      }
      expect({ task: task ?? step, reached }).toEqual({ task: task ?? step, reached: true });
      // Shift+Tab goes back the way it came, to the tab.
      let back = false;
      for (let presses = 0; presses < 25 && !back; presses++) {
        await page.keyboard.press('Shift+Tab');
        back = await page.evaluate(
          (name) =>
            document.activeElement?.getAttribute('role') === 'tab' &&
            document.activeElement.textContent?.includes(name) === true,
          task ?? step,
        );
      }
      expect({ task: task ?? step, back }).toEqual({ task: task ?? step, back: true });
    }
    await page.context().close();
  }, 120_000);

  it('returns focus after the dialog and opens cell links with Enter', async () => {
    const page = await openPane(320, 'light');
    await page.getByLabel('First financial year').fill('2016');
    await page.getByLabel('Number of years').fill('4');
    await page.getByLabel(/Fill with sample schemes/).check();
    await page.getByRole('button', { name: 'Set up programme' }).click();
    await page.getByText(/Programme sheet ready/).waitFor();
    await openTask(page, 'Programme', 'Phase');
    const phase = page.getByRole('button', { name: 'Phase', exact: true });
    await phase.click();
    await page
      .getByText(/schemes phased/)
      .first()
      .waitFor();

    // Re-phase into a filled cell: the dialog opens on Cancel; Escape closes it, focus comes back.
    await page.evaluate(() => window.__capitalPlannerWorkbook.setCells('Programme', 'M2', [[99]]));
    await phase.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Cancel');
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'hidden' });
    await page.waitForFunction(
      () =>
        document.activeElement?.textContent?.trim() === 'Phase' &&
        document.activeElement.getAttribute('role') !== 'tab',
    );
    expect(await focusVisible(page)).toBe(true);

    // A cell link in the results: Enter selects its cell in the workbook.
    await page
      .getByText(/not yet phased/)
      .first()
      .waitFor();
    const link = page.getByRole('button', { name: /Programme!I\d+/ }).first();
    const address = ((await link.textContent()) ?? '').match(/Programme!(I\d+)/)?.[1];
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => window.__capitalPlannerWorkbook.model.selection?.sheet.name === 'Programme',
    );
    const selected = await page.evaluate(
      () => window.__capitalPlannerWorkbook.model.selection?.rect,
    );
    expect(selected && `I${selected.top + 1}`).toBe(address);
    await page.context().close();
  }, 120_000);
});
