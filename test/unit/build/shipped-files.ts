/**
 * Which files of a built extension nothing refers to. A file is referenced when manifest.json, or a referenced
 * text file (HTML, JavaScript, CSS, JSON), names it as a path (see namedIn).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

const TEXT = /\.(?:js|mjs|html|css|json)$/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `text` (of the file `from`) names `file`, as a whole path: from the build's root (`src/x.html`, what
 * the manifest and crxjs write; `/assets/x.js` in a page; `./assets/x.js` from a file at the root) or, for a
 * file in the same folder, `./x.js`. A name inside a longer path (`./x.js` in `assets/` is not the root's `x.js`)
 * does not count.
 */
function namedIn(text: string, from: string, file: string): boolean {
  const forms = [file, `/${file}`];
  if (posix.dirname(from) === '.') forms.push(`./${file}`);
  if (posix.dirname(from) === posix.dirname(file)) forms.push(`./${posix.basename(file)}`);
  return new RegExp(`(?<![\\w./-])(?:${forms.map(escape).join('|')})(?![\\w.-])`).test(text);
}

/**
 * The files of `files` (path relative to the build's root, `/`-separated, mapped to the text of text files and
 * `undefined` for binary ones) that are not reachable from `manifest.json`, sorted. Does not parse anything: a
 * name in a comment counts as a reference.
 */
export function unreferencedFiles(files: ReadonlyMap<string, string | undefined>): string[] {
  if (!files.has('manifest.json')) return [...files.keys()].sort();
  const reached = new Set(['manifest.json']);
  const queue = ['manifest.json'];
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    const text = files.get(from);
    if (text === undefined) continue;
    for (const file of files.keys()) {
      if (reached.has(file) || !namedIn(text, from, file)) continue;
      reached.add(file);
      queue.push(file);
    }
  }
  return [...files.keys()].filter((f) => !reached.has(f)).sort();
}

/** Every file under `dir` as {@link unreferencedFiles} takes them: text files with their text. */
export function readBuild(dir: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path).split(sep).join('/'), TEXT.test(entry.name) ? readFileSync(path, 'utf8') : undefined);
    }
  };
  walk(dir);
  return out;
}

/**
 * Where the built extension of `browser` is: `TOKEN_INSPECTOR_BUILT_CHROME` / `_FIREFOX`, else dist/<browser>
 * (`npm run build`, which `npm test` runs before the unit tests). Throws, saying so, when it holds no build.
 */
export function builtDir(root: string, browser: 'chrome' | 'firefox'): string {
  const dir = process.env[`TOKEN_INSPECTOR_BUILT_${browser.toUpperCase()}`] ?? join(root, 'dist', browser);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no ${browser} build in ${dir}: run npm run build first`);
  return dir;
}
