/**
 * Runs the real `capital-planner` command (bin/capital-planner.cjs) in a child process, as a
 * user would after `npm ci`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Path of the command's entry point. */
export const BIN = join(__dirname, '..', '..', 'bin', 'capital-planner.cjs');

/** What one run printed and its exit status. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `capital-planner ...args` and collects its output. */
export function runCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, CAPITAL_PLANNER_DEBUG: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** SHA-256 of each file, to prove the command did not change its inputs. */
export async function hashes(files: readonly string[]): Promise<string[]> {
  return Promise.all(
    files.map(async (file) =>
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    ),
  );
}

/** True when text looks like a stack trace (what a user must never see). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /\bat (Object|Module|process)\./.test(text);
}
