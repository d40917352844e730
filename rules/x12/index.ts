/** The 835 reader's public surface: `readEra835` and the shapes it returns. */
export { formatDollars, parseCents } from './amount';
export { claimStatusFor } from './claim-status';
export { readEra835 } from './read-era835';
export type {
  Era835Balance,
  Era835ProviderAdjustment,
  Era835Result,
  Era835ReversalLink,
  Era835Transaction,
} from './types';
