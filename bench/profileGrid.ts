/**
 * Where checkGrid's time goes: profiles the bundled check (as the task pane ships it) on the
 * 100k-row programme with V8's sampling profiler and prints the functions that take the most
 * time. Run: `npx tsx bench/profileGrid.ts [schemes]`.
 */
import { Session } from 'node:inspector/promises';
import { readFileSync } from 'node:fs';
import { bundleFile, loadBundled } from './lib/bundle';
import { generateProgramme, sumNumericCells } from './lib/programme';
import type { checkGrid as CheckGrid } from '../src/core/validation';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self time per function, largest first.
 *
 * @example
 * selfTimes(profile).slice(0, 10);
 */
export function selfTimes(
  profile: Profile,
  sourceOf: (line: number) => string = () => '',
): { name: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const frame = node.callFrame;
    const where = frame.url ? ` ${sourceOf(frame.lineNumber) || frame.url.split('/').pop()}` : '';
    const name = `${frame.functionName || '(anonymous)'}${where}`;
    totals.set(name, (totals.get(name) ?? 0) + delta);
    all += delta;
  });
  return [...totals.entries()]
    .map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / all }))
    .sort((a, b) => b.ms - a.ms);
}

async function main(): Promise<void> {
  const schemes = Number(process.argv[2] ?? 100_000);
  const { checkGrid } = await loadBundled<{ checkGrid: typeof CheckGrid }>(
    'src/core/validation/index.ts',
  );
  const programme = generateProgramme(schemes);
  const grid = { sheet: 'Programme', values: programme.values };
  for (let i = 0; i < 3; i++) checkGrid(grid);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const runs = 10;
  let started = performance.now();
  for (let i = 0; i < runs; i++) checkGrid(grid);
  const checkMs = (performance.now() - started) / runs;
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  started = performance.now();
  for (let i = 0; i < runs; i++) sumNumericCells(programme.values);
  const floorMs = (performance.now() - started) / runs;
  process.stdout.write(
    `checkGrid ${checkMs.toFixed(1)} ms, floor ${floorMs.toFixed(1)} ms (${(checkMs / floorMs).toFixed(1)}x), ${runs} checks profiled\n`,
  );
  // esbuild marks where each source file starts in the bundle: `// src/core/grid/scan.ts`.
  const lines = readFileSync(bundleFile() ?? '', 'utf8').split('\n');
  const starts: { line: number; source: string }[] = [];
  lines.forEach((text, line) => {
    const match = /^\/\/ (?:\S*\/)?(src\/\S+\.ts)$/.exec(text);
    if (match) starts.push({ line, source: match[1] });
  });
  const sourceOf = (line: number): string => {
    let found = '';
    for (const start of starts) if (start.line <= line) found = start.source;
    return found;
  };
  for (const entry of selfTimes(profile, sourceOf).slice(0, 20)) {
    process.stdout.write(
      `${(entry.share * 100).toFixed(1).padStart(5)}%  ${(entry.ms / runs).toFixed(1).padStart(6)} ms/check  ${entry.name}\n`,
    );
  }
}

void main();
