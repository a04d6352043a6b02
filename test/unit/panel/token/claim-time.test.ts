import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimTime, formatDelta, isTimeClaim, localTime } from '../../../../src/panel/model/claim-time.js';

const NOW = 1_629_286_357; // 2021-08-18T11:32:37Z

afterEach(() => vi.unstubAllEnvs());

describe('claimTime', () => {
  it.each([
    ['exp', NOW - 12 * 60, 'expired 12 min ago'],
    ['exp', NOW + 3 * 60, 'expires in 3 min'],
    ['iat', NOW - 2 * 60, 'issued 2 min ago'],
    ['nbf', NOW + 90, 'becomes valid in 1 min 30 s'],
    ['nbf', NOW - 5, 'became valid 5 s ago'],
    ['auth_time', NOW - 7200, 'authenticated 2 h ago'],
    ['certValidTo', NOW + 3 * 86400, 'in 3 days'],
  ])('%s %d at now is "%s"', (name, value, phrase) => {
    const t = claimTime(name, value, NOW)!;
    expect(t.relative).toBe(phrase);
    expect(t.utc).toBe(new Date(value * 1000).toISOString().replace('.000Z', 'Z'));
    expect(t.seconds).toBe(value);
    expect(t.millis).toBe(false);
  });

  it('reads a value above 10^11 as milliseconds (BankID updated_at) and says so', () => {
    const t = claimTime('updated_at', 1629280620000, NOW)!;
    expect(t.seconds).toBe(1629280620);
    expect(t.millis).toBe(true);
    expect(t.utc).toBe('2021-08-18T09:57:00Z');
    expect(t.relative).toBe("updated 1 h 35 min ago");
  });

  it.each([['x'], [null], [true], [Number.NaN], [{}]])('has no time for %j', (value) => {
    expect(claimTime('exp', value, NOW)).toBeUndefined();
  });

  it('gives "invalid time" and no phrase for a number no date can hold', () => {
    const t = claimTime('exp', 1e17, NOW)!;
    expect([t.utc, t.local, t.relative]).toEqual(['invalid time', 'invalid time', '']);
  });

  it('shows local time with the zone offset', () => {
    vi.stubEnv('TZ', 'Asia/Baku');
    expect(localTime(NOW)).toBe('2021-08-18 15:32:37 UTC+04:00');
    vi.stubEnv('TZ', 'America/St_Johns');
    expect(localTime(NOW)).toBe('2021-08-18 09:02:37 UTC-02:30');
    vi.stubEnv('TZ', 'UTC');
    expect(claimTime('exp', NOW, NOW)!.local).toBe('2021-08-18 11:32:37 UTC+00:00');
  });
});

describe('isTimeClaim and formatDelta', () => {
  it('knows the NumericDate names and documented ones', () => {
    expect(['exp', 'iat', 'nbf', 'auth_time', 'updated_at'].every((n) => isTimeClaim(n))).toBe(true);
    expect(isTimeClaim('certValidTo')).toBe(false);
    expect(isTimeClaim('certValidTo', { name: 'certValidTo', type: 'numericdate', description: '' })).toBe(true);
    expect(isTimeClaim('sub', { name: 'sub', type: 'string', description: '' })).toBe(false);
  });

  it.each([
    [1544, '+25 min 44 s'],
    [-5, '-5 s'],
    [0, '0 s'],
    [7200, '+2 h'],
  ])('%d s is %s', (seconds, text) => {
    expect(formatDelta(seconds)).toBe(text);
  });
});
