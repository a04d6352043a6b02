import { describe, expect, it } from 'vitest';
import { unwrapPastedToken } from '../../../src/core/input/pasted-token.js';

const JWS = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz';
const wrap = (t: string, width: number, eol = '\n') => t.match(new RegExp(`.{1,${width}}`, 'g'))!.join(eol);

describe('unwrapPastedToken', () => {
  it.each<[string, string, string[]]>([
    ['an Authorization header value', `Bearer ${JWS}`, ['"Bearer "']],
    ['lower-case bearer with a tab', `bearer\t${JWS}\n`, ['"Bearer "']],
    ['a double-quoted token', `"${JWS}"`, ['quotes']],
    ['a single-quoted token', `'${JWS}'`, ['quotes']],
    ['a quoted Bearer value', `"Bearer ${JWS}"`, ['quotes', '"Bearer "']],
    ['a token wrapped at 20 columns', wrap(JWS, 20), ['line breaks']],
    ['a token wrapped with CRLF and indentation', wrap(JWS, 16, '\r\n    '), ['line breaks']],
    ['a token wrapped right after a dot', JWS.replace('.', '.\n'), ['line breaks']],
    ['everything at once', `"Bearer ${wrap(JWS, 30)}"`, ['quotes', '"Bearer "', 'line breaks']],
    ['a wrapped JWE', wrap('eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aXYtYnl0ZXM.Y2lwaGVydGV4dA.dGFnLWJ5dGVz', 25), ['line breaks']],
  ])('reads %s as the token', (_name, text, removed) => {
    const r = unwrapPastedToken(text);
    expect(r?.removed).toEqual(removed);
    expect(r?.token).toBe(text.includes('aXYt') ? 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aXYtYnl0ZXM.Y2lwaGVydGV4dA.dGFnLWJ5dGVz' : JWS);
  });

  it.each<[string, string]>([
    ['a bare token (nothing to remove)', JWS],
    ['a bare token with a trailing newline', `${JWS}\n`],
    ['JSON', '{"access_token": "x"}'],
    ['a quoted non-token', '"hello"'],
    ['Bearer with an opaque token', 'Bearer 2YotnFZFEjr1zDsicMWpAA'],
    ['two tokens on two lines', `${JWS}\n${JWS}`],
    ['a wrapped token with a space inside a line', `${JWS.slice(0, 20)} ${JWS.slice(20, 40)}\n${JWS.slice(40)}`],
    ['prose around a token', `my token:\n${JWS}`],
    ['an empty text', ''],
  ])('leaves %s alone', (_name, text) => {
    expect(unwrapPastedToken(text)).toBeUndefined();
  });
});
