/**
 * The options page. Hooks for end-to-end tests (data-testid, stable; other attributes as listed):
 *
 * - `options-status` (data-kind="info|error"): the result of the last action.
 * - `domain-list`, `domains-empty`: the configured domains, or the line saying there are none.
 * - `inspected-host` (data-host, data-configured): the host of the tab the Tokens panel inspected when it opened
 *   this page with `?host=`, with `inspected-host-add` when it is not configured.
 * - `domain-row` (data-domain, data-access="granted|missing|unknown", data-built-in="true|false") with
 *   `domain-access` (text), `domain-grant` (only when access is missing) and `domain-remove` (not for built-in).
 * - `preset` and `preset-add` (both data-preset="<preset id>", e.g. birid, bankid-no, uaepass).
 * - `domain-input`, `domain-add` (submit), `domain-error`: the custom domain entry.
 * - `skew-input` (number, saved on change), `skew-error`.
 * - `client-row` (data-issuer) with `client-issuer`, `client-ids`, `client-remove`; `client-add` adds a row.
 *   Fields are saved on change: blur them or press Enter after filling.
 * - `fetch-keys`, `source-<key>` (webRequest, pageHook, devtools; filterResponseData in the Firefox build;
 *   debugger in the deep-capture build), `preserve-log`: checkboxes, saved on change.
 *
 * Every save sends `{type:'settings-changed'}` to the worker.
 */
import { CaptureSection } from './components/CaptureSection.js';
import { ClientIdsSection } from './components/ClientIdsSection.js';
import { DomainsSection } from './components/DomainsSection.js';
import { NoticeLine } from './components/NoticeLine.js';
import { SkewField } from './components/SkewField.js';
import type { OptionsModel } from './store/options-model.js';

/** The whole page for a model; shows a loading line until the settings are read. Text only, never HTML. */
export function App({ model, inspectedHost }: { model: OptionsModel; inspectedHost?: string | undefined }) {
  const loaded = model.settings.value !== undefined;
  return (
    <main class="options">
      <h1>Token Inspector settings</h1>
      <NoticeLine notice={model.notice.value} />
      {loaded ? (
        <>
          <DomainsSection model={model} inspectedHost={inspectedHost} />
          <SkewField model={model} />
          <ClientIdsSection model={model} />
          <CaptureSection model={model} />
        </>
      ) : (
        <p data-testid="options-loading">Loading settings…</p>
      )}
    </main>
  );
}
