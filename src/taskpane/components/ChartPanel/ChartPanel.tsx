import { Button, Text } from '@fluentui/react-components';
import { useRunner } from '../../hooks/useActionRunner';
import { useWorkbookInfo } from '../../hooks/useWorkbookInfo';
import { NoProgramme } from '../NoProgramme/NoProgramme';
import type { NextStepProps } from '../NoProgramme/NoProgramme.types';
import { usePaneActions } from '../../paneContext';
import { CHARTS } from './ChartPanel.types';
import { useChartPanelStyles } from './useChartPanelStyles';

/**
 * "Chart": adds native Excel charts, which stay live in the workbook without the add-in.
 *
 * @example
 * <ChartPanel />
 */
export function ChartPanel({ onNext }: NextStepProps) {
  const styles = useChartPanelStyles();
  const actions = usePaneActions();
  const { info } = useWorkbookInfo();
  const { run, busyLabel } = useRunner();
  if (info && !info.programme) return <NoProgramme purpose="chart it" onNext={onNext} />;
  if (info && info.schemes === 0)
    return (
      <section className={styles.root} aria-label="Charts">
        <Text className={styles.hint}>
          The Programme has no schemes yet, so a chart would be empty. Add schemes (or fill the
          first row) and phase them, then chart them here.
        </Text>
        {onNext && (
          <div>
            <Button appearance="primary" onClick={() => onNext('phase')}>
              Go to Phase
            </Button>
          </div>
        )}
      </section>
    );
  return (
    <section className={styles.root} aria-label="Charts">
      <Text className={styles.hint}>
        Charts are native Excel charts: they update with the figures and need no add-in.
      </Text>
      {CHARTS.map((chart) => (
        <div key={chart.kind} className={styles.chart}>
          <Button
            appearance="primary"
            disabledFocusable={busyLabel !== undefined}
            onClick={() =>
              void run(
                chart.label,
                (context) => actions.createChart(chart.kind, context),
                (value) => [
                  { sheet: value.sheet, cell: 'A1', label: `The chart on ${value.sheet}` },
                ],
              )
            }
          >
            {chart.label}
          </Button>
          <Text size={200} className={styles.hint}>
            {chart.description}
          </Text>
        </div>
      ))}
    </section>
  );
}
