import { describe, expect, it } from 'vitest';
import { parseStartArgs } from '../../../scripts/start/args.js';
import { chooseChromium, SYSTEM_CHROMIUM } from '../../../scripts/start/chromium.js';

describe('parseStartArgs', () => {
  it.each([
    [[], {}, 'headless', 'no DISPLAY or WAYLAND_DISPLAY'],
    [[], { DISPLAY: ':0' }, 'headed', 'DISPLAY is set'],
    [[], { WAYLAND_DISPLAY: 'wayland-0' }, 'headed', 'WAYLAND_DISPLAY is set'],
    [[], { DISPLAY: '  ' }, 'headless', 'no DISPLAY or WAYLAND_DISPLAY'],
    [['--headless'], { DISPLAY: ':0' }, 'headless', '--headless'],
    [['--headed'], {}, 'headed', '--headed'],
    [['--headed', '--headed'], {}, 'headed', '--headed'],
  ] as const)('%j with %j runs %s (%s)', (argv, env, mode, why) => {
    expect(parseStartArgs(argv, env)).toEqual({ command: 'run', mode, why });
  });

  it.each([
    [['--headed', '--headless'], '--headed and --headless exclude each other'],
    [['--headless', '--headed'], '--headed and --headless exclude each other'],
    [['--head'], 'unknown option "--head"'],
    [['headless'], 'unknown option "headless"'],
    [[''], 'unknown option ""'],
  ])('refuses %j', (argv, message) => {
    const parsed = parseStartArgs(argv, {});
    expect(parsed.command).toBe('error');
    expect(parsed.command === 'error' && parsed.message).toContain(message);
  });

  it.each([['--help'], ['-h'], ['--headed', '--help']])('%j asks for help', (...argv) => {
    expect(parseStartArgs(argv, {})).toEqual({ command: 'help' });
  });
});

describe('chooseChromium', () => {
  const only = (...paths: string[]) => (path: string) => paths.includes(path);
  const OWN = '/home/u/.cache/ms-playwright/chromium/chrome';

  it.each([
    ['CHROMIUM_PATH when it exists', { CHROMIUM_PATH: '/opt/chrome' }, only('/opt/chrome', SYSTEM_CHROMIUM), '/opt/chrome'],
    ['the system Chromium', {}, only(SYSTEM_CHROMIUM, OWN), SYSTEM_CHROMIUM],
    ['the system Chromium when CHROMIUM_PATH is blank', { CHROMIUM_PATH: ' ' }, only(SYSTEM_CHROMIUM), SYSTEM_CHROMIUM],
    ["Playwright's own (no executablePath)", {}, only(OWN), undefined],
  ])('picks %s', (_what, env, exists, executablePath) => {
    const choice = chooseChromium(env, exists, OWN);
    expect(choice.ok).toBe(true);
    expect(choice.ok && choice.executablePath).toBe(executablePath);
  });

  it.each([
    ['a missing CHROMIUM_PATH, even with a system Chromium', { CHROMIUM_PATH: '/nope/chrome' }, only(SYSTEM_CHROMIUM, OWN), /^CHROMIUM_PATH=\/nope\/chrome does not exist: install Chromium .*apt-get install chromium.* or set CHROMIUM_PATH/],
    ['no browser at all', {}, only(), /^no Chromium found: install Chromium .*or set CHROMIUM_PATH/],
  ])('refuses %s, saying how to get one', (_what, env, exists, error) => {
    const choice = chooseChromium(env, exists, OWN);
    expect(choice.ok).toBe(false);
    expect(choice.ok ? '' : choice.error).toMatch(error);
  });

  it('does not take an empty Playwright path for a browser', () => {
    expect(chooseChromium({}, () => false, '').ok).toBe(false);
  });
});
