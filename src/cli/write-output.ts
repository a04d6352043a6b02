/** Writing the CLI's output file: never over its input, and whole or not at all. */
import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** The path with its directory's symbolic links resolved, for a file that may not exist yet. */
async function resolvedPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * True when writing `output` would replace `input`: the same file by device and inode (which sees through
 * symbolic and hard links), or the same path once symbolic links are resolved. Never throws. Does not detect
 * the same file reached over two different mounts of a network file system, nor case-insensitive name matches.
 */
export async function isSameFile(input: string, output: string): Promise<boolean> {
  const [a, b] = await Promise.all([stat(input).catch(() => undefined), stat(output).catch(() => undefined)]);
  if (a && b && a.dev === b.dev && a.ino === b.ino && a.ino !== 0) return true;
  return (await resolvedPath(input)) === (await resolvedPath(output));
}

const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'no such directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'file name too long',
};

/** A one-line reason for a failed write, from the system error code when there is one. */
export function writeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  return WRITE_ERRORS[code] ?? (err instanceof Error ? err.message : String(err));
}

/**
 * Writes `text` to a new temporary file beside `path`, flushes it and renames it onto `path`, so `path` holds
 * either what it held before or all of `text`, never a part; the temporary file is removed when anything fails.
 * An existing `path` is replaced (a symbolic link at `path` is replaced by the file, its target left alone).
 * Rejects with the system error. Does not check that `path` is not some input (see {@link isSameFile}).
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  const temp = join(dirname(resolve(path)), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const file = await open(temp, 'wx');
    created = true;
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (err) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}
