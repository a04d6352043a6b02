import { readFile } from 'node:fs/promises';
import type { Document, Exchange } from '../core/index.js';
import { importHar } from '../core/index.js';

export interface LoadedInputs {
  exchanges: Exchange[];
  documents: Document[];
  /** Inputs that can't be used: one line each on stderr, exit code 2. */
  errors: { name: string; error: string }[];
  summary: { name: string; kind: 'har' | 'document'; exchanges?: number; warnings?: string[] }[];
}

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

function looksLikeHar(name: string, text: string): boolean {
  if (/\.har$/i.test(name)) return true;
  const head = text.slice(0, 4096).trimStart();
  return head.startsWith('{') && /^\{\s*"log"\s*:/.test(head);
}

/**
 * Reads every input: HAR files become exchanges (ids prefixed per file so several files can be analysed
 * together), anything else a document (raw JWT or JSON). Never throws: unreadable inputs are listed in
 * `errors` with a one-line reason.
 */
export async function loadInputs(files: string[], stdin: NodeJS.ReadableStream, nowMs: number): Promise<LoadedInputs> {
  const out: LoadedInputs = { exchanges: [], documents: [], errors: [], summary: [] };
  for (const [index, name] of files.entries()) {
    const label = name === '-' ? '(stdin)' : name;
    let text: string;
    try {
      text = await readText(name, stdin);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      out.errors.push({ name: label, error: SYSTEM_ERRORS[code] ?? (err instanceof Error ? err.message : String(err)) });
      continue;
    }
    if (looksLikeHar(name, text)) {
      const har = importHar(text);
      if (!har.ok) {
        out.errors.push({ name: label, error: `not a usable HAR file: ${har.error}` });
        continue;
      }
      const prefix = files.length > 1 ? `${index + 1}:` : '';
      for (const ex of har.exchanges) out.exchanges.push(prefix ? { ...ex, id: prefix + ex.id } : ex);
      out.summary.push({ name: label, kind: 'har', exchanges: har.exchanges.length, warnings: har.warnings });
      continue;
    }
    out.documents.push({ name: label, text, at: nowMs });
    out.summary.push({ name: label, kind: 'document' });
  }
  return out;
}
