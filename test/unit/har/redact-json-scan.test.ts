import { describe, expect, it } from 'vitest';
import { scanJsonLiterals, type JsonPath } from '../../../src/core/har/redact-json-scan.js';
import { pseudonym } from '../../../src/core/har/redact-pseudonym.js';
import { saltedDigest } from '../../../src/core/har/redact-hash.js';
import { matchesFormat } from '../../../src/core/profiles/formats.js';
import type { ClaimFormat } from '../../../src/core/profiles/types.js';

function names(path: JsonPath | undefined): string {
  const out: string[] = [];
  for (let n = path; n; n = n.parent) out.unshift(n.name);
  return out.join('.');
}

const brief = (text: string) => scanJsonLiterals(text).map((l) => [l.type, l.value, names(l.path), l.path?.depth ?? 0, ...(l.open ? ['open'] : [])]);

describe('scanJsonLiterals', () => {
  it.each<[string, string, unknown[][]]>([
    ['members and nesting', '{"a":"x","b":{"c":1,"d":[true,"y",{"e":null}]}}', [
      ['string', 'x', 'a', 1], ['number', '1', 'b.c', 2], ['keyword', 'true', 'b.d', 2], ['string', 'y', 'b.d', 2], ['keyword', 'null', 'b.d.e', 3],
    ]],
    ['escapes in names and values', '{"n\\u0061me":"Fr\\u00f8de \\"F\\"","x":"a\\\\"}', [['string', 'Frøde "F"', 'name', 1], ['string', 'a\\', 'x', 1]]],
    ['a string the text ends inside', '{"sub":"abc","name":"Frode Ni', [['string', 'abc', 'sub', 1], ['string', 'Frode Ni', 'name', 1, 'open']]],
    ['a top-level string and array', '["eyJ.x.y", 2]', [['string', 'eyJ.x.y', '', 0], ['number', '2', '', 0]]],
    ['a trailing comma (broken JSON)', '{"active":false,}', [['keyword', 'false', 'active', 1]]],
    ['a missing opening brace (UAE PASS 003)', '"active": true, "sub": "u1", "client_claims": {"sub": "c"}}', [
      ['keyword', 'true', 'active', 1], ['string', 'u1', 'sub', 1], ['string', 'c', 'client_claims.sub', 2],
    ]],
    ['numbers in every spelling, and a lone minus', '{"a":-1.5e+3,"b":-,"c":12345678901234567890}', [['number', '-1.5e+3', 'a', 1], ['number', '12345678901234567890', 'c', 1]]],
    ['no JSON at all', 'hello <b>', [['keyword', 'hello', '', 0], ['keyword', 'b', '', 0]]],
    ['empty text', '', []],
  ])('%s', (_name, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('gives each value its object with every member name, and the offsets of the literals', () => {
    const lits = scanJsonLiterals('{"access_token":"a1","id_token":"t","access_token":"a2","n":5}');
    const object = lits[1]!.object!;
    expect(lits.every((l) => l.object === object)).toBe(true);
    expect([...object.names]).toEqual(['access_token', 'id_token', 'n']);
    expect(lits.map((l) => [l.start, l.end])).toEqual([[16, 20], [32, 35], [51, 55], [60, 61]]);
  });
});

describe('pseudonym', () => {
  const digest = (v: string) => saltedDigest('a salt of sixteen+', v);

  it.each<[string, ClaimFormat | undefined, RegExp]>([
    ['3f1c9d2e-7b8a-4c6d-9e0f-1a2b3c4d5e6f', 'uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
    ['3F1C9D2E-7B8A-4C6D-9E0F-1A2B3C4D5E6F', 'uuid', /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/],
    ['1966-12-18', 'date', /^19\d{2}-\d{2}-\d{2}$/],
    ['994705105514', 'digits', /^[1-9]\d{11}$/],
    ['0772', 'digits', /^\d{4}$/],
    ['9578-6000-4-634582', 'no-pid', /^\d{4}-\d{4}-\d-\d{6}$/],
    ['+47 958 71 775', 'phone', /^\+\d{2} \d{3} \d{2} \d{3}$/],
    ['frode@example.no', 'email', /^redacted-[A-Za-z0-9_-]{16}@redacted\.invalid$/],
    ['https://cdn.example/u/4711.png', 'url', /^https:\/\/redacted\.invalid\/[A-Za-z0-9_-]{16}$/],
    ['Frode Beckmann Nilsen', undefined, /^redacted:[A-Za-z0-9_-]{16}$/],
    ['أحمد', undefined, /^redacted:[A-Za-z0-9_-]{16}$/],
    ['', undefined, /^redacted:[A-Za-z0-9_-]{16}$/],
  ])('%s keeps its format', async (value, format, shape) => {
    const out = pseudonym(value, await digest(value));
    expect(out).toMatch(shape);
    expect(out).not.toBe(value);
    if (format) expect(matchesFormat(out, format)).toBe(true);
    expect(pseudonym(value, await digest(value))).toBe(out);
  });

  it('gives different values different replacements', async () => {
    const values = ['9578-6000-4-634582', '9578-6000-4-634583', 'Frode', 'Frodo', '1966-12-18', '1966-12-19'];
    const outs = await Promise.all(values.map(async (v) => pseudonym(v, await digest(v))));
    expect(new Set(outs).size).toBe(values.length);
  });
});
