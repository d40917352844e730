import { render } from 'preact';
import { z } from 'zod';
import '../../components/theme.css';
import { BenchmarkSection } from './sections/benchmarks';
import { RemittanceSection } from './sections/remittances';
import { ScheduleSection } from './sections/schedules';

z.config({ jitless: true });

/** Each section is its own module under sections/; the page lists them in order. */
function App() {
  return (
    <main>
      <h1>OON Guard settings</h1>
      <p class="muted">Everything here stays in this browser profile. Nothing is uploaded.</p>
      <ScheduleSection />
      <RemittanceSection />
      <BenchmarkSection />
    </main>
  );
}

render(<App />, document.getElementById('app')!);
