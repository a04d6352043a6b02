import { describe, expect, it } from 'vitest';
import { trTokenType } from '../../../src/core/rules/tr-token-type.js';
import { check, jsonArtifact } from '../helpers/rule-harness.js';

const response = (token_type: unknown) => jsonArtifact('token_response', { access_token: 'x', expires_in: 300, token_type });

describe('tr-token-type', () => {
  it.each([
    ['seed 002 "bearer"', 'bearer'],
    ['"BEARER"', 'BEARER'],
    ['"bEaReR"', 'bEaReR'],
  ])('fires as info for %s', (_name, value) => {
    const f = check(trTokenType, [response(value)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'tr-token-type', severity: 'info', claim: 'token_type' });
    expect(f[0]!.message).toContain(`token_type "${value}" is not written "Bearer"`);
    expect(f[0]!.message).toContain('compared case-insensitively');
    expect(f[0]!.message).toContain('seed 002 notes it will become Bearer');
  });

  it.each([
    ['a number', 1, 'token_type 1 is not a string'],
    ['null', null, 'token_type null is not a string'],
    ['an object', { type: 'Bearer' }, 'token_type {"type":"Bearer"} is not a string'],
    ['an array', ['Bearer'], 'token_type ["Bearer"] is not a string'],
  ])('bad input: token_type %s gives an info, no throw', (_name, value, fragment) => {
    const f = check(trTokenType, [response(value)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info' });
    expect(f[0]!.message).toContain(fragment);
  });

  it.each([
    ['"Bearer"', response('Bearer')],
    ['"DPoP"', response('DPoP')],
    ['"bearer " with a space is not bearer', response('bearer ')],
    ['token_type missing (tr-required reports it)', jsonArtifact('token_response', { access_token: 'x' })],
    ['no claims at all', jsonArtifact('token_response', undefined)],
    ['an error response', jsonArtifact('token_response', { error: 'invalid_grant' })],
  ])('does not fire: %s', (_name, a) => {
    expect(check(trTokenType, [a])).toEqual([]);
  });
});
