import { looksLikeJwt } from '../jwt/decode.js';

/** A token recovered from pasted text, and what had to be removed (for the notice to the user). */
export interface PastedToken {
  token: string;
  removed: string[];
}

const BEARER = /^bearer[ \t]+/i;
const QUOTED = /^(["'])([\s\S]*)\1$/;

/**
 * True when the lines, joined, would glue two tokens together: a line starts a new JWT ("eyJ") right after
 * a complete three-segment JWS. Joined, those would read as one five-segment JWE.
 */
function joinsTwoTokens(lines: string[]): boolean {
  let before = '';
  for (const [i, line] of lines.entries()) {
    if (i > 0 && line.startsWith('eyJ') && (before.match(/\./g)?.length ?? 0) === 2 && !before.endsWith('.')) return true;
    before += line;
  }
  return false;
}

/**
 * The JWT in text that was pasted rather than saved: `Bearer eyJ...` (an Authorization header value),
 * `"eyJ..."` (copied from JSON or code), or a token wrapped over several lines (nothing but base64url
 * characters, dots and line breaks). Undefined when the text is not such a paste, including when it is
 * already a bare one-line token (nothing to remove). Does not decode or validate the token: the engine does.
 */
export function unwrapPastedToken(text: string): PastedToken | undefined {
  let t = text.replace(/^\uFEFF/, '').trim();
  if (t.length > 1_000_000) return undefined;
  const removed: string[] = [];
  for (let round = 0; round < 4; round++) {
    const bearer = BEARER.exec(t);
    if (bearer) {
      t = t.slice(bearer[0].length).trim();
      if (!removed.includes('"Bearer "')) removed.push('"Bearer "');
      continue;
    }
    const quoted = QUOTED.exec(t);
    if (quoted) {
      t = quoted[2]!.trim();
      if (!removed.includes('quotes')) removed.push('quotes');
      continue;
    }
    break;
  }
  if (/[\r\n]/.test(t)) {
    const lines = t.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l.length > 0);
    if (!lines.every((l) => /^[A-Za-z0-9_.-]+$/.test(l)) || joinsTwoTokens(lines)) return undefined;
    t = lines.join('');
    removed.push('line breaks');
  }
  if (removed.length === 0 || !looksLikeJwt(t)) return undefined;
  return { token: t, removed };
}
