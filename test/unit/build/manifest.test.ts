import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestProblems } from './manifest-policy.js';

const root = new URL('../../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as Record<string, unknown>;

/** The real manifest with some keys replaced (undefined deletes the key). */
function variant(changes: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(manifest);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete copy[k];
    else copy[k] = v;
  }
  return copy;
}

describe('manifest.json', () => {
  it('is MV3 Token Inspector with storage as its only permission', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Token Inspector');
    expect(manifest.permissions).toEqual(['storage']);
  });

  it('asks for least privilege', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('names files that exist in the source tree (icons under public/)', () => {
    const bg = manifest.background as { service_worker: string };
    const icons = Object.values(manifest.icons as Record<string, string>).map((p) => `public/${p}`);
    const files = [bg.service_worker, manifest.devtools_page as string, 'src/panel/panel.html', ...icons];
    expect(files.filter((f) => !existsSync(new URL(f, root)))).toEqual([]);
  });
});

describe('manifestProblems', () => {
  const csp = (extension_pages: unknown) => ({ content_security_policy: { extension_pages } });
  it.each([
    ['MV2', variant({ manifest_version: 2 }), 'manifest_version is 2'],
    ['<all_urls> permission', variant({ permissions: ['storage', '<all_urls>'] }), '<all_urls>'],
    ['<all_urls> in a content script', variant({ content_scripts: [{ matches: ['<all_urls>'], js: ['x.js'] }] }), 'mentions <all_urls>'],
    ['debugger', variant({ permissions: ['storage', 'debugger'] }), 'permissions asks for "debugger"'],
    ['optional debugger', variant({ optional_permissions: ['debugger'] }), 'optional_permissions asks for "debugger"'],
    ['host_permissions', variant({ host_permissions: ['https://example.org/*'] }), 'has host_permissions'],
    ['empty host_permissions', variant({ host_permissions: [] }), 'has host_permissions'],
    ['optional_host_permissions', variant({ optional_host_permissions: ['*://*/*'] }), 'has optional_host_permissions'],
    ['permissions not an array', variant({ permissions: 'storage' }), 'permissions is not an array'],
    ['non-string permission', variant({ permissions: [42] }), 'permissions asks for 42'],
    ['no CSP', variant({ content_security_policy: undefined }), 'extension_pages is missing'],
    ['MV2-style CSP string', variant({ content_security_policy: "script-src 'self'" }), 'extension_pages is missing'],
    ['CSP not a string', variant(csp(42)), 'extension_pages is missing'],
    ['unsafe-eval', variant(csp("script-src 'self' 'unsafe-eval'; object-src 'self'")), "script-src allows more than 'self'"],
    ['remote script host', variant(csp("script-src 'self' https://cdn.example; object-src 'none'")), 'https://cdn.example'],
    ['no script-src', variant(csp("object-src 'none'")), 'no script-src'],
    ['empty script-src', variant(csp("script-src; object-src 'none'")), "script-src allows more than 'self'"],
    ['no object-src', variant(csp("script-src 'self'")), 'no object-src'],
    ['wide object-src', variant(csp("script-src 'self'; object-src *")), "object-src is not 'self' or 'none'"],
    ['classic background', variant({ background: { scripts: ['bg.js'] } }), 'not a module service_worker'],
    ['classic worker', variant({ background: { service_worker: 'sw.js' } }), 'not a module service_worker'],
  ])('flags %s', (_name, m, fragment) => {
    const problems = manifestProblems(m);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(fragment);
  });

  it.each([null, 'manifest', 3, [], [manifest]])('rejects the non-object %j without throwing', (m) => {
    expect(manifestProblems(m)).toEqual(['manifest is not a JSON object']);
  });

  it('accepts object-src none and a trailing semicolon', () => {
    expect(manifestProblems(variant(csp("script-src 'self'; object-src 'none';")))).toEqual([]);
  });
});
