import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BuildDomainError, GECKO_ID, GECKO_MIN_VERSION, makeManifest, type Manifest, type ManifestOptions } from '../../../scripts/manifest.js';
import { manifestProblems } from './manifest-policy.js';

const root = new URL('../../../', import.meta.url);
const base = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as Manifest;

const chrome: ManifestOptions = { browser: 'chrome', domains: [], deepCapture: false };
const firefox: ManifestOptions = { browser: 'firefox', domains: [], deepCapture: false };

describe('manifest.json (the base of every build)', () => {
  it('names files that exist in the source tree (icons under public/)', () => {
    const bg = base.background as { service_worker: string };
    const options = base.options_ui as { page: string };
    const icons = Object.values(base.icons as Record<string, string>).map((p) => `public/${p}`);
    const files = [bg.service_worker, base.devtools_page as string, options.page, 'src/panel/panel.html', ...icons];
    expect(files.filter((f) => !existsSync(new URL(f, root)))).toEqual([]);
  });
});

describe('makeManifest: each flavour keeps least privilege', () => {
  it.each([
    ['default Chrome', chrome],
    ['Chrome with domains', { ...chrome, domains: ['idp.example.com', 'localhost:3000'] }],
    ['Chrome deep capture', { ...chrome, deepCapture: true }],
    ['default Firefox', firefox],
    ['Firefox with domains', { ...firefox, domains: ['*.example.com'] }],
    ['Firefox asked for deep capture', { ...firefox, deepCapture: true }],
  ] as const)('%s passes the policy', (_name, options) => {
    expect(manifestProblems(makeManifest(base, options), options)).toEqual([]);
  });
});

describe('makeManifest for Chrome', () => {
  it('by default: MV3 module worker, storage + webRequest + scripting, host access only at run time', () => {
    const m = makeManifest(base, chrome);
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(m.permissions).toEqual(['storage', 'webRequest', 'scripting']);
    expect(m.optional_host_permissions).toEqual(['*://*/*']);
    expect(m).not.toHaveProperty('host_permissions');
    expect(m).not.toHaveProperty('browser_specific_settings');
    expect(JSON.stringify(m)).not.toContain('<all_urls>');
    expect(m.options_ui).toEqual({ page: 'src/options/options.html', open_in_tab: true });
    expect(m.devtools_page).toBe('src/devtools/devtools.html');
  });

  it.each([
    [['idp.example.com'], ['*://idp.example.com/*']],
    [['idp.example.com', 'api.example.com', 'localhost:3000'], ['*://idp.example.com/*', '*://api.example.com/*', '*://localhost/*']],
    [['*.example.com'], ['*://*.example.com/*']],
    [['https://IDP.Example.com/'], ['*://idp.example.com/*']],
    [['  idp.example.com  '], ['*://idp.example.com/*']],
    // Match patterns cannot hold a port: two ports of one host are one pattern.
    [['localhost:3000', 'localhost:4000'], ['*://localhost/*']],
    [['idp.example.com', 'IDP.example.com'], ['*://idp.example.com/*']],
    [['127.0.0.1:8080', '[::1]:8080'], ['*://127.0.0.1/*', '*://[::1]/*']],
    [['', ' ', 'idp.example.com', ''], ['*://idp.example.com/*']],
  ])('domains %j become host_permissions %j', (domains, expected) => {
    expect(makeManifest(base, { ...chrome, domains }).host_permissions).toEqual(expected);
  });

  it.each([[[]], [['']], [[' ', '']]])('no usable domains (%j) leave host_permissions out', (domains) => {
    expect(makeManifest(base, { ...chrome, domains })).not.toHaveProperty('host_permissions');
  });

  it.each([
    ['idp.example.com/path', 'scheme-or-path'],
    ['user@idp.example.com', 'scheme-or-path'],
    ['idp example.com', 'scheme-or-path'],
    ['localhost:99999', 'bad-port'],
    ['localhost:0', 'bad-port'],
    ['-bad.example.com', 'bad-host'],
    ['under_score.example', 'bad-host'],
    ['*.[::1]', 'bad-host'],
  ])('refuses the bad domain %j, naming it (%s)', (entry, reason) => {
    const run = () => makeManifest(base, { ...chrome, domains: ['good.example.com', entry] });
    expect(run).toThrow(BuildDomainError);
    expect(run).toThrow(`"${entry}" is not a domain (${reason})`);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ code: 'ERR_BUILD_DOMAIN', entry, reason });
    }
  });

  it('deep capture adds debugger, and only that', () => {
    const plain = makeManifest(base, chrome);
    const deep = makeManifest(base, { ...chrome, deepCapture: true });
    expect(deep.permissions).toEqual([...(plain.permissions ?? []), 'debugger']);
    expect({ ...deep, permissions: undefined }).toEqual({ ...plain, permissions: undefined });
  });

  it('does not change its base', () => {
    const copy = structuredClone(base);
    makeManifest(base, { browser: 'firefox', domains: ['idp.example.com'], deepCapture: true });
    makeManifest(base, { browser: 'chrome', domains: ['idp.example.com'], deepCapture: true });
    expect(base).toEqual(copy);
  });
});

describe('makeManifest for Firefox', () => {
  it('uses background scripts, the gecko id and the blocking webRequest permissions', () => {
    const m = makeManifest(base, firefox);
    expect(m.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(m.background).not.toHaveProperty('service_worker');
    expect(m.permissions).toEqual(['storage', 'webRequest', 'scripting', 'webRequestBlocking', 'webRequestFilterResponse']);
    expect(m.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID, strict_min_version: GECKO_MIN_VERSION } });
    expect(GECKO_ID).toBe('token-inspector@token-inspector.dev');
  });

  // Firefox 128 is the first with world: "MAIN" in scripting.registerContentScripts, which the page hook needs.
  it('asks for a Firefox that runs MAIN-world registered scripts', () => {
    expect(Number.parseFloat(GECKO_MIN_VERSION)).toBeGreaterThanOrEqual(128);
  });

  it.each([[false], [true]])('never asks for debugger (deepCapture %s)', (deepCapture) => {
    expect(makeManifest(base, { ...firefox, deepCapture }).permissions).not.toContain('debugger');
  });

  it('is otherwise the Chrome manifest, build domains included', () => {
    const domains = ['idp.example.com', 'localhost:3000'];
    const strip = ({ background: _b, permissions: _p, browser_specific_settings: _s, ...rest }: Manifest) => rest;
    const ff = makeManifest(base, { ...firefox, domains });
    expect(strip(ff)).toEqual(strip(makeManifest(base, { ...chrome, domains })));
    expect(ff.host_permissions).toEqual(['*://idp.example.com/*', '*://localhost/*']);
  });

  it.each([
    ['no background', { background: undefined }],
    ['already scripts', { background: { scripts: ['bg.js'] } }],
  ])('needs a service_worker in the base (%s)', (_name, change) => {
    expect(() => makeManifest({ ...base, ...change }, firefox)).toThrow('must name a background service_worker');
  });
});
