import { readFile } from 'node:fs/promises';
import type { Document, Exchange } from '../core/index.js';
import { importHar } from '../core/index.js';
import { unwrapPastedToken } from './pasted-token.js';

export interface LoadedInputs {
  exchanges: Exchange[];
  documents: Document[];
  /** Inputs that can't be used: one line each on stderr, exit code 2. */
  errors: { name: string; error: string }[];
  /** What the user should know about a usable input (HAR import warnings, a pasted token): one stderr line each. */
  notices: { name: string; message: string }[];
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

/** HAR import warnings listed per file; the rest are counted. */
export const MAX_LISTED_WARNINGS = 10;

/** The first {@link MAX_LISTED_WARNINGS} warnings, then "... and N more" (counting the ones the importer only counted). */
function listedWarnings(warnings: string[]): string[] {
  let total = warnings.length;
  let listed = warnings;
  const counted = /^\.\.\. and (\d+) more warnings?$/.exec(warnings[warnings.length - 1] ?? '');
  if (counted) {
    listed = warnings.slice(0, -1);
    total = listed.length + Number(counted[1]);
  }
  if (total <= MAX_LISTED_WARNINGS) return listed;
  return [...listed.slice(0, MAX_LISTED_WARNINGS), `... and ${total - MAX_LISTED_WARNINGS} more`];
}

function looksLikeHar(name: string, text: string): boolean {
  if (/\.har$/i.test(name)) return true;
  const head = text.slice(0, 4096).trimStart();
  return head.startsWith('{') && /^\{\s*"log"\s*:/.test(head);
}

/**
 * Reads every input: HAR files become exchanges (ids prefixed per file so several files can be analysed
 * together), anything else a document (raw JWT or JSON; a pasted token is unwrapped first, see
 * {@link unwrapPastedToken}). Never throws: unreadable inputs are listed in `errors` with a one-line reason,
 * HAR warnings and unwrapped pastes in `notices`. A HAR without usable entries is not an error.
 */
export async function loadInputs(files: string[], stdin: NodeJS.ReadableStream, nowMs: number): Promise<LoadedInputs> {
  const out: LoadedInputs = { exchanges: [], documents: [], errors: [], notices: [], summary: [] };
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
        // The importer's reasons start with "not a HAR file: ..."; others still need saying what failed.
        out.errors.push({ name: label, error: /^not a HAR file\b/.test(har.error) ? har.error : `not a usable HAR file: ${har.error}` });
        continue;
      }
      const prefix = files.length > 1 ? `${index + 1}:` : '';
      for (const ex of har.exchanges) out.exchanges.push(prefix ? { ...ex, id: prefix + ex.id } : ex);
      out.summary.push({ name: label, kind: 'har', exchanges: har.exchanges.length, warnings: har.warnings });
      for (const message of listedWarnings(har.warnings)) out.notices.push({ name: label, message });
      continue;
    }
    const pasted = unwrapPastedToken(text);
    if (pasted) {
      out.notices.push({ name: label, message: `read as a pasted token (removed ${pasted.removed.join(', ')})` });
      text = pasted.token;
    }
    out.documents.push({ name: label, text, at: nowMs });
    out.summary.push({ name: label, kind: 'document' });
  }
  return out;
}
