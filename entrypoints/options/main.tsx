import { render } from 'preact';
import { z } from 'zod';
import '../../components/theme.css';
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
    <main>
      <h1>OON Guard settings</h1>
      <p class="muted">Everything here stays in this browser profile. Nothing is uploaded.</p>
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
