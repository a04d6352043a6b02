import { describe, expect, it } from 'vitest';
import { createRecorder, wanted } from '../../../src/background/recorder.js';
import type { Observation } from '../../../src/core/capture/observation.js';
import { parseDomains } from '../../../src/shared/domains.js';
import { defaultSettings, type Settings } from '../../../src/shared/settings.js';

const T0 = 1_700_000_000_000;
const obs = (part: Partial<Observation>): Observation => ({ source: 'webRequest', method: 'GET', url: 'https://idp.example.com/userinfo', startedAt: T0, ...part });

function setup(links: Record<number, number> = {}) {
  const recorded: [number, Observation[]][] = [];
  let release: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (release = resolve));
  let settings: Settings = defaultSettings();
  const recorder = createRecorder({
    store: { record: async (tabId, list) => (recorded.push([tabId, [...list]]), { accepted: list.length, dropped: 0, late: 0 }) },
    ready,
    settings: () => settings,
    domains: () => parseDomains(settings.domains),
    linkedTab: async (tabId) => links[tabId],
  });
  return { recorder, recorded, release, set: (s: Partial<Settings>) => (settings = { ...settings, ...s }) };
}

describe('recorder', () => {
  it('holds observations until the settings are loaded, then judges them by the loaded domains', async () => {
    const { recorder, recorded, release, set } = setup();
    recorder.record(1, [obs({})]);
    recorder.record(1, [obs({ url: 'https://other.example.com/' })]);
    await Promise.resolve();
    expect(recorded).toEqual([]);
    set({ domains: ['idp.example.com'] });
    release();
    await recorder.idle();
    expect(recorded).toEqual([[1, [obs({})]]]);
    expect(recorder.counters().ignored).toBe(1);
  });

  it.each<[string, number, unknown]>([
    ['a negative tab (the worker itself)', -1, [obs({})]],
    ['a fractional tab', 1.5, [obs({})]],
    ['NaN', Number.NaN, [obs({})]],
    ['not a list', 1, obs({})],
    ['an empty list', 1, []],
  ])('ignores %s', async (_name, tabId, list) => {
    const { recorder, recorded, release, set } = setup();
    set({ domains: ['idp.example.com'] });
    release();
    recorder.record(tabId, list as Observation[]);
    await recorder.idle();
    expect(recorded).toEqual([]);
  });

  it('keeps its own copy of the batch', async () => {
    const { recorder, recorded, release, set } = setup();
    set({ domains: ['idp.example.com'] });
    const list = [obs({})];
    recorder.record(2, list);
    list.push(obs({ url: 'https://idp.example.com/late' }));
    release();
    await recorder.idle();
    expect(recorded[0]![1]).toHaveLength(1);
  });

  it('counts callbacks per source', () => {
    const { recorder } = setup();
    recorder.count('webRequest');
    recorder.count('webRequest');
    recorder.count('page-hook');
    expect(recorder.counters().callbacks).toEqual({ webRequest: 2, 'page-hook': 1 });
  });

  it.each<[string, Partial<Observation>, Partial<Settings['sources']>, boolean]>([
    ['a configured URL', {}, {}, true],
    ['a subdomain of a plain entry', { url: 'https://a.idp.example.com/' }, {}, false],
    ['webRequest switched off', {}, { webRequest: false }, false],
    ['the page hook switched off', { source: 'page-hook' }, { pageHook: false }, false],
    ['devtools switched off', { source: 'devtools' }, { devtools: false }, false],
    ['the response filter switched off', { source: 'filterResponseData' }, { filterResponseData: false }, false],
    ['the debugger, attached per tab by the user', { source: 'debugger' }, { debugger: false }, true],
    ['another source switched off', { source: 'page-hook' }, { webRequest: false }, true],
  ])('wants %s', (_name, part, sources, expected) => {
    const settings = { ...defaultSettings(), domains: ['idp.example.com'] };
    settings.sources = { ...settings.sources, ...sources };
    expect(wanted(obs(part), settings, parseDomains(settings.domains))).toBe(expected);
  });

  it("issue 9: a popup's captures go to the tab that opened it as well, in order", async () => {
    const { recorder, recorded, release, set } = setup({ 9: 4 });
    set({ domains: ['idp.example.com'] });
    release();
    const authorize = 'https://idp.example.com/authorize?client_id=app&response_type=code';
    recorder.record(9, [obs({ key: 'wr:1', url: authorize })]);
    recorder.record(9, [obs({ key: 'wr:2', url: 'https://idp.example.com/login', redirectUrl: 'https://app.example/popup#code=c&state=s' })]);
    recorder.record(4, [obs({ key: 'wr:3' })]);
    await recorder.idle();
    expect(recorded.map(([tab, list]) => `${tab}:${list[0]?.key}`)).toEqual(['9:wr:1', '4:wr:1', '9:wr:2', '4:wr:2', '4:wr:3']);
  });

  it("review: only a popup's login traffic goes to its opener, not its pages and scripts", async () => {
    const { recorder, recorded, release, set } = setup({ 9: 4 });
    set({ domains: ['idp.example.com'] });
    release();
    recorder.record(9, [obs({ key: 'wr:1', url: 'https://idp.example.com/help.css' }), obs({ key: 'wr:2', url: 'https://idp.example.com/userinfo', requestHeaders: [{ name: 'Authorization', value: 'Bearer t' }] })]);
    await recorder.idle();
    expect(recorded.map(([tab, list]) => `${tab}:${list.map((o) => o.key).join('+')}`)).toEqual(['9:wr:1+wr:2', '4:wr:2']);
  });
});

describe('wanted: DevTools captures login traffic of any host (issue 9 §2)', () => {
  const settings = { ...defaultSettings(), domains: ['idp.example.com'] };
  const domains = parseDomains(settings.domains);
  it.each<[string, Observation, boolean]>([
    ['a devtools token call on another host', obs({ source: 'devtools', method: 'POST', url: 'https://other.example/oauth/token', requestForm: { grant_type: ['authorization_code'] } }), true],
    ['a devtools API call with a bearer on another host', obs({ source: 'devtools', url: 'https://api.other.example/x', requestHeaders: [{ name: 'Authorization', value: 'Bearer t' }] }), true],
    ['a devtools page load on another host', obs({ source: 'devtools', url: 'https://other.example/', responseBody: { text: '<html>' } }), false],
    ['a webRequest token call on another host', obs({ method: 'POST', url: 'https://other.example/oauth/token', requestForm: { grant_type: ['authorization_code'] } }), false],
    ['a page-hook token call on another host', obs({ source: 'page-hook', method: 'POST', url: 'https://other.example/oauth/token', requestForm: { grant_type: ['authorization_code'] } }), false],
    ['anything on a configured host', obs({ source: 'devtools', url: 'https://idp.example.com/' }), true],
  ])('%s: %s', (_name, o, expected) => {
    expect(wanted(o, settings, domains)).toBe(expected);
  });

  it('nothing from DevTools when its source is switched off', () => {
    const off = { ...settings, sources: { ...settings.sources, devtools: false } };
    expect(wanted(obs({ source: 'devtools', url: 'https://api.other.example/x', requestHeaders: [{ name: 'Authorization', value: 'Bearer t' }] }), off, domains)).toBe(false);
  });
});
