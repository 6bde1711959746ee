import { Badge, Button, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useRunner } from '../../hooks/useActionRunner';
import { useWorkbookInfo } from '../../hooks/useWorkbookInfo';
import { usePaneActions, usePaneSettings } from '../../paneContext';
import type { ForecastSheet, MonitoringSummary, Rag, VarianceStatus } from '../../services';
import { formatFiscalYear, type Month } from '../../../core';
import { CellLink } from '../CellLink/CellLink';
import { InYearResult } from '../InYearResult/InYearResult';
import { NoProgramme } from '../NoProgramme/NoProgramme';
import type { NextStepProps } from '../NoProgramme/NoProgramme.types';
import type { MonitoringSummaryViewProps } from './ForecastsPanel.types';
import { useForecastsPanelStyles } from './useForecastsPanelStyles';

const STATUS_COLOURS: Record<VarianceStatus, 'success' | 'warning' | 'danger' | 'informative'> = {
  'On target': 'success',
  Underspend: 'warning',
  Overspend: 'danger',
  'No forecast': 'informative',
};
const RAG_COLOURS: Record<Rag, 'success' | 'warning' | 'danger'> = {
  Green: 'success',
  Amber: 'warning',
  Red: 'danger',
};

/**
 * Shows a figure the pane got as a number, to the programme's decimals (display only: the
 * workbook holds the exact figures as formulas).
 *
 * @example
 * showFigure(-0.25, '£m', 1); // '-£0.3m'
 */
