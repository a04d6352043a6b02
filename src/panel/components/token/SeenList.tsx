import type { SeenAt } from '../../model/token-view.js';
import { CapturedText } from '../text/CapturedText.js';

/** Where an artifact was seen: location, time and URL, as escaped text (URLs are never links; long ones cut). */
export function SeenList({ seen }: { seen: readonly SeenAt[] }) {
  if (seen.length === 0) return null;
  return (
    <section class="seen" aria-label="Seen in">
      <h4>Seen in</h4>
      <ul>
        {seen.map((s, i) => (
          <li key={i} data-testid="occurrence" data-location={s.location}>
            <CapturedText as="code" text={s.location} /> <time dateTime={s.at === 'invalid time' ? undefined : s.at}>{s.at}</time>
            {s.url !== undefined && (
              <>
                {' '}
                <CapturedText class="url" text={s.url} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
