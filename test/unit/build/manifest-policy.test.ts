import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeManifest, type Manifest } from '../../../scripts/manifest.js';
import { manifestProblems, type Flavour } from './manifest-policy.js';

const base = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8')) as Manifest;
const chrome: Flavour = { browser: 'chrome', deepCapture: false };
const firefox: Flavour = { browser: 'firefox', deepCapture: false };
const firefoxDeep: Flavour = { browser: 'firefox', deepCapture: true };
const chromeManifest = makeManifest(base, { ...chrome, domains: [] });
const firefoxManifest = makeManifest(base, { ...firefox, domains: [] });

/** A built manifest with some keys replaced (undefined deletes the key). */
function variant(of: Manifest, changes: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(of);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete copy[k];
    else copy[k] = v;
  }
  return copy;
}

// The policy guards the manifest tests: it must catch each of these, or a passing test proves nothing.
describe('manifestProblems', () => {
  const csp = (extension_pages: unknown) => ({ content_security_policy: { extension_pages } });
  const c = (changes: Record<string, unknown>) => variant(chromeManifest, changes);
  it.each([
    ['MV2', c({ manifest_version: 2 }), chrome, 'manifest_version is 2'],
    ['<all_urls> permission', c({ permissions: ['storage', '<all_urls>'] }), chrome, '<all_urls>'],
    ['<all_urls> host permission', c({ host_permissions: ['<all_urls>'] }), chrome, 'mentions <all_urls>'],
    ['<all_urls> optional host permission', c({ optional_host_permissions: ['<all_urls>'] }), chrome, 'mentions <all_urls>'],
    ['<all_urls> in a content script', c({ content_scripts: [{ matches: ['<all_urls>'], js: ['x.js'] }] }), chrome, 'mentions <all_urls>'],
    ['debugger in the default build', c({ permissions: ['storage', 'debugger'] }), chrome, 'permissions asks for debugger'],
    ['debugger in Firefox', variant(firefoxManifest, { permissions: ['storage', 'debugger'] }), firefoxDeep, 'permissions asks for debugger'],
    ['blocking webRequest in Chrome', c({ permissions: ['webRequestBlocking'] }), chrome, 'permissions asks for webRequestBlocking'],
    ['tabs', c({ permissions: ['storage', 'tabs'] }), chrome, 'permissions asks for tabs'],
    ['optional debugger', c({ optional_permissions: ['debugger'] }), chrome, 'optional_permissions asks for debugger'],
    ['every host required', c({ host_permissions: ['*://*/*'] }), chrome, 'wide pattern *://*/*'],
    ['every .com host required', c({ host_permissions: ['https://*.com/*'] }), chrome, 'wide pattern https://*.com/*'],
    ['unreadable host pattern', c({ host_permissions: ['file:///*'] }), chrome, 'unreadable pattern file:///*'],
    ['permissions not an array', c({ permissions: 'storage' }), chrome, 'permissions is not an array'],
    ['non-string permission', c({ permissions: [42] }), chrome, 'permissions asks for 42'],
    ['no CSP', c({ content_security_policy: undefined }), chrome, 'extension_pages is missing'],
    ['MV2-style CSP string', c({ content_security_policy: "script-src 'self'" }), chrome, 'extension_pages is missing'],
    ['CSP not a string', c(csp(42)), chrome, 'extension_pages is missing'],
    ['unsafe-eval', c(csp("script-src 'self' 'unsafe-eval'; object-src 'self'")), chrome, "script-src allows more than 'self'"],
    ['remote script host', c(csp("script-src 'self' https://cdn.example; object-src 'none'")), chrome, 'https://cdn.example'],
    ['no script-src', c(csp("object-src 'none'")), chrome, 'no script-src'],
    ['empty script-src', c(csp("script-src; object-src 'none'")), chrome, "script-src allows more than 'self'"],
    ['no object-src', c(csp("script-src 'self'")), chrome, 'no object-src'],
    ['wide object-src', c(csp("script-src 'self'; object-src *")), chrome, "object-src is not 'self' or 'none'"],
    ['no default-src', c(csp("script-src 'self'; object-src 'none'; base-uri 'none'")), chrome, 'default-src is not'],
    ['inline styles', c(csp("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; style-src 'self' 'unsafe-inline'")), chrome, 'style-src allows more'],
    ['remote images', c(csp("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; img-src *")), chrome, 'img-src allows more'],
    ['no base-uri', c(csp("default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'")), chrome, "base-uri is not 'none'"],
    // Issue 10 §4: key fetching needs https and loopback http, not every http(s) URL.
    ['no connect-src', c(csp("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'")), chrome, 'no connect-src'],
    ['plain http anywhere', c(csp("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' https: http:")), chrome, 'connect-src allows more than key fetching needs: '],
    ['any host', c(csp("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src *")), chrome, 'connect-src allows more'],
    ['http on a LAN host', c(csp("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' https: http://192.168.1.1:*")), chrome, 'http://192.168.1.1:*'],
    ['websockets', c(csp("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' https: wss:")), chrome, 'wss:'],
    ['classic background in Chrome', c({ background: { scripts: ['bg.js'] } }), chrome, 'not a module service_worker'],
    ['classic worker', c({ background: { service_worker: 'sw.js' } }), chrome, 'not a module service_worker'],
    ['gecko settings in Chrome', c({ browser_specific_settings: { gecko: { id: 'x@y' } } }), chrome, 'has browser_specific_settings'],
    ['service worker in Firefox', variant(firefoxManifest, { background: { service_worker: 'sw.js', type: 'module' } }), firefox, 'not scripts without a service_worker'],
    ['no gecko id', variant(firefoxManifest, { browser_specific_settings: undefined }), firefox, 'gecko.id is missing'],
    ['no gecko minimum', variant(firefoxManifest, { browser_specific_settings: { gecko: { id: 'x@y' } } }), firefox, 'strict_min_version is missing'],
  ])('flags %s', (_name, m, flavour, fragment) => {
    const problems = manifestProblems(m, flavour);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(fragment);
  });

  it.each([null, 'manifest', 3, [], [chromeManifest]])('rejects the non-object %j without throwing', (m) => {
    expect(manifestProblems(m, chrome)).toEqual(['manifest is not a JSON object']);
  });

  it.each([
    ['object-src none and a trailing semicolon', variant(chromeManifest, csp("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self';"))],
    ['connect-src for https and loopback http', variant(chromeManifest, csp("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' https: http://localhost:* http://127.0.0.1:*"))],
    ['a named host and a subdomain wildcard', variant(chromeManifest, { host_permissions: ['*://idp.example.com/*', 'https://*.example.com/*', '*://localhost/*'] })],
  ])('accepts %s', (_name, m) => {
    expect(manifestProblems(m, chrome)).toEqual([]);
  });
});
