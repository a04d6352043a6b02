import { parseDomain, parseDomains, urlOnDomains } from '../../shared/domains.js';
import type { OptionsModel } from '../store/options-model.js';

/** Props of {@link InspectedHost}. */
export interface InspectedHostProps {
  model: OptionsModel;
  /** The host of the tab the Tokens panel inspected, when the panel opened this page (`?host=`). */
  host: string | undefined;
}

/**
 * The tab the Tokens panel inspected: its host, whether it is configured, and (when not) a button that adds it,
 * asking for host access inside the click. Nothing when the page was not opened from the panel. Text only.
 */
export function InspectedHost({ model, host }: InspectedHostProps) {
  if (!host || 'error' in parseDomain(host)) return null;
  const configured = urlOnDomains(`http://${host}/`, parseDomains(model.settings.value?.domains ?? []));
  return (
    <p class="hint" data-testid="inspected-host" data-host={host} data-configured={String(configured)}>
      {configured ? (
        `The tab you inspected is on ${host}, a configured domain.`
      ) : (
        <>
          The tab you inspected is on {host}, which is not configured: it is captured only while DevTools is open on it.{' '}
          <button type="button" data-testid="inspected-host-add" onClick={() => void model.addDomains([host], host)}>
            Add {host}
          </button>
        </>
      )}
    </p>
  );
}
