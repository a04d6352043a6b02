/**
 * A tab state for the panel tests and benchmark (issue 10 §4): an ID token carrying one very long claim, read as
 * a pasted token is (`readInput`) and analysed by the engine, the way a huge claim reaches the panel: pasted, or
 * in a HAR or JSON file (captured bodies are cut at 512 KB, and the engine leaves bodies over 1 MB unparsed). The
 * claim shows in the token's claims table and, inside the payload segment, in its raw segments. Signed with a
 * fresh key that is not published (the signature is not checked).
 */
import { generateKeyPair, SignJWT } from 'jose';
import { analyze } from '../../../src/core/analyze.js';
import { readInput } from '../../../src/core/input/read-input.js';
import type { TabState } from '../../../src/shared/protocol.js';

/**
 * The state of one pasted ID token at `now` (unix seconds) with a claim `blob` of `chars` characters (`x`
 * repeated after a few words of text) and the `extra` claims. Throws when the engine does not decode the token.
 */
export async function longClaimState(chars: number, now: number, extra: Record<string, unknown> = {}): Promise<TabState> {
  const { privateKey } = await generateKeyPair('RS256');
  const blob = `start of a long claim ${'x'.repeat(Math.max(0, chars - 22))}`.slice(0, chars);
  const idToken = await new SignJWT({ nonce: 'n-1', name: 'Alice', ...extra, blob })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer('https://idp.example.com')
    .setSubject('alice')
    .setAudience('web')
    .setIssuedAt(now - 5)
    .setExpirationTime(now + 300)
    .sign(privateKey);
  const read = readInput('pasted token', idToken, now * 1000);
  const analysis = await analyze({ exchanges: [], documents: read.documents }, { now });
  const decoded = analysis.artifacts.find((a) => typeof a.claims?.blob === 'string');
  if ((decoded?.claims?.blob as string | undefined)?.length !== chars) throw new Error(`the engine did not decode the ${chars}-character claim`);
  return { tabId: 1, exchanges: [], analysis, analyzedAt: now, paused: false, preserve: false, evicted: 0, bytes: 0 };
}
