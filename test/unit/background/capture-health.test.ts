import { describe, expect, it } from 'vitest';
import { captureHealth, type HealthInput } from '../../../src/background/capture-health.js';
import { defaultSettings } from '../../../src/shared/settings.js';

const settings = { ...defaultSettings(), domains: ['idp.example', 'app.example'] };
const base: HealthInput = { target: 'chrome', settings, tabUrl: 'https://app.example/home', access: true, devtoolsOpen: false, paused: false, pauses: [] };
const states = (input: Partial<HealthInput>) => Object.fromEntries(captureHealth({ ...base, ...input }).sources.map((s) => [s.source, `${s.state}: ${s.detail}`]));

describe('capture health (issue 9 §4)', () => {
  it('a configured tab with access, DevTools closed', () => {
    expect(states({})).toEqual({
      webRequest: 'active: requests of app.example and to the configured domains',
      'page-hook': 'active: fetch and XHR bodies of pages on app.example',
      devtools: 'closed: DevTools is not open on this tab',
    });
    expect(captureHealth(base)).toMatchObject({ host: 'app.example', configured: true, domains: ['idp.example', 'app.example'], devtoolsOpen: false, droppedWhilePaused: 0 });
  });

  it('a host nobody configured, DevTools open: only DevTools captures', () => {
    expect(states({ tabUrl: 'http://localhost:3000/', access: false, devtoolsOpen: true })).toEqual({
      webRequest: 'no-access: localhost:3000 is not a configured domain',
      'page-hook': 'no-access: localhost:3000 is not a configured domain',
      devtools: 'active: DevTools is open: every login request of this tab, any host',
    });
  });

  it('a configured host whose access was taken back', () => {
    expect(states({ access: false }).webRequest).toBe('no-access: no host access for app.example: grant it on the options page');
  });

  it('an address nobody could tell', () => {
    const { tabUrl: _unused, access: _none, ...rest } = base;
    expect(captureHealth(rest)).toMatchObject({ configured: false });
    expect(captureHealth(rest).host).toBeUndefined();
    expect(states({ tabUrl: 'chrome://settings/' })['page-hook']).toBe("no-access: no host access for this tab's site");
  });

  it('paused since the start of the open pause, counting what it dropped', () => {
    const health = captureHealth({ ...base, paused: true, pauses: [{ from: 10, to: 20, dropped: 5 }, { from: 30, dropped: 2 }] });
    expect(health.sources.every((s) => s.state === 'paused')).toBe(true);
    expect(health).toMatchObject({ pausedAt: 30, droppedWhilePaused: 2 });
  });

  it('switched-off sources say so, and Firefox has its response filter', () => {
    const off = { ...settings, sources: { ...settings.sources, webRequest: false } };
    expect(states({ settings: off, target: 'firefox' })).toMatchObject({
      webRequest: 'off: switched off on the options page',
      filterResponseData: 'active: response bodies of configured domains',
    });
  });
});
