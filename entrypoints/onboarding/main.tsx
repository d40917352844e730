import { render } from 'preact';
import { z } from 'zod';
import '../../components/theme.css';

z.config({ jitless: true });

/** First-install page; its owner fills it in. */
function App() {
  return (
    <main>
      <h1>Welcome to OON Guard</h1>
      <p>Claim data stays on this computer. Nothing is uploaded.</p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
