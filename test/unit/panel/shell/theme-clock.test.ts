// @vitest-environment happy-dom
import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { applyTheme, chooseTheme, followTheme } from '../../../../src/panel/theme.js';
import { createClock } from '../../../../src/panel/workspace/clock.js';

describe('theme', () => {
  it.each([
    ['?theme=dark', undefined, 'dark'],
    ['?theme=light', 'dark', 'light'],
    ['', 'dark', 'dark'],
    ['', 'default', 'light'],
    ['', 'light', 'light'],
    ['', undefined, undefined],
    ['?theme=<b>', 'weird', undefined],
  ])('search %j with DevTools theme %j gives %j', (search, devtools, expected) => {
    expect(chooseTheme(search, devtools)).toBe(expected);
  });

  it('sets and removes data-theme on the root', () => {
    const root = document.createElement('html');
    applyTheme(root, 'dark');
    expect(root.dataset.theme).toBe('dark');
    applyTheme(root, undefined);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});

describe('clock', () => {
  it('ticks in whole seconds and notifies only when the second changes; stop ends the ticking', () => {
    let ms = 1_700_000_000_400;
    let tick: (() => void) | undefined;
    let cleared = false;
    const clock = createClock({ nowMs: () => ms, setInterval: (cb) => ((tick = cb), 1), clearInterval: () => (cleared = true) });
    const seen: number[] = [];
    const stopWatching = effect(() => void seen.push(clock.seconds.value));
    ms += 300;
    tick!();
    ms += 400;
    tick!();
    ms += 2000;
    tick!();
    expect(seen).toEqual([1_700_000_000, 1_700_000_001, 1_700_000_003]);
    clock.stop();
    expect(cleared).toBe(true);
    stopWatching();
  });
});

describe('followTheme', () => {
  it('uses a forced theme as is, else the system scheme, and follows its changes', () => {
    const root = document.createElement('html');
    let matches = true;
    let changed: (() => void) | undefined;
    const query = {
      get matches() {
        return matches;
      },
      addEventListener: (_type: 'change', listener: () => void) => void (changed = listener),
    };
    const media = () => query;
    followTheme(root, 'light', media);
    expect(root.dataset.theme).toBe('light');
    expect(changed).toBeUndefined();
    followTheme(root, undefined, media);
    expect(root.dataset.theme).toBe('dark');
    matches = false;
    changed!();
    expect(root.dataset.theme).toBe('light');
  });
});
