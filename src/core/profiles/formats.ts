import type { ClaimFormat } from './types.js';
import { parseUrl } from '../util/url.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DIGITS = /^[0-9]+$/;
// BankID Norway PID: serial number of the BankID certificate, e.g. 9578-5999-4-1765512.
const NO_PID = /^\d{4}-\d{4}-\d-\d{1,7}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*$/;
// Loose on purpose: E.164 is only recommended (Core §5.1); 001 shows national numbers like 95871775.
const PHONE = /^\+?[0-9][0-9 ().-]{2,30}(;ext=[0-9]+)?$/;
const MAX_LENGTH = 2048;

/** How each format is described in a message ("is not ..."). Does not cover `digits` on numbers (see formatText). */
export const FORMAT_TEXT: Readonly<Record<ClaimFormat, string>> = {
  uuid: 'a UUID (8-4-4-4-12 hex digits)',
  url: 'an absolute http(s) URL',
  'https-url': 'an https URL',
  date: 'a date YYYY-MM-DD',
  digits: 'digits only',
  'no-pid': 'a BankID PID such as 9578-5999-4-1765512',
  email: 'an e-mail address',
  phone: 'a phone number',
};

/** How a format is described for this value: `digits` on a number reads "a non-negative integer". Does not check the value. */
export function formatText(format: ClaimFormat, value: unknown): string {
  if (format === 'digits' && typeof value === 'number') return 'a non-negative integer';
  return FORMAT_TEXT[format] ?? format;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function isUrl(s: string, schemes: readonly string[]): boolean {
  const u = parseUrl(s);
  return u !== undefined && schemes.includes(u.protocol) && u.hostname !== '';
}

function stringMatches(s: string, format: ClaimFormat): boolean {
  switch (format) {
    case 'uuid':
      return UUID.test(s);
    case 'url':
      return isUrl(s, ['http:', 'https:']);
    case 'https-url':
      return isUrl(s, ['https:']);
    case 'date':
      return isDate(s);
    case 'digits':
      return DIGITS.test(s);
    case 'no-pid':
      return NO_PID.test(s);
    case 'email':
      return EMAIL.test(s);
    case 'phone':
      return PHONE.test(s) && (s.match(/[0-9]/g)?.length ?? 0) >= 3;
    default:
      return true;
  }
}

/**
 * Whether a value has a format. Formats describe strings; the one exception is `digits` on a number, which
 * means a non-negative integer (what a JSON number written with digits only is). Any other non-string value,
 * and an unknown format, count as matching: the type check reports wrong types. Never throws.
 */
export function matchesFormat(value: unknown, format: ClaimFormat): boolean {
  if (typeof value === 'number') return format === 'digits' ? Number.isSafeInteger(value) && value >= 0 : true;
  if (typeof value !== 'string') return true;
  if (value.length > MAX_LENGTH) return false;
  return stringMatches(value, format);
}
