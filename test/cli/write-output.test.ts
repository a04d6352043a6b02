import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { isSameFile, writeError, writeFileAtomic } from '../../src/cli/write-output.js';

let dir: string;
let input: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ti-write-'));
  input = join(dir, 'in.har');
  writeFileSync(input, 'original');
});

describe('isSameFile (redact never overwrites its input)', () => {
  it.each<[string, () => string, boolean]>([
    ['the same path', () => input, true],
    ['the same path spelled another way', () => join(dir, 'sub', '..', '.', 'in.har'), true],
    ['a path relative to the working directory', () => relative(process.cwd(), input), true],
    ['a symbolic link to the input', () => (symlinkSync(input, join(dir, 'link.har')), join(dir, 'link.har')), true],
    ['a hard link to the input', () => (linkSync(input, join(dir, 'hard.har')), join(dir, 'hard.har')), true],
    ['the input reached through a linked directory', () => (symlinkSync(dir, join(dir, 'again')), join(dir, 'again', 'in.har')), true],
    ['another existing file', () => (writeFileSync(join(dir, 'other.har'), 'x'), join(dir, 'other.har')), false],
    ['a file that does not exist yet', () => join(dir, 'out.har'), false],
    ['a file in a directory that does not exist', () => join(dir, 'nope', 'in.har'), false],
  ])('%s: %s', async (_, output, same) => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    expect(await isSameFile(input, output())).toBe(same);
  });
});

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one whole, leaving no temporary file', async () => {
    const out = join(dir, 'out.har');
    await writeFileAtomic(out, 'first');
    expect(readFileSync(out, 'utf8')).toBe('first');
    await writeFileAtomic(out, 'second, longer than the first');
    expect(readFileSync(out, 'utf8')).toBe('second, longer than the first');
    expect(readdirSync(dir).sort()).toEqual(['in.har', 'out.har']);
  });

  it.each<[string, () => string, string]>([
    ['a directory', () => (mkdirSync(join(dir, 'adir')), join(dir, 'adir')), 'is a directory'],
    ['a file in a missing directory', () => join(dir, 'missing', 'out.har'), 'no such directory'],
    ['a file under a file', () => join(input, 'out.har'), 'a part of the path is not a directory'],
  ])('rejects %s with a one-line reason and leaves the directory as it was', async (_, target, reason) => {
    const before = readdirSync(dir).sort();
    const path = target();
    const listed = readdirSync(dir).sort();
    const err = await writeFileAtomic(path, 'text').then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(writeError(err)).toBe(reason);
    expect(readdirSync(dir).sort()).toEqual(listed);
    expect(listed).toEqual(expect.arrayContaining(before));
    expect(readFileSync(input, 'utf8')).toBe('original');
  });
});
