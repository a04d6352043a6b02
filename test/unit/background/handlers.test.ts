import { describe, expect, it } from 'vitest';
import { answerMessage } from '../../../src/background/handlers.js';
import { RULE_IDS } from '../../../src/core/rules/catalogue.js';

describe('answerMessage', () => {
  it('answers ping with pong and the catalogue size', () => {
    expect(answerMessage({ type: 'ping' })).toEqual({ type: 'pong', rules: RULE_IDS.length });
    expect(RULE_IDS.length).toBeGreaterThan(0);
  });

  it('ignores extra members of a ping', () => {
    expect(answerMessage({ type: 'ping', extra: [1, 2] })).toEqual({ type: 'pong', rules: RULE_IDS.length });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ping'],
    ['a number', 7],
    ['an array', ['ping']],
    ['no type', {}],
    ['a non-string type', { type: 42 }],
    ['an unknown type', { type: 'pang' }],
    ['a type in different case', { type: 'PING' }],
    ['an inherited name', { type: 'constructor' }],
    ['__proto__', { type: '__proto__' }],
    ['toString', { type: 'toString' }],
  ])('leaves %s to other listeners', (_name, message) => {
    expect(answerMessage(message)).toBeUndefined();
  });
});
