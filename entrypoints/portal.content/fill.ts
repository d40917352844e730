import { locate } from '../../rules/extract/dom';
import type { FormField, PageKindRule } from '../../rules/portals/schema';

export type FillValues = Partial<Record<FormField, string>> & { reasonKeywords?: string[] };
export type FillResult = { ok: true; filled: FormField[] } | { ok: false; error: string };

const LABEL: Record<FormField, string> = {
  claimNumber: 'claim number',
  patientAccount: 'patient account',
  reason: 'reason',
  message: 'message',
  amount: 'amount',
  serviceDate: 'service date',
};

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isControl(el: Element): el is Control {
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/** Why a control cannot be filled honestly: hidden, disabled, or under another element. */
function blocked(win: Window, el: Control): string | undefined {
  if (el.disabled || (el as HTMLInputElement).readOnly) return 'is disabled or read-only';
  if ((el as HTMLInputElement).type === 'hidden') return 'is hidden';
  const style = win.getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0)
    return 'is hidden';
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  if (r.width < 2 || r.height < 2) return 'is hidden';
  // A transparent layer over the form would receive the biller's typing instead: refuse.
  const x = r.left + Math.min(r.width / 2, 20);
  const y = r.top + r.height / 2;
  const top = win.document.elementFromPoint(x, y);
  if (
    !top ||
    (top !== el &&
      !el.contains(top) &&
      !(top.tagName === 'LABEL' && (top as HTMLLabelElement).control === el))
  ) {
    return 'is covered by another element';
  }
  return undefined;
}

/** Sets a value the way typing does, so React/Angular-bound fields see it (native setter + events). */
function setValue(win: Window, el: Control, value: string): void {
  const proto =
    el.tagName === 'TEXTAREA'
      ? (win as Window & typeof globalThis).HTMLTextAreaElement.prototype
      : el.tagName === 'SELECT'
        ? (win as Window & typeof globalThis).HTMLSelectElement.prototype
        : (win as Window & typeof globalThis).HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  el.focus();
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  el.blur();
}

function chooseOption(select: HTMLSelectElement, keywords: string[]): string | undefined {
  const words = keywords.map((k) => k.toLowerCase());
  for (const o of Array.from(select.options)) {
    const text = `${o.value} ${o.textContent ?? ''}`.toLowerCase();
    if (o.value && words.some((w) => text.includes(w))) return o.value;
  }
  return undefined;
}

/**
 * Fills the portal's dispute form with the appeal, on the biller's click. Every mapped field is
 * checked first (present, visible, not covered); if any fails nothing is filled. Never submits.
 */
export function fillDisputeForm(win: Window, kind: PageKindRule, values: FillValues): FillResult {
  const form = kind.form;
  if (kind.kind !== 'disputeForm' || !form)
    return { ok: false, error: 'This page is not a dispute or appeal form.' };
  const plan: { field: FormField; el: Control; value: string }[] = [];
  for (const field of Object.keys(form) as FormField[]) {
    const value = field === 'reason' ? undefined : values[field];
    if (field !== 'reason' && value === undefined) continue;
    const found = locate(win.document, form[field]!);
    if (!found || !isControl(found.el))
      return { ok: false, error: `The form's ${LABEL[field]} field was not found.` };
    const why = blocked(win, found.el);
    if (why) return { ok: false, error: `The form's ${LABEL[field]} field ${why}; nothing was filled.` };
    if (field === 'reason') {
      if (found.el.tagName !== 'SELECT') {
        if (values.reason) plan.push({ field, el: found.el, value: values.reason });
        continue;
      }
      const option = chooseOption(found.el as HTMLSelectElement, values.reasonKeywords ?? []);
      if (option) plan.push({ field, el: found.el, value: option });
      continue;
    }
    plan.push({ field, el: found.el, value: value! });
  }
  if (plan.length === 0) return { ok: false, error: 'No field of this form is mapped for filling.' };
  for (const p of plan) setValue(win, p.el, p.value);
  return { ok: true, filled: plan.map((p) => p.field) };
}
