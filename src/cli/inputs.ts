import { readFile } from 'node:fs/promises';
import { readInput, type ReadInputs } from '../core/index.js';

/** Everything the CLI read: see {@link ReadInputs}. Errors are one stderr line each and exit code 2, notices one stderr line each. */
export type LoadedInputs = ReadInputs;

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENAMETOOLONG: 'file name too long',
};

async function readText(name: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (name === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  return (await readFile(name)).toString('utf8');
}

/** How the CLI names an input: the file name, or "(stdin)" for `-`. */
export function inputLabel(name: string): string {
  return name === '-' ? '(stdin)' : name;
}

/**
 * The text of one input file (`-` is stdin), or a one-line reason it can't be read (no such file, a directory,
 * permission denied, ...). Never throws. Does not look at what the text is.
 */
export async function readSource(name: string, stdin: NodeJS.ReadableStream): Promise<{ text: string } | { error: string }> {
  try {
    return { text: await readText(name, stdin) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return { error: SYSTEM_ERRORS[code] ?? (err instanceof Error ? err.message : String(err)) };
  }
}

/**
 * Reads every input file (`-` is stdin, named "(stdin)") and hands its text to the engine's {@link readInput}:
 * HAR files become exchanges (ids prefixed per file when there are several), anything else a document. Never
 * throws: files that can't be read are listed in `errors` with a one-line reason.
 */
export async function loadInputs(files: string[], stdin: NodeJS.ReadableStream, nowMs: number): Promise<LoadedInputs> {
  const out: LoadedInputs = { exchanges: [], documents: [], errors: [], notices: [], summary: [] };
  for (const [index, name] of files.entries()) {
    const label = inputLabel(name);
    const source = await readSource(name, stdin);
    if ('error' in source) {
      out.errors.push({ name: label, error: source.error });
      continue;
    }
    const read = readInput(label, source.text, nowMs, files.length > 1 ? index : undefined);
    // One by one: a HAR may hold more exchanges than a spread can pass as arguments.
    for (const ex of read.exchanges) out.exchanges.push(ex);
    out.documents.push(...read.documents);
    out.errors.push(...read.errors);
    out.notices.push(...read.notices);
    out.summary.push(...read.summary);
  }
  return out;
}
