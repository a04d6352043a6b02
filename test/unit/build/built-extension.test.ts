/**
 * The built extensions as they ship (dist/chrome and dist/firefox from `npm run build`; see builtDir for other
 * places). Issue 10 §4: every file is referenced (crxjs left the ESM chunks of the IIFE page scripts behind),
 * and the extension pages' CSP lets them connect only where key fetching goes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONNECT_SOURCES } from './manifest-policy.js';
import { builtDir, readBuild, unreferencedFiles } from './shipped-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { content_security_policy: { extension_pages: string } };

describe.each(['chrome', 'firefox'] as const)('the %s build', (browser) => {
  it('ships no file that nothing refers to: the manifest, a page or another shipped file names each', () => {
    const files = readBuild(builtDir(root, browser));
    expect(files.size).toBeGreaterThan(10);
    expect(unreferencedFiles(files)).toEqual([]);
    expect([...files.keys()].filter((f) => /\.iife\.ts-/.test(f))).toEqual([]);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['src/capture/page-hook.iife.js', 'src/capture/relay.iife.js']));
  });

  it('lets its pages and worker connect only to themselves, https, and http on localhost and 127.0.0.1', () => {
    const manifest = JSON.parse(readFileSync(join(builtDir(root, browser), 'manifest.json'), 'utf8')) as typeof base;
    const policy = manifest.content_security_policy.extension_pages;
    expect(policy).toBe(base.content_security_policy.extension_pages);
    const connect = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === 'connect-src');
    expect(connect?.slice(1)).toEqual(CONNECT_SOURCES);
  });
});
