/**
 * Deadlines: calendar and business days, payer appeal windows, No Surprises Act clocks. Pure: every
 * date is passed in, none is read from a clock.
 *
 * Imports: this folder is the one deliberate exception to "rules/ imports only zod" (STYLE.md). It uses
 * @18f/us-federal-holidays for the observed federal holiday list (weekend shifts, Juneteenth from 2021:
 * better from a maintained list than re-derived) and date-fns addMonths for calendar-month windows.
 */
export {
  type AppealDeadline,
  type AppealWindow,
  appealDeadline,
  appealWindowFor,
  DEFAULT_APPEAL_WINDOWS,
  ERISA_FLOOR_WINDOW,
} from './appeal-windows';
export {
  addBusinessDays,
  type BusinessDayOptions,
  businessDayNumber,
  federalHolidays,
  isBusinessDay,
  isFederalHoliday,
  nextBusinessDayOnOrAfter,
  nthBusinessDay,
} from './business-days';
export { addCalendarDays, addCalendarMonths, daysBetween } from './calendar';
export {
  type BalanceBillingFinding,
  balanceBillingFindings,
  balanceBillingGround,
  balanceBillingGroundOfRemarks,
  balanceBillingMessage,
  IDR_INITIATION_WINDOW_BUSINESS_DAYS,
  type IdrInitiationWindow,
  idrInitiationWindow,
  NSA_REMARKS,
  type NsaKind,
  type NsaStatus,
  type NsaUserMark,
  nsaStatus,
  nsaStatusOfRemarks,
  OPEN_NEGOTIATION_NOTICE_WINDOW_BUSINESS_DAYS,
  OPEN_NEGOTIATION_PERIOD_BUSINESS_DAYS,
  openNegotiationDeadline,
  remarkBits,
} from './nsa';
