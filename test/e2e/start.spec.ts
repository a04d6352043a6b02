/**
 * `npm start`, for real (issue 3, section 6): the npm script builds, starts the demo provider and SPA, logs in
 * in headless Chromium with the extension (no DISPLAY: the default must be headless), prints the CLI's report
 * and one line per flow, and saves a screenshot of the panel. And when there is no browser it fails at once
 * with one line that says how to get one. Runs the npm script in a child process; needs nothing built before.
 */
import { spawn } from 'node:child_process';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_LOGIN } from './support/accounts.js';
import { ROOT } from './support/extension-build.js';
import { SPA_CLIENT_ID } from './support/provider-config.js';

const SCREENSHOT = join(ROOT, 'build', 'start', 'panel.png');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm <args>` at the root without a display; kills its whole process group if it outlives `timeoutMs`. */
function npm(args: string[], env: Record<string, string>, timeoutMs: number): Promise<Run> {
  const clean = { ...process.env, ...env };
  delete clean.DISPLAY;
  delete clean.WAYLAND_DISPLAY;
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: ROOT, env: clean, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`npm ${args.join(' ')} ran longer than ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test('npm start without a display: headless login, the flow and findings printed, a screenshot of the panel', async () => {
  test.setTimeout(240_000);
  await rm(SCREENSHOT, { force: true });
  const run = await npm(['start'], {}, 200_000);
  expect(run.code, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(0);
  const out = run.stdout;
  expect(out).toContain('headless (no DISPLAY or WAYLAND_DISPLAY)');

  const issuer = /^OpenID provider: (http:\/\/127\.0\.0\.1:\d+) /m.exec(out)?.[1];
  expect(issuer, 'the provider line').toBeDefined();
  const flow = /^ {2}flow \S+ {2}authorization_code {2}issuer (\S+) {2}client (\S+) {2}subject (\S+) {2}steps: (.+)$/m.exec(out);
  expect(flow, 'one line per flow').not.toBeNull();
  expect(flow?.slice(1, 4)).toEqual([issuer, SPA_CLIENT_ID, TEST_LOGIN]);
  const steps = flow?.[4] ?? '';
  for (const kind of ['token', 'userinfo', 'refresh', 'introspection']) expect(steps, kind).toMatch(new RegExp(`(^|, )${kind} 200 \\[[^\\]]*webRequest[^\\]]*\\]`));

  // The CLI's report: the flow with its subject, the JWT signatures checked against the provider's keys, the totals.
  expect(out).toContain(`Flow f1  authorization_code  ${issuer}`);
  expect(out).toMatch(new RegExp(`client ${SPA_CLIENT_ID} {2}sub ${TEST_LOGIN}`));
  expect(out).toMatch(/signature: valid/);
  expect(out).not.toMatch(/signature: (?!valid)/);
  expect(out).toMatch(/^0 errors, \d+ warnings, \d+ info$/m);
  expect(out).toContain('Screenshot of the panel: build/start/panel.png');

  const png = await readFile(SCREENSHOT);
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 1280, height: 1000 });
  // A blank 1280x1000 page compresses to a few kilobytes; the panel with text is far larger.
  expect((await stat(SCREENSHOT)).size).toBeGreaterThan(30_000);
});

test('npm start without a browser: one stderr line that says how to get one, exit 1, nothing started', async () => {
  test.setTimeout(120_000);
  const run = await npm(['--silent', 'start'], { CHROMIUM_PATH: join(ROOT, 'build', 'no-such-chromium') }, 100_000);
  expect(run.code).toBe(1);
  expect(run.stderr.split('\n').filter((l) => l.trim() !== '')).toEqual([
    expect.stringMatching(/^npm start: CHROMIUM_PATH=\S+no-such-chromium does not exist: install Chromium \(Debian\/Ubuntu: apt-get install chromium\) or set CHROMIUM_PATH/),
  ]);
  expect(run.stdout).not.toContain('Building the Chrome extension');
});
