import { Body1, Subtitle1 } from '@fluentui/react-components';
import type { OutsideExcelProps } from './OutsideExcel.types';
import { useOutsideExcelStyles } from './useOutsideExcelStyles';

/**
 * Shown when the pane is opened in a browser tab or another Office app: says what it is for and
 * how to open it in Excel, instead of failing on the first click.
 *
 * @example
 * <OutsideExcel host="Word" />
 */
export function OutsideExcel({ host }: OutsideExcelProps) {
  const styles = useOutsideExcelStyles();
  return (
    <div className={styles.page}>
      <main className={styles.root}>
        <Subtitle1 as="h1">Capital Planner works inside Excel</Subtitle1>
        <Body1>
          {host
            ? `This pane was opened in ${host}. It sets up, phases and checks capital programmes in Excel workbooks only.`
            : 'This page is the Capital Planner task pane. It needs an Excel workbook to work on, and none is open here.'}
        </Body1>
        <Body1>
          To use it, open your workbook in Excel (desktop, Mac or on the web), then choose Home &gt;
          Capital Planner. Your workbook will still compute without the add-in: everything it writes
          is plain values and native formulas.
        </Body1>
        <Body1>
          To try it in Excel on the web, upload manifest.xml under Insert &gt; Add-ins &gt; My
          Add-ins.
        </Body1>
      </main>
    </div>
  );
}
