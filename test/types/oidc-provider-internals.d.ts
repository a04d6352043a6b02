/** oidc-provider's renderer of web_message response pages: not public API, imported by one test to read the real page. */
declare module 'oidc-provider/lib/response_modes/web_message.js' {
  /** Sets `ctx.body` (and the status and headers) to the page that posts `response` to the framing window. */
  const render: (ctx: unknown, redirectUri: string, response: Record<string, string>) => void;
  export default render;
}
