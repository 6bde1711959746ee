/**
 * Bundled into the page before its scripts run: installs the in-memory Excel as `window.Excel`
 * (the pane uses it when Office.onReady reports no host) and exposes its workbook to the test.
 */
import { installFakeExcel } from '../support/fake-excel';

(window as unknown as { __capitalPlannerWorkbook: unknown }).__capitalPlannerWorkbook =
  installFakeExcel(window);
