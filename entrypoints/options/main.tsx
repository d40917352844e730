import { render } from 'preact';
import { z } from 'zod';
import '../../components/theme.css';
import './options.css';
import { BenchmarkSection } from './sections/benchmarks';
import { ChargeReviewSection } from './sections/charge-review';
import { PracticesSection } from './sections/practices';
import { PrivacySection } from './sections/privacy';
import { ProfileSection } from './sections/profile';
import { RemittanceSection } from './sections/remittances';
import { ScheduleSection } from './sections/schedules';
import { TaughtRulesSection } from './sections/taught-rules';

z.config({ jitless: true });

/** Each section is its own module under sections/; the page lists them in order. */
function App() {
  return (
    <main class="options">
      <header>
        <h1>OON Guard settings</h1>
        <p class="muted">Everything here stays in this browser profile. Nothing is uploaded.</p>
        <nav aria-label="Settings sections">
          <a href="#practices-heading">Practices</a>
          <a href="#import-heading">Fee schedules</a>
          <a href="#era-heading">835 remittances</a>
          <a href="#bench-heading">Benchmarks and policies</a>
          <a href="#profile">Practice profile</a>
          <a href="#privacy">Privacy and data</a>
        </nav>
      </header>
      <PracticesSection />
      <ScheduleSection />
      <RemittanceSection />
      <BenchmarkSection />
      <ChargeReviewSection />
      <ProfileSection />
      <TaughtRulesSection />
      <PrivacySection />
    </main>
  );
}

render(<App />, document.getElementById('app')!);
