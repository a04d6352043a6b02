import type { SeenAt } from '../../model/token-view.js';

/** Where an artifact was seen: location, time and URL, as text (URLs are never links). */
export function SeenList({ seen }: { seen: readonly SeenAt[] }) {
  if (seen.length === 0) return null;
  return (
    <section class="seen" aria-label="Seen in">
      <h4>Seen in</h4>
      <ul>
        {seen.map((s, i) => (
          <li key={i} data-testid="occurrence" data-location={s.location}>
            <code>{s.location}</code> <time dateTime={s.at === 'invalid time' ? undefined : s.at}>{s.at}</time>
            {s.url !== undefined && <span class="url"> {s.url}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
