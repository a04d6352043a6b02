import type { FlowView } from '../store/view-model.js';
import { FlowItem } from './FlowItem.js';

/** The login flows of the tab. */
export function FlowList({ flows }: { flows: FlowView[] }) {
  return (
    <section aria-labelledby="flows-heading">
      <h2 id="flows-heading">Flows</h2>
      {flows.length === 0 ? (
        <p class="muted">No login flow captured yet.</p>
      ) : (
        <ul class="flows">
          {flows.map((flow) => (
            <FlowItem key={flow.id} flow={flow} />
          ))}
        </ul>
      )}
    </section>
  );
}
