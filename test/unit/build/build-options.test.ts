import { describe, expect, it } from 'vitest';
import { buildOptions } from '../../../scripts/build-options.js';
import { BuildDomainError } from '../../../scripts/manifest.js';

describe('buildOptions', () => {
  it.each([
    ['chrome', 'chrome', 'dist/chrome'],
    ['firefox', 'firefox', 'dist/firefox'],
    ['production', 'chrome', 'dist/chrome'],
    ['development', 'chrome', 'dist/chrome'],
  ] as const)('mode %s builds for %s into %s', (mode, browser, outDir) => {
    const options = buildOptions(mode, {});
    expect(options).toMatchObject({ browser, outDir, domains: [], deepCapture: false, warnings: [] });
    expect(options.define).toEqual({ __TI_BROWSER__: `"${browser}"`, __TI_DOMAINS__: '[]', __TI_DEEP_CAPTURE__: 'false' });
  });

  it.each(['safari', 'test', ''])('refuses the mode %j', (mode) => {
    expect(() => buildOptions(mode, {})).toThrow(`unknown build mode "${mode}"`);
  });

  it.each([
    ['build/e2e/chrome', 'build/e2e/chrome'],
    ['  build/x  ', 'build/x'],
    ['', 'dist/chrome'],
    ['   ', 'dist/chrome'],
  ])('TOKEN_INSPECTOR_OUTDIR=%j writes to %s', (value, outDir) => {
    expect(buildOptions('chrome', { TOKEN_INSPECTOR_OUTDIR: value }).outDir).toBe(outDir);
  });

  it.each([
    ['idp.example.com,api.example.com,localhost:3000', ['idp.example.com', 'api.example.com', 'localhost:3000']],
    [' IDP.example.com , https://api.example.com/ ,', ['idp.example.com', 'api.example.com']],
    ['*.Example.com,*.example.com', ['*.example.com']],
    ['', []],
    [',,', []],
  ])('TOKEN_INSPECTOR_DOMAINS=%j gives the domains %j, in the code too', (value, domains) => {
    const options = buildOptions('firefox', { TOKEN_INSPECTOR_DOMAINS: value });
    expect(options.domains).toEqual(domains);
    expect(JSON.parse(options.define.__TI_DOMAINS__)).toEqual(domains);
  });

  it.each(['idp.example.com/login', 'localhost:70000', 'exa_mple.com'])('fails on the bad domain %j, naming it', (bad) => {
    const run = () => buildOptions('chrome', { TOKEN_INSPECTOR_DOMAINS: `idp.example.com,${bad}` });
    expect(run).toThrow(BuildDomainError);
    expect(run).toThrow(`TOKEN_INSPECTOR_DOMAINS: "${bad}" is not a domain`);
  });

  it.each([
    ['1', true],
    ['true', true],
    [' YES ', true],
    ['on', true],
    ['0', false],
    ['false', false],
    ['', false],
    [undefined, false],
  ])('TOKEN_INSPECTOR_DEEP_CAPTURE=%j gives a Chrome build deepCapture %s', (value, deep) => {
    const options = buildOptions('chrome', { TOKEN_INSPECTOR_DEEP_CAPTURE: value });
    expect(options.deepCapture).toBe(deep);
    expect(options.define.__TI_DEEP_CAPTURE__).toBe(String(deep));
    expect(options.warnings).toEqual([]);
  });

  it.each(['2', 'maybe', 'enabled'])('refuses TOKEN_INSPECTOR_DEEP_CAPTURE=%j', (value) => {
    expect(() => buildOptions('chrome', { TOKEN_INSPECTOR_DEEP_CAPTURE: value })).toThrow(`TOKEN_INSPECTOR_DEEP_CAPTURE="${value}"`);
  });

  it('ignores deep capture for Firefox, with a warning', () => {
    const options = buildOptions('firefox', { TOKEN_INSPECTOR_DEEP_CAPTURE: '1' });
    expect(options.deepCapture).toBe(false);
    expect(options.define.__TI_DEEP_CAPTURE__).toBe('false');
    expect(options.warnings).toHaveLength(1);
    expect(options.warnings[0]).toContain('ignored for Firefox');
  });
});
