import { base64url } from 'jose';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactExchanges } from '../../../src/core/har/redact.js';
import type { Exchange } from '../../../src/core/model.js';
import { ex, jws, SALT } from './redact-helpers.js';

/** Values that are secret or personal, generated so that none can occur by chance in what redaction writes. */
const sensitive = fc.record({
  accessToken: fc.stringMatching(/^AT[A-Za-z0-9]{20,30}$/),
  refreshToken: fc.stringMatching(/^RT[A-Za-z0-9]{20,30}$/),
  clientSecret: fc.stringMatching(/^CS[A-Za-z0-9]{12,24}$/),
  password: fc.stringMatching(/^PW[A-Za-z0-9!$%]{8,20}$/),
  cookie: fc.stringMatching(/^CK[A-Za-z0-9]{16,24}$/),
  signature: fc.stringMatching(/^SG[A-Za-z0-9_-]{30,60}$/),
  sub: fc.uuid(),
  given: fc.stringMatching(/^[A-Z][a-z]{7,11}$/),
  family: fc.stringMatching(/^[A-Z][a-z]{7,11}$/),
  email: fc.stringMatching(/^[a-z]{7,10}\.[a-z]{7,10}@[a-z]{6,10}\.(com|no)$/),
  phone: fc.stringMatching(/^\+[1-9][0-9]{10,12}$/),
  // Replacement dates lie in 1900-1999, so an original in this century can't be met by chance.
  birthdate: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  pin: fc.stringMatching(/^[A-Z0-9]{7}$/).filter((p) => /[A-Z]/.test(p) && /[0-9]/.test(p)),
  street: fc.stringMatching(/^[A-Z][a-z]{8,12}veien \d{2}[A-C]$/),
});

type Sensitive = typeof sensitive extends fc.Arbitrary<infer T> ? T : never;

/** A login carrying every sensitive value in every place it can travel. */
function capture(s: Sensitive): { exchanges: Exchange[]; idToken: string } {
  const claims = { sub: s.sub, name: `${s.given} ${s.family}`, given_name: s.given, family_name: s.family, email: s.email, phone_number: s.phone, birthdate: s.birthdate, address: { street_address: s.street, country: 'Norway' } };
  const idToken = jws({ iss: 'https://idp.example', aud: 'app', exp: 1_629_286_357, nonce: 'n', ...claims }, { alg: 'RS256', kid: 'k1' }, s.signature);
  const form = { grant_type: 'password', username: s.email, password: s.password, client_id: 'app', client_secret: s.clientSecret, refresh_token: s.refreshToken };
  const formText = new URLSearchParams(form).toString();
  const tokenJson = JSON.stringify({ access_token: s.accessToken, refresh_token: s.refreshToken, id_token: idToken, token_type: 'Bearer' });
  const exchanges = [
    ex({
      id: 'auth', url: `https://idp.example/auth?client_id=app&login_hint=${encodeURIComponent(s.email)}&id_token_hint=${idToken}`, status: 302,
      req: [['Cookie', `KC=${s.cookie}; other=${s.cookie}`]],
      res: [['Location', `https://app.example/cb#access_token=${s.accessToken}&id_token=${idToken}&state=x`], ['Set-Cookie', `KC=${s.cookie}; Path=/; HttpOnly`]],
      redirectUrl: `https://app.example/cb#access_token=${s.accessToken}&id_token=${idToken}&state=x`,
    }),
    ex({
      id: 'token', method: 'POST', url: 'https://idp.example/token', status: 200,
      req: [['Authorization', `Basic ${btoa(`app:${s.clientSecret}`)}`], ['Content-Type', 'application/x-www-form-urlencoded']],
      requestBody: { text: formText, mimeType: 'application/x-www-form-urlencoded' },
      requestForm: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, [v]])),
      res: [['Content-Type', 'application/json']],
      responseBody: { text: tokenJson, mimeType: 'application/json' },
    }),
    ex({
      id: 'userinfo', url: 'https://idp.example/userinfo', status: 200,
      req: [['Authorization', `Bearer ${s.accessToken}`]],
      responseBody: { text: JSON.stringify({ ...claims, pin: s.pin, idCardNumber: s.pin }), mimeType: 'application/json' },
    }),
    ex({
      id: 'introspect', method: 'POST', url: 'https://idp.example/introspect', status: 200,
      requestBody: { text: `token=${s.accessToken}`, mimeType: 'application/x-www-form-urlencoded' },
      responseBody: { text: btoa(JSON.stringify({ active: true, username: s.email, sub: s.sub })), encoding: 'base64', mimeType: 'application/json' },
    }),
    ex({
      id: 'page', url: 'https://app.example/cb', method: 'POST', status: 200,
      responseBody: { text: `<input type="hidden" name="refresh_token" value="${s.refreshToken}"><script>var t = {"access_token": "${s.accessToken}"}; var u = "/x?password=${s.password}";</script> ${idToken}`, mimeType: 'text/html' },
    }),
  ];
  return { exchanges, idToken };
}

/** Everything the redacted exchanges say, with JWS payloads, Basic credentials and anything that may be base64 decoded. */
function haystack(exchanges: Exchange[]): string {
  const text = JSON.stringify(exchanges);
  const decoded: string[] = [];
  for (const e of exchanges) {
    for (const body of [e.requestBody, e.responseBody]) {
      if (!body || !/^[A-Za-z0-9+/=\s]{8,}$/.test(body.text)) continue;
      try {
        decoded.push(atob(body.text.replace(/\s/g, '')));
      } catch {
        // Not base64 after all (a form body such as token=...): it is in the text already.
      }
    }
  }
  for (const m of text.matchAll(/eyJ[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\./g)) decoded.push(new TextDecoder().decode(base64url.decode(m[1]!)));
  for (const m of text.matchAll(/Basic ([A-Za-z0-9+/=]+)/g)) decoded.push(atob(m[1]!));
  return [text, decodeURIComponent(text.replace(/%(?![0-9A-Fa-f]{2})/g, '%25')), ...decoded].join('\n');
}

describe('redactExchanges (property)', () => {
  it('leaves no secret, token, signature or personal value anywhere in the output', async () => {
    await fc.assert(
      fc.asyncProperty(sensitive, async (s) => {
        const { exchanges, idToken } = capture(s);
        const out = await redactExchanges(exchanges, { salt: SALT });
        const all = haystack(out.exchanges);
        const values = [s.accessToken, s.refreshToken, s.clientSecret, s.password, s.cookie, s.signature, s.sub, s.given, s.family, s.email, s.phone, s.phone.slice(1), s.birthdate, s.pin, s.street, idToken, idToken.split('.')[1]!];
        for (const v of values) expect(all).not.toContain(v);
        // The redacted copies are still what the engine reads: the same exchanges, the client id kept.
        expect(out.exchanges.map((e) => e.id)).toEqual(exchanges.map((e) => e.id));
        expect(all).toContain('app:<masked>');
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic for one salt: the same input gives the same output', async () => {
    await fc.assert(
      fc.asyncProperty(sensitive, async (s) => {
        const { exchanges } = capture(s);
        const a = await redactExchanges(exchanges, { salt: SALT });
        const b = await redactExchanges(structuredClone(exchanges), { salt: SALT });
        expect(b).toEqual(a);
      }),
      { numRuns: 20 },
    );
  });
});
