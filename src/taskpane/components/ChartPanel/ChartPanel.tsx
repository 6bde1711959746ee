import { Button, Text } from '@fluentui/react-components';
import { useRunner } from '../../hooks/useActionRunner';
import { usePaneActions } from '../../paneContext';
import { CHARTS } from './ChartPanel.types';
import { useChartPanelStyles } from './useChartPanelStyles';

/**
 * "Chart": adds native Excel charts, which stay live in the workbook without the add-in.
 *
 * @example
 * <ChartPanel />
 */
export function ChartPanel() {
  const styles = useChartPanelStyles();
  const actions = usePaneActions();
  const { run, busyLabel } = useRunner();
  return (
    <section className={styles.root} aria-label="Charts">
      <Text className={styles.hint}>
        Charts are native Excel charts: they update with the figures and need no add-in.
      </Text>
      {CHARTS.map((chart) => (
        <div key={chart.kind} className={styles.chart}>
          <Button
            appearance="primary"
            disabled={busyLabel !== undefined}
            onClick={() =>
              void run(chart.label, (context) => actions.createChart(chart.kind, context))
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
