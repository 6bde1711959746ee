/**
 * Keeps V8's young generation small while the command runs (issue 15).
 *
 * V8 doubles the young generation (two semi-spaces) while much of what is allocated survives, as
 * a workbook's grid does, up to 16 MB per semi-space. Every page of it is memory the process
 * touches for the first time, and a first touch is a page fault: on the two-core VM this was
 * measured on, 14 µs each. Capping each semi-space at 4 MB saved ~5,000 faults and 40-60 ms of
 * a 20k-row check (0.63 s), and changed nothing measurable at 100k rows (BENCHMARKS.md).
 *
 * Node takes `--max-semi-space-size` only on its command line, so the cap works through the one
 * young-generation flag V8 reads while running: the growth factor, read each time the young
 * generation grows (v8 src/heap/new-spaces.cc, `NewSpace::Grow`). Once the young generation has
 * reached the cap, the factor becomes 1: it grows no further. The size is looked at on a timer
 * (each turn of the event loop, which reading a workbook takes for every piece inflated) rather
 * than on each garbage collection through perf_hooks, whose loading alone cost 3 ms of start-up.
 * Set per process, so only the command's entry point (`run`) does it.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** The young generation's size (both semi-spaces) at which it stops growing: 2 x 4 MB. */
export const YOUNG_GENERATION_CAP_BYTES = 8 * 1024 * 1024;

/**
 * How long the young generation is watched. A big workbook's grid takes it to the cap in its
 * first tenth of a second; after this, whatever it is, it is left as V8 grows it.
 */
const WATCH_MS = 2000;

function youngGenerationBytes(): number {
  return (
    getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0
  );
}

/**
 * Stops the young generation growing once it is YOUNG_GENERATION_CAP_BYTES or more.
 *
 * @example
 * capYoungGeneration(); // at the start of the process, before the work
 */
export function capYoungGeneration(): void {
  const stopAtCap = (): boolean => {
    if (youngGenerationBytes() < YOUNG_GENERATION_CAP_BYTES) return false;
    setFlagsFromString('--semi-space-growth-factor=1');
    return true;
  };
  if (stopAtCap()) return;
  const started = Date.now();
  const timer = setInterval(() => {
    // A small job may never reach the cap: the watch (15 µs a look) ends after WATCH_MS anyway.
    if (stopAtCap() || Date.now() - started > WATCH_MS) clearInterval(timer);
  }, 1);
  // The watch never keeps the command running.
  timer.unref();
}
