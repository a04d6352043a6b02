import { notice } from './notice.js';

/** The Tokens panel: a heading and the current notice. Renders text only; does not read captures yet. */
export function App() {
  return (
    <main>
      <h1>Tokens</h1>
      <p data-testid="notice">{notice}</p>
    </main>
  );
}
