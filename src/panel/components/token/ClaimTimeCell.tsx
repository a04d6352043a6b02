import type { ClaimTime } from '../../model/claim-time.js';

/**
 * The table cell with a NumericDate claim's time (or its members' times): UTC, relative to now and local time;
 * a note when the value was read as milliseconds. Past expiries are marked. Empty for other claims.
 */
export function ClaimTimeCell({ name, times }: { name: string; times: readonly ClaimTime[] }) {
  if (times.length === 0) return <td class="claim-time" />;
  return (
    <td class="claim-time" data-testid="claim-time">
      {times.map((t) => {
        const valid = t.utc !== 'invalid time';
        const expired = valid && t.relative.startsWith('expired');
        return (
          <div key={t.path} class={`time-entry${expired ? ' expired' : ''}`} data-path={t.path} data-seconds={String(t.seconds)}>
            {t.path !== name && <code class="time-member">{t.path.slice(name.length + 1)}</code>}
            <time class="utc" dateTime={valid ? t.utc : undefined}>
              {t.utc}
            </time>
            {valid && <span class="relative">{t.relative}</span>}
            {valid && <span class="local">{t.local}</span>}
            {t.millis && <span class="millis">read as milliseconds</span>}
          </div>
        );
      })}
    </td>
  );
}
