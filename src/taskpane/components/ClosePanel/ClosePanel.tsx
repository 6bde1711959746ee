import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useRunner } from '../../hooks/useActionRunner';
import { usePaneActions } from '../../paneContext';
import type { RolloverPreview } from '../../services';
import { useClosePanelStyles } from './useClosePanelStyles';

/** The first cell of an A1 range, e.g. `A12` of `A12:K18`. */
function firstCell(address: string): string {
  return address.split(':')[0];
}

/**
 * "Close year" (issue 14): after the year's last period, shows every change closing the year
 * makes (the carry-forward and outturn lines for the Revisions log, each Programme cell old and
 * new, the year that becomes current), then closes it on confirmation; Undo takes it all back.
 *
 * @example
 * <ClosePanel />
 */
export function ClosePanel() {
  const styles = useClosePanelStyles();
  const actions = usePaneActions();
  const { run, busyLabel } = useRunner();
  const [preview, setPreview] = useState<RolloverPreview>();
  const busy = busyLabel !== undefined;

  const look = async () => {
    const result = await run('Preview closing the year', (context) =>
      actions.previewRollover(context),
    );
    setPreview(result?.ok ? result.value : undefined);
  };
  const close = async () => {
    const result = await run(
      'Close the year',
      (context) => actions.closeTheYear(context),
      (value) => [
        {
          sheet: value.revisionsSheet,
          cell: firstCell(value.revisionsAddress),
          label: `The new Revisions lines (${value.revisionsAddress})`,
        },
      ],
    );
    if (result?.ok) setPreview(undefined);
  };

  return (
    <section className={styles.root} aria-label="Close the year">
      <Text className={styles.hint}>
        After the year&apos;s last period (P12): each scheme&apos;s slippage is carried into next
        year&apos;s phasing and recorded in the Revisions log; real under- and overspends are not
        carried; the next year becomes the one monitored. You see every change before anything is
        written, and Undo takes it all back.
      </Text>
      <div className={styles.buttons}>
        <Button
          appearance={preview ? 'secondary' : 'primary'}
          disabledFocusable={busy}
          onClick={() => void look()}
        >
          Preview closing the year
        </Button>
        {preview && (
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void close()}>
            {`Close ${preview.closing}`}
          </Button>
        )}
      </div>
      {preview && (
        <>
          <Text>
            {`Closing ${preview.closing}: ${preview.next} becomes the year being monitored.`}
          </Text>
          <div className={styles.scroll}>
            <table className={styles.table}>
              <caption className={styles.caption}>Lines added to the Revisions log</caption>
              <thead>
                <tr>
                  <th scope="col">Ref</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Amount</th>
                  <th scope="col">From → To</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {preview.lines.map((line, i) => (
                  <tr key={`${line.ref}-${i}`}>
                    <th scope="row">{line.ref}</th>
                    <td>{line.kind}</td>
                    <td className={styles.number}>{line.amount}</td>
                    <td>
                      {line.fromYear && line.toYear ? `${line.fromYear} → ${line.toYear}` : ''}
                    </td>
                    <td>{line.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={styles.scroll}>
            <table className={styles.table}>
              <caption className={styles.caption}>Cells that change</caption>
              <thead>
                <tr>
                  <th scope="col">Cell</th>
                  <th scope="col">What</th>
                  <th scope="col">Now</th>
                  <th scope="col">Becomes</th>
                </tr>
              </thead>
              <tbody>
                {preview.cells.map((change) => (
                  <tr key={`${change.sheet}!${change.cell}`}>
                    <th scope="row">{`${change.sheet}!${change.cell}`}</th>
                    <td>{change.what}</td>
                    <td className={styles.number}>{change.now}</td>
                    <td className={styles.number}>{change.becomes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
