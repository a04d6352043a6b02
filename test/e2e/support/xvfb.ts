/**
 * A virtual X display for the headed tests: starts `Xvfb` on a free display number (`-displayfd` lets Xvfb pick
 * it and report it) so a test can run a headed Chromium where no screen exists (CI) and press keys in it with
 * xdotool without reaching a developer's real screen. Starts no browser and installs nothing: Debian's `xvfb`
 * and `xdotool` packages must be there (.ci/run installs them).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Readable } from 'node:stream';

/** A running Xvfb. */
export interface VirtualDisplay {
  /** The value for `DISPLAY`, e.g. `:99`. */
  display: string;
  /** Stops Xvfb and waits for it to exit. */
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;

/** The programs the headed tests need (`Xvfb`, `xdotool`) that are not on `PATH`; empty when both are. */
export function missingDisplayTools(): string[] {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return ['Xvfb', 'xdotool'].filter((tool) => !dirs.some((dir) => existsSync(join(dir, tool))));
}

/** Starts Xvfb (1280x1024, 24-bit, no TCP); resolves once it accepts connections. Throws when it cannot start. */
export async function startXvfb(): Promise<VirtualDisplay> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  xvfb.stderr?.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)));
  // 'error' alone when it never started (not installed), 'exit' when it ran.
  const exited = new Promise<void>((resolve) => {
    xvfb.once('exit', () => resolve());
    xvfb.once('error', () => resolve());
  });
  const close = async (): Promise<void> => {
    if (xvfb.pid !== undefined && xvfb.exitCode === null && xvfb.signalCode === null) xvfb.kill('SIGTERM');
    await exited;
  };
  try {
    // Xvfb writes the display number to fd 3 once it is ready for clients.
    const number = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Xvfb reported no display within ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
      (xvfb.stdio[3] as Readable).on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (!out.includes('\n')) return;
        clearTimeout(timer);
        resolve(out.trim());
      });
      xvfb.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(error.code === 'ENOENT' ? new Error('Xvfb is not installed (Debian: apt-get install xvfb xdotool)') : error);
      });
      xvfb.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Xvfb exited (${code}) before it was ready: ${stderr}`));
      });
    });
    return { display: `:${number}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
