import { Button, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import {
  type DiagnosticsReport,
  diagnosticsText,
  runDiagnostics,
} from '../../../excel/diagnostics';
import type { ActionResult } from '../../../excel/types';

/** Props of {@link DiagnosticsSection}: the runner is injectable for tests. */
export interface DiagnosticsSectionProps {
  run?: () => Promise<ActionResult<DiagnosticsReport>>;
  copy?: (text: string) => Promise<void>;
}

async function copyToClipboard(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/**
 * "Diagnostics" in Settings: runs the in-Excel self-test (src/excel/diagnostics.ts) and lists
 * each behaviour as passed or failed with the host, platform and version, with "Copy report"
 * for a bug report.
 *
 * @example
 * <DiagnosticsSection />
 */
export function DiagnosticsSection({
  run = runDiagnostics,
  copy = copyToClipboard,
}: DiagnosticsSectionProps) {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<DiagnosticsReport>();
  const [message, setMessage] = useState<string>();
  const start = async () => {
    setBusy(true);
    setMessage(undefined);
    const result = await run();
    setBusy(false);
    if (result.ok) setReport(result.value);
    else setMessage(result.message);
  };
  const copyReport = async () => {
    if (!report) return;
    try {
      await copy(diagnosticsText(report));
      setMessage('Report copied: paste it into your bug report.');
    } catch {
      setMessage('The report could not be copied: select the list below and copy it by hand.');
    }
  };
  return (
    <section aria-label="Diagnostics">
      <Text weight="semibold" block>
        Diagnostics
      </Text>
      <Text block size={200}>
        Tries, on a temporary sheet it removes afterwards, each Excel behaviour the add-in relies
        on.
      </Text>
      <Button type="button" onClick={() => void start()} disabled={busy}>
        Run diagnostics
      </Button>
      {busy && <Spinner size="tiny" label="Running diagnostics" />}
      {message && (
        <Text block role="status">
          {message}
        </Text>
      )}
      {report && (
        <div>
          <Text block size={200}>
            {`${report.host.host} on ${report.host.platform}, version ${report.host.version}; ExcelApi ${report.excelApi}`}
          </Text>
          <ul aria-label="Diagnostics results">
            {report.results.map((result) => (
              <li key={result.behaviour}>
                <Text weight="semibold">{result.passed ? 'Passed' : 'Failed'}</Text>
                {`: ${result.behaviour}. ${result.detail}`}
              </li>
            ))}
          </ul>
          <Button type="button" onClick={() => void copyReport()}>
            Copy report
          </Button>
        </div>
      )}
    </section>
  );
}
