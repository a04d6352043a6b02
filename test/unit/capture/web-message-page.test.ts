// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../../src/core/capture/observation.js';
import { asksForWebMessage, thisFrame, watchWebMessagePage, type FrameDocument } from '../../../src/capture/relay/web-message-page.js';

const AUTHORIZE = 'https://idp.example/authorize?client_id=app&response_type=code&response_mode=web_message&state=s1&prompt=none';
const SCRIPT = `(function(win){ var data = {"response":{"code":"c-1","state":"s1"},"redirect_uri":"http://localhost:3000"};
  var authorization_response = { type: 'authorization_response', response: data.response };
  (win.opener || win.parent).postMessage(authorization_response, data.redirect_uri); })(this);`;

function fakeFrame(href: string) {
  let onScript: ((text: string) => void) | undefined;
  let parsed: (() => void) | undefined;
  let stopped = false;
  const frame: FrameDocument = {
    href,
    startedAt: 1_700_000_000_000.6,
    observeScripts: (cb) => ((onScript = cb), () => void (stopped = true)),
    whenParsed: (fn) => void (parsed = fn),
    status: () => 200,
  };
  return { frame, script: (text: string) => onScript?.(text), parse: () => parsed?.(), stopped: () => stopped };
}

describe('web_message response pages read in their frame (issue 9 §3)', () => {
  it.each([
    [AUTHORIZE, true],
    ['https://idp.example/authorize?client_id=app&response_mode=web_message.jwt', true],
    ['https://idp.example/authorize?client_id=app&response_type=code', false],
    ['https://idp.example/authorize?response_mode=web_message', false],
    ['https://app.example/?response_mode=web_message_x&client_id=a', false],
    ['not a url', false],
  ])('%s asks for a web message: %s', (href, expected) => {
    expect(asksForWebMessage(href)).toBe(expected);
  });

  it('reports the page script once, as the body of the frame request, and stops watching', () => {
    const sent: Observation[] = [];
    const f = fakeFrame(AUTHORIZE);
    watchWebMessagePage(f.frame, (o) => sent.push(o), () => 1_700_000_000_250.2);
    f.script('console.log("analytics")');
    expect(sent).toEqual([]);
    f.script(SCRIPT);
    f.parse();
    expect(sent).toEqual([
      {
        source: 'page-hook',
        method: 'GET',
        url: AUTHORIZE,
        startedAt: 1_700_000_000_001,
        endedAt: 1_700_000_000_250,
        status: 200,
        responseBody: { text: `<script>console.log("analytics")</script>\n<script>${SCRIPT}</script>\n`, mimeType: 'text/html' },
        notes: ['response body read by the page hook from the scripts of the web_message response page'],
      },
    ]);
    expect(f.stopped()).toBe(true);
  });

  it.each([
    ['a login page at the authorization endpoint', AUTHORIZE, 'document.forms[0].submit()'],
    ['any other document, even with such a script', 'https://app.example/', SCRIPT],
  ])('sends nothing for %s', (_name, href, script) => {
    const sent: Observation[] = [];
    const f = fakeFrame(href);
    watchWebMessagePage(f.frame, (o) => sent.push(o), () => 0);
    f.script(script);
    f.parse();
    expect(sent).toEqual([]);
  });

  it('survives a frame that throws', () => {
    const frame = { ...fakeFrame(AUTHORIZE).frame, observeScripts: () => { throw new Error('no DOM'); } };
    expect(() => watchWebMessagePage(frame, () => undefined, () => 0)).not.toThrow();
  });

  it('reads scripts a real document adds, also after they removed themselves', async () => {
    const f = thisFrame(document, window);
    const seen: string[] = [];
    const stop = f.observeScripts((text) => seen.push(text));
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.textContent = 'var a = 1;';
    document.body.append(script);
    script.remove();
    await vi.waitFor(() => expect(seen).toEqual(['var a = 1;']));
    stop();
  });
});
