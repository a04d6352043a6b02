/** Props of {@link DomainRow}. */
export interface DomainRowProps {
  domain: string;
  builtIn: boolean;
  /** True granted, false missing, undefined not known yet. */
  access: boolean | undefined;
  onGrant(): void;
  onRemove(): void;
}

function accessState(access: boolean | undefined): 'granted' | 'missing' | 'unknown' {
  if (access === undefined) return 'unknown';
  return access ? 'granted' : 'missing';
}

const ACCESS_TEXT = { granted: 'host access granted', missing: 'no host access', unknown: 'checking host access' };

/** One configured domain: its access state, and the grant and remove buttons (no remove for built-in ones). */
export function DomainRow({ domain, builtIn, access, onGrant, onRemove }: DomainRowProps) {
  const state = accessState(access);
  return (
    <li class="domain-row" data-testid="domain-row" data-domain={domain} data-access={state} data-built-in={String(builtIn)}>
      <span class="domain-name">{domain}</span>
      {builtIn && <span class="badge">built in</span>}
      <span class={`access access-${state}`} data-testid="domain-access">
        {ACCESS_TEXT[state]}
      </span>
      {state === 'missing' && (
        <button type="button" data-testid="domain-grant" aria-label={`Grant host access to ${domain}`} onClick={onGrant}>
          Grant access
        </button>
      )}
      {!builtIn && (
        <button type="button" data-testid="domain-remove" aria-label={`Remove ${domain}`} onClick={onRemove}>
          Remove
        </button>
      )}
    </li>
  );
}
