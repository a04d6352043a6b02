import { describe, expect, it } from 'vitest';
import { unreferencedFiles } from './shipped-files.js';

const build = (files: Record<string, string | undefined>) => new Map(Object.entries(files));
const manifest = JSON.stringify({ background: { service_worker: 'service-worker-loader.js' }, devtools_page: 'src/devtools/devtools.html', icons: { 16: 'icons/icon-16.png' } });
const clean = {
  'manifest.json': manifest,
  'service-worker-loader.js': "import './assets/index.ts-1.js';",
  'assets/index.ts-1.js': 'import{a}from"./form-1.js";const f="src/capture/page-hook.iife.js"',
  'assets/form-1.js': 'export const a=1',
  'src/capture/page-hook.iife.js': '(function(){})()',
  'src/devtools/devtools.html': '<script type="module" src="/assets/devtools-1.js"></script>',
  'assets/devtools-1.js': 'chrome.devtools.panels.create("Tokens","","src/panel/panel.html")',
  'src/panel/panel.html': '<link rel="stylesheet" href="/assets/panel-1.css">',
  'assets/panel-1.css': 'body{}',
  'icons/icon-16.png': undefined,
};

// The check guards the build test: it must find each of these, or a passing build test proves nothing.
describe('unreferencedFiles', () => {
  it('finds nothing in a build whose every file is named from the manifest on', () => {
    expect(unreferencedFiles(build(clean))).toEqual([]);
  });

  it.each<[string, Record<string, string | undefined>, string[]]>([
    ['a leftover chunk nothing names', { ...clean, 'assets/page-hook.iife.ts-1.js': 'import"./hook-protocol-1.js"' }, ['assets/page-hook.iife.ts-1.js']],
    [
      'a chunk named only by a leftover',
      { ...clean, 'assets/relay.iife.ts-1.js': 'import"./hook-protocol-1.js"', 'assets/hook-protocol-1.js': '' },
      ['assets/hook-protocol-1.js', 'assets/relay.iife.ts-1.js'],
    ],
    ['a sibling name from another folder', { ...clean, 'assets/form-1.js': 'import"./x.js"', 'x.js': '' }, ['x.js']],
    ['a binary file nothing names', { ...clean, 'icons/icon-48.png': undefined }, ['icons/icon-48.png']],
    ['no manifest', { 'a.js': '', 'b.html': 'a.js' }, ['a.js', 'b.html']],
  ])('flags %s', (_name, files, expected) => {
    expect(unreferencedFiles(build(files))).toEqual(expected);
  });
});
