import { describe, expect, it } from 'vitest';
// oidc-provider's own renderer of the web_message response page: the test reads what the real provider sends.
import renderWebMessage from 'oidc-provider/lib/response_modes/web_message.js';
import { extractArtifacts } from '../../../src/core/classify/extract.js';
import { webMessageResponse } from '../../../src/core/classify/web-message.js';
import { exchange } from './exchange-builder.js';

/** The HTML oidc-provider answers an authorization request with `response_mode=web_message`. */
function providerPage(response: Record<string, string>, redirectUri = 'http://localhost:3000'): string {
  const headers = new Map<string, string>();
  const ctx = {
    status: 200,
    type: '',
    body: '',
    response: { get: (name: string) => headers.get(name), remove: (name: string) => headers.delete(name) },
    set: (name: string, value: string) => headers.set(name, value),
  };
  renderWebMessage(ctx, redirectUri, response);
  return ctx.body;
}

/** The shape auth0's hosted page uses: an object literal in a script, keys unquoted. */
const AUTH0_STYLE = `<!DOCTYPE html><html><head><title>Authorization Response</title></head><body><script type="text/javascript">
(function(window, document) { var targetOrigin = "http://localhost:3000";
var authorizationResponse = {type: "authorization_response", response: {"code":"c-42","state":"s\\u002d1"}};
window.parent.postMessage(authorizationResponse, targetOrigin); })(this, this.document);</script></body></html>`;

describe('web_message authorization responses (issue 9)', () => {
  it('reads the parameters of the page oidc-provider renders, escapes decoded', () => {
    expect(webMessageResponse(providerPage({ code: 'abc<def>', state: 'st', iss: 'http://idp' }))).toEqual({ code: 'abc<def>', state: 'st', iss: 'http://idp' });
  });

  it('reads a state that holds JSON, braces and quotes included (review: the object was cut at the first brace)', () => {
    const state = JSON.stringify({ returnTo: '/a', n: { x: '}' } });
    expect(webMessageResponse(providerPage({ code: 'c', state, iss: 'http://idp' }))).toEqual({ code: 'c', state, iss: 'http://idp' });
    expect(webMessageResponse(`<script>authorization_response = {type: 'authorization_response', response: {"code":"c","state":"a}b","iss":"i"}}</script>`)).toEqual({ code: 'c', state: 'a}b', iss: 'i' });
  });

  it('reads an error answer', () => {
    expect(webMessageResponse(providerPage({ error: 'login_required', state: 'st' }))).toEqual({ error: 'login_required', state: 'st' });
  });

  it('reads a script object literal with quoted values', () => {
    expect(webMessageResponse(AUTH0_STYLE)).toEqual({ code: 'c-42', state: 's-1' });
  });

  it.each([
    ['a page that is no web message', '<html><body>{"response": {"code": "x"}}</body></html>'],
    ['a response without code, error or token', providerPage({ state: 'only' })],
    ['an unterminated object', '<script>authorization_response = {response: {"code": "x"'],
    ['a page over 64 KB', `${providerPage({ code: 'c', state: 's' })}${' '.repeat(70_000)}`],
    ['empty text', ''],
  ])('nothing from %s', (_name, html) => {
    expect(webMessageResponse(html)).toBeUndefined();
  });

  it('an authorization request answered by a web message page gives the authorization response, linked to its request', () => {
    const authorize = exchange({
      url: 'https://idp.example/authorize?client_id=app&response_type=code&response_mode=web_message&state=st&redirect_uri=http%3A%2F%2Flocalhost%3A3000&prompt=none',
      status: 200,
      responseHeaders: { 'content-type': 'text/html; charset=utf-8' },
      body: providerPage({ code: 'the-code', state: 'st' }),
    });
    const { artifacts } = extractArtifacts([authorize]);
    const response = artifacts.find((a) => a.kind === 'authorize_response');
    expect(response?.claims).toEqual({ code: 'the-code', state: 'st' });
    expect(response?.occurrences[0]).toMatchObject({ exchangeId: authorize.id, location: 'response.web_message' });
  });

  it('a page the relay read in its frame, with no status (no webRequest), is read too', () => {
    const authorize = exchange({ url: 'https://idp.example/authorize?client_id=app&response_type=code&response_mode=web_message&state=st', body: providerPage({ code: 'c2', state: 'st' }) });
    delete authorize.status;
    expect(extractArtifacts([authorize]).artifacts.find((a) => a.kind === 'authorize_response')?.claims).toEqual({ code: 'c2', state: 'st' });
  });

  it('a page of another request is not read as one', () => {
    const page = exchange({ url: 'https://app.example/help', status: 200, responseHeaders: { 'content-type': 'text/html' }, body: providerPage({ code: 'x', state: 'y' }) });
    expect(extractArtifacts([page]).artifacts.map((a) => a.kind)).toEqual([]);
  });
});
