// @vitest-environment happy-dom
/**
 * Issue 10 §4: the panel shows control and bidi characters escaped, as the CLI does, and cuts long values (a
 * 30 MB claim froze it for seconds) with a "show all" button that reveals the whole value.
 */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { base64url } from 'jose';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../../src/core/index.js';
import { readInput } from '../../../../src/core/input/read-input.js';
import { RequestDetail } from '../../../../src/panel/components/requests/RequestDetail.js';
import { TokenView } from '../../../../src/panel/components/token/TokenView.js';
import { MAX_SHOWN_BODY } from '../../../../src/panel/model/request-rows.js';
import { SHOWN_CHARS } from '../../../../src/panel/model/shown-text.js';
import { analysed, artifactWhere } from './engine.js';

afterEach(cleanup);

const NOW = 1_700_000_000;
// eslint-disable-next-line no-control-regex -- asserting their absence
const RAW_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- asserting their absence (bodies keep tab, LF and CR LF)
const RAW_UNSAFE_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

/** A pasted, unsigned-looking JWT with these claims and header, analysed as the Paste view does. */
async function pastedToken(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'k1' }) {
  const jwt = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}.c2ln`;
  const index = await analysed({ documents: readInput('pasted text', jwt, NOW * 1000).documents }, NOW);
  const artifact = artifactWhere(index, (a) => a.jwt !== undefined);
  const view = render(h(TokenView, { artifact, index, now: NOW, copy: async () => {} }));
  const card = view.container.querySelector<HTMLElement>('[data-testid="artifact"]')!;
  const claim = (name: string) => card.querySelector<HTMLElement>(`[data-testid="claim"][data-claim="${name}"]`)!;
  return { card, claim, jwt };
}

const base = { iss: 'https://idp.example.com', sub: 'alice', aud: 'web', iat: NOW - 10, exp: NOW + 300 };

describe('a long claim value', () => {
  it('is cut at SHOWN_CHARS, and "show all" reveals all of it', async () => {
    const blob = `head ${'x'.repeat(SHOWN_CHARS * 3)} tail`;
    const { card, claim } = await pastedToken({ ...base, blob });
    const whole = JSON.stringify(blob);
    expect(claim('blob').textContent).toBe(whole.slice(0, SHOWN_CHARS));
    expect(claim('blob').children).toHaveLength(0);
    const button = claim('blob').parentElement!.querySelector<HTMLButtonElement>('[data-testid="show-all"]')!;
    expect(button.getAttribute('data-hidden')).toBe(String(whole.length - SHOWN_CHARS));
    expect(button.textContent).toContain(`${(whole.length - SHOWN_CHARS).toLocaleString('en-US')} characters more`);
    // The other values are whole and have no button.
    expect(claim('sub').textContent).toBe('"alice"');
    expect(claim('sub').parentElement!.querySelector('[data-testid="show-all"]')).toBeNull();

    fireEvent.click(button);
    expect(claim('blob').textContent).toBe(whole);
    expect(claim('blob').parentElement!.querySelector('[data-testid="show-all"]')).toBeNull();
    // The raw payload segment, three times as long, is still cut: each value has its own button.
    const segment = card.querySelector<HTMLElement>('[data-testid="segment"][data-part="payload"] .segment-text')!;
    expect(segment.textContent).toHaveLength(SHOWN_CHARS);
  });

  it('copies whole: "Copy token" is not cut', async () => {
    const copied: string[] = [];
    const jwtClaims = { ...base, blob: 'q'.repeat(SHOWN_CHARS * 2) };
    const jwt = `${base64url.encode(JSON.stringify({ alg: 'RS256' }))}.${base64url.encode(JSON.stringify(jwtClaims))}.c2ln`;
    const index = await analysed({ documents: readInput('pasted text', jwt, NOW * 1000).documents }, NOW);
    const artifact = artifactWhere(index, (a) => a.jwt !== undefined);
    const view = render(h(TokenView, { artifact, index, now: NOW, copy: async (t: string) => void copied.push(t) }));
    fireEvent.click(view.container.querySelector('[data-testid="copy-token"]')!);
    await Promise.resolve();
    expect(copied).toEqual([jwt]);
  });
});

describe('control and bidi characters in what the token holds', () => {
  const hostile = {
    ...base,
    iss: 'https://idp.example.com/\u202egnp.exe',
    name: 'Mallory\u001b[2J\u2028next',
    nickname: '\u2066iso\u2069 \u200eltr\u200f \u061calm \u0085nel',
    'claim\u202ename': 1,
  };

  it('are escaped in claim values and names, header values and the issuer, as the CLI writes them', async () => {
    const { card, claim } = await pastedToken(hostile, { alg: 'RS256', kid: 'k\u202d1' });
    expect(claim('name').textContent).toBe('"Mallory\\u001b[2J\\u2028next"');
    expect(claim('nickname').textContent).toBe('"\\u2066iso\\u2069 \\u200eltr\\u200f \\u061calm \\u0085nel"');
    expect(claim('iss').textContent).toBe('"https://idp.example.com/\\u202egnp.exe"');
    const names = [...card.querySelectorAll('.claim-name')].map((el) => el.textContent);
    expect(names).toContain('claim\\u202ename');
    const kid = card.querySelector('[data-testid="header-param"][data-name="kid"] .claim-json');
    expect(kid?.textContent).toBe('"k\\u202d1"');
    expect(card.querySelector('.token-issuer')?.textContent).toBe('https://idp.example.com/\\u202egnp.exe');
    expect(card.textContent).not.toMatch(RAW_UNSAFE_IN_LINES);
  });
});

describe('RequestDetail', () => {
  const exchange = (body: string): Exchange => ({
    id: 'x1',
    method: 'POST',
    url: 'https://idp.example.com/token?\u202ex=1',
    requestHeaders: [{ name: 'X-Note', value: 'a\r\nInjected: b\u2066' }],
    status: 200,
    statusText: 'OK\u0085',
    responseHeaders: [{ name: 'Content-Type', value: 'text/plain' }],
    responseBody: { text: body, mimeType: 'text/plain' },
    startedAt: NOW * 1000,
    endedAt: NOW * 1000 + 20,
    seenBy: { request: ['webRequest'] },
  });

  it('escapes the URL, status text and header values, and keeps a body\'s line breaks while escaping the rest', () => {
    const view = render(h(RequestDetail, { exchange: exchange('line one\r\nline\ttwo\n\u001b[31mred\u202e'), onClose: () => {} }));
    const detail = view.container.querySelector<HTMLElement>('[data-testid="request-detail"]')!;
    expect(detail.querySelector('.url')?.textContent).toBe('https://idp.example.com/token?\\u202ex=1');
    expect(detail.querySelector('.headers dd')?.textContent).toBe('a\\u000d\\u000aInjected: b\\u2066');
    expect(detail.textContent).toContain('status 200 OK\\u0085');
    const body = detail.querySelector<HTMLElement>('[data-testid="body"]')!;
    expect(body.textContent).toBe('line one\r\nline\ttwo\n\\u001b[31mred\\u202e');
    expect(detail.textContent).not.toMatch(RAW_UNSAFE_IN_LINES);
    const oneLine = [...detail.querySelectorAll('.url, .headers dd')].map((el) => el.textContent ?? '').join('');
    expect(oneLine).not.toMatch(RAW_UNSAFE);
  });

  it('cuts a long body at MAX_SHOWN_BODY, and "show all" reveals it', () => {
    const text = 'b'.repeat(MAX_SHOWN_BODY + 500);
    const view = render(h(RequestDetail, { exchange: exchange(text), onClose: () => {} }));
    const body = view.container.querySelector<HTMLElement>('[data-testid="body"]')!;
    expect(body.textContent).toHaveLength(MAX_SHOWN_BODY);
    const button = view.container.querySelector<HTMLButtonElement>('[data-testid="show-all"]')!;
    expect(button.getAttribute('data-hidden')).toBe('500');
    fireEvent.click(button);
    expect(view.container.querySelector('[data-testid="body"]')?.textContent).toBe(text);
  });
});
