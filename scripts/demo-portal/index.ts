import { AVAILITY_ORIGIN, renderAvaility } from './availity';

/** Every demo portal origin and its renderer: pathname → HTML, or undefined for a 404. */
export const DEMO_PORTALS: { origin: string; render: (pathname: string) => string | undefined }[] = [
  { origin: AVAILITY_ORIGIN, render: renderAvaility },
];
