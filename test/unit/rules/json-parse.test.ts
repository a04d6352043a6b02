import { describe, expect, it } from 'vitest';
import { jsonParse } from '../../../src/core/rules/json-parse.js';
import { check, jsonArtifact } from '../helpers/rule-harness.js';

describe('json-parse', () => {
  it('fires on a body that was not valid JSON, with the reason and what was repaired', () => {
    const a = jsonArtifact('introspection', { active: false }, { jsonError: 'Expected double-quoted property name (line 1, column 17); read after repair (removed a trailing comma at line 1, column 16)' });
    const [f, ...rest] = check(jsonParse, [a]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'json-parse', severity: 'error', artifacts: [a.id] });
    expect(f!.message).toMatch(/^the introspection body is not valid JSON: .*line 1, column 17.*trailing comma/);
  });

  it('names the file for a file input', () => {
    const a = jsonArtifact('userinfo', undefined, { jsonError: 'Unexpected end of JSON input', occurrences: [{ location: 'file', url: 'ticket-4711.json', at: 0 }] });
    expect(check(jsonParse, [a])[0]!.message).toMatch(/^the file ticket-4711.json is not valid JSON/);
  });

  it.each([
    ['valid JSON', jsonArtifact('token_response', { access_token: 'x' })],
    ['no body at all', jsonArtifact('userinfo', undefined)],
  ])('does not fire on %s', (_name, a) => {
    expect(check(jsonParse, [a])).toEqual([]);
  });
});