export function showFigure(value: number | null, unit: string, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const text = Math.abs(value).toLocaleString('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  const suffix = unit === '£' ? '' : unit.slice(1);
  const zero = Number(text.replace(/,/g, '')) === 0;
  return `${value < 0 && !zero ? '-' : ''}£${text}${suffix}`;
}

/**
 * The monitoring summary: schemes by status and RAG, totals, and the schemes off target.
 *
 * @example
 * <MonitoringSummaryView summary={summary} unit="£m" decimals={1} />
 */
export function MonitoringSummaryView({ summary, unit, decimals }: MonitoringSummaryViewProps) {
  const styles = useForecastsPanelStyles();
  return (
    <>
      <Subtitle2 as="h3">
        {summary.sheet}: {summary.schemes} schemes
      </Subtitle2>
      <div className={styles.counts} role="group" aria-label="Schemes by status">
        {(Object.keys(summary.byStatus) as VarianceStatus[]).map((status) => (
          <Badge key={status} appearance="tint" color={STATUS_COLOURS[status]}>
            {status}: {summary.byStatus[status]}
          </Badge>
        ))}
      </div>
      <div className={styles.counts} role="group" aria-label="Schemes by RAG rating">
        {(Object.keys(summary.byRag) as Rag[]).map((rag) => (
          <Badge key={rag} appearance="filled" color={RAG_COLOURS[rag]}>
            {rag}: {summary.byRag[rag]}
          </Badge>
        ))}
      </div>
      {summary.missingForecast > 0 && (
        <Text>
          {summary.withForecast === 0
            ? `No scheme has a forecast yet: totals will show once forecasts are in.`
            : `${summary.missingForecast} of ${summary.schemes} schemes have no forecast yet: the totals below cover the ${summary.withForecast} that do (budget of the whole programme ${showFigure(summary.programmeBudget, unit, decimals)}).`}
        </Text>
      )}
      <dl className={styles.figures}>
        <dt>{summary.missingForecast > 0 ? 'Budget of schemes with a forecast' : 'Budget'}</dt>
        <dd className={styles.figure}>{showFigure(summary.totalBudget, unit, decimals)}</dd>
        <dt>Forecast</dt>
        <dd className={styles.figure}>{showFigure(summary.totalForecast, unit, decimals)}</dd>
        <dt>Variance</dt>
        <dd className={styles.figure}>{showFigure(summary.totalVariance, unit, decimals)}</dd>
      </dl>
      {summary.inYear && <InYearResult inYear={summary.inYear} />}
      {summary.offTarget.length > 0 && (
        <>
          <Subtitle2 as="h3">Off target</Subtitle2>
          <ul className={styles.list} aria-label="Schemes off target">
            {summary.offTarget.map((line, position) => (
              <li key={`${line.ref ?? line.name}-${position}`}>
                <Text>
                  {line.ref ? `${line.ref} ` : ''}
                  {line.name}: {line.status}
                  {line.rag ? ` (${line.rag})` : ''}, variance{' '}
                  {showFigure(line.variance, unit, decimals)}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * "Forecasts": one protected sheet per budget holder, then gathered into `Monitoring`.
 *
 * @example
 * <ForecastsPanel />
 */
export function ForecastsPanel({ onNext }: NextStepProps) {
  const styles = useForecastsPanelStyles();
  const actions = usePaneActions();
  const { info } = useWorkbookInfo();
  const { settings } = usePaneSettings();
  const { run, busyLabel } = useRunner();
  const [sheets, setSheets] = useState<ForecastSheet[]>();
  const [summary, setSummary] = useState<MonitoringSummary>();

  const generate = async () => {
    const outcome = await run('Make forecast sheets', (context) =>
      actions.generateForecastSheets(context),
    );
    if (outcome?.ok) setSheets(outcome.value);
  };
  const gather = async () => {
    const outcome = await run(
      'Gather forecasts',
      (context) => actions.gatherForecasts(context),
      (value) => [{ sheet: value.sheet, cell: 'A1', label: `The ${value.sheet} sheet` }],
    );
    if (outcome?.ok) setSummary(outcome.value);
  };

  if (info && !info.programme)
    return <NoProgramme purpose="collect forecasts from budget holders" onNext={onNext} />;
  // Once forecast sheets exist, gathering them is the next step.
  const sheetsMade = (sheets !== undefined && sheets.length > 0) || (info?.forecastSheets ?? 0) > 0;
  // The year and period monitored, when the settings name them.
  const monitored =
    typeof settings.monitoringYear === 'number' && typeof settings.monitoringPeriod === 'number'
      ? `${formatFiscalYear(settings.monitoringYear, settings.fiscalYearStartMonth as Month)} P${settings.monitoringPeriod}`
      : undefined;

  return (
    <section className={styles.root} aria-label="Collect forecasts">
      <Text className={styles.hint}>
        Makes one sheet per budget holder with their schemes: budgets locked, only the forecast
        cells open. When they are filled in, gather them into the Monitoring sheet (budget,
        forecast, variance and RAG as formulas).
      </Text>
      <Text className={styles.hint} role="note" aria-label="Period monitored">
        {monitored
          ? `Monitoring ${monitored}: both steps add the Actuals, Monitoring history, In-year monitoring and Capital budget position sheets if they are missing, or move them on to ${monitored}; each gathering adds that period's snapshots to the history.`
          : 'To monitor the year as well (in-year budget, actual to date, slippage, history), set the year and period being monitored in Settings first.'}
      </Text>
      {!monitored && onNext && (
        <div className={styles.buttons}>
          <Button size="small" onClick={() => onNext('settings')}>
            Set the period monitored
          </Button>
        </div>
      )}
      <div className={styles.buttons}>
        <Button
          appearance={sheetsMade ? 'secondary' : 'primary'}
          onClick={() => void generate()}
          disabledFocusable={busyLabel !== undefined}
        >
          Make forecast sheets
        </Button>
        <Button
          appearance={sheetsMade ? 'primary' : 'secondary'}
          onClick={() => void gather()}
          disabledFocusable={busyLabel !== undefined}
        >
          Gather into Monitoring
        </Button>
      </div>
      <div aria-live="polite" className={styles.results}>
        {sheets && (
          <>
            <Subtitle2 as="h3">Forecast sheets</Subtitle2>
            {sheets.length === 0 ? (
              <Text className={styles.hint}>
                No budget holders found: fill the Budget holder column first.
              </Text>
            ) : (
              <ul className={styles.list} aria-label="Forecast sheets">
                {sheets.map((sheet) => (
                  <li key={sheet.sheet}>
                    <CellLink sheet={sheet.sheet} cell="A1">
                      {sheet.holder}:{' '}
                      {sheet.schemes === 1 ? '1 scheme' : `${sheet.schemes} schemes`}
                    </CellLink>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        {summary && (
          <MonitoringSummaryView
            summary={summary}
            unit={settings.unit}
            decimals={settings.decimals}
          />
        )}
        {summary?.inYear && onNext && (
          <div className={styles.buttons}>
            <Button onClick={() => onNext('check')}>Next: check the workbook</Button>
            <Button onClick={() => onNext('chart')}>Chart the trend</Button>
            <Button onClick={() => onNext('actuals')}>Bring in more actuals</Button>
          </div>
        )}
      </div>
    </section>
  );
}
