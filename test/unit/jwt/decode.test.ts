import fc from 'fast-check';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../src/core/jwt/decode.js';

const b64 = (text: string) => base64url.encode(text);
const H = b64('{"alg":"RS256"}');
const deepObjects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('decodeJwt: deep nesting', () => {
  it.each<[string, string, 'header' | 'payload']>([
    ['a payload nested 50,000 levels', `${H}.${b64(deepObjects(50_000))}.c2ln`, 'payload'],
    ['a payload nested 65 levels', `${H}.${b64(deepObjects(65))}.c2ln`, 'payload'],
    ['a payload of 50,000 nested arrays in a member', `${H}.${b64(`{"sub":"u1","x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`)}.c2ln`, 'payload'],
    ['a header nested 50,000 levels', `${b64(`{"alg":"RS256","x":${deepObjects(50_000)}}`)}.${b64('{"sub":"u1"}')}.c2ln`, 'header'],
  ])('decodes %s, cut to 64 levels, with a jws-parse problem, and the result serialises', (_name, raw, part) => {
    const d = decodeJwt(raw);
    expect(d.format).toBe('jws');
    expect(d.problems).toContainEqual(expect.objectContaining({ rule: 'jws-parse', part, message: expect.stringContaining(`the ${part} is nested deeper than 64 levels`) as string }));
    const text = JSON.stringify(d);
    expect(text).toContain('[nested deeper than 64 levels]');
  });

  it('keeps the claims beside the deep one', () => {
    const d = decodeJwt(`${H}.${b64(`{"sub":"u1","x":${deepObjects(1000)}}`)}.c2ln`);
    expect(d.payload?.sub).toBe('u1');
  });

  it('reports no depth problem for 64 levels', () => {
    const d = decodeJwt(`${H}.${b64(deepObjects(64))}.c2ln`);
    expect(d.problems).toEqual([]);
  });

  it('finds duplicate names in a 50,000-level payload without overflowing', () => {
    const d = decodeJwt(`${H}.${b64(`{"sub":"a","sub":"b","x":${deepObjects(50_000)}}`)}.c2ln`);
    expect(d.problems.filter((p) => p.rule === 'jws-dup-names').map((p) => p.name)).toEqual(['sub']);
  });
});

describe('decodeJwt: duplicate-name messages quote the name as JSON', () => {
  it.each<[string, string, string]>([
    ['a plain name', '{"sub":"a","sub":"b"}', 'the payload has the name "sub" more than once'],
    ['a name with a quote', '{"a\\"b":1,"a\\"b":2}', 'the payload has the name "a\\"b" more than once'],
    ['a name with ESC and a newline', '{"x\\u001b[2J\\ny":1,"x\\u001b[2J\\ny":2}', 'the payload has the name "x\\u001b[2J\\ny" more than once'],
  ])('%s', (_name, payload, message) => {
    const d = decodeJwt(`${H}.${b64(payload)}.c2ln`);
    const dup = d.problems.find((p) => p.rule === 'jws-dup-names');
    expect(dup?.message).toBe(message);
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(dup?.message).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('decodeJwt never throws', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 12],
    ['an object', { toString: () => 'a.b.c' }],
  ])('for %s', (_name, input) => {
    const d = decodeJwt(input as string);
    expect(d.format).toBe('malformed');
    expect(d.problems.length).toBeGreaterThan(0);
  });

  it('for any JSON payload, at any depth, and its result serialises', () => {
    const deepArb = fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('[', '{"a":'), fc.jsonValue({ maxDepth: 3 })).map(([n, open, leaf]) => {
      const close = open === '[' ? ']' : '}';
      return `${open.repeat(n)}${JSON.stringify(leaf)}${close.repeat(n)}`;
    });
    fc.assert(
      fc.property(fc.oneof(deepArb, fc.json()), fc.oneof(deepArb, fc.json()), (header, payload) => {
        const d = decodeJwt(`${b64(header)}.${b64(payload)}.c2ln`);
        expect(() => JSON.stringify(d)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
