import { AETNA_ORIGIN, renderAetna } from './aetna';
import { AVAILITY_ORIGIN, renderAvaility } from './availity';
import { CIGNA_ORIGIN, renderCigna } from './cigna';
import { withHostile } from './hostile';
import { HUMANA_ORIGIN, renderHumana } from './humana';
import { renderUhc, UHC_ORIGIN } from './uhc';
import { renderUnknown, UNKNOWN_ORIGIN } from './unknown';

/** Every demo portal origin and its renderer: pathname → HTML, or undefined for a 404. */
export const DEMO_PORTALS: { origin: string; render: (pathname: string) => string | undefined }[] = [
  { origin: AETNA_ORIGIN, render: renderAetna },
  // The hostile pages of tests/e2e/hostile.spec.ts live under HOSTILE-* paths of the Availity origin.
  { origin: AVAILITY_ORIGIN, render: withHostile(renderAvaility) },
  { origin: CIGNA_ORIGIN, render: renderCigna },
  { origin: HUMANA_ORIGIN, render: renderHumana },
  { origin: UHC_ORIGIN, render: renderUhc },
  { origin: UNKNOWN_ORIGIN, render: (p) => renderUnknown(p) },
];
