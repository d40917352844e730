import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PortalRule } from '../../rules/portals/schema';
import { type PickerHooks, TeachPicker } from './teach/picker';

let open: TeachPicker | undefined;

/**
 * Teach mode: the in-page picker that turns the biller's clicks into a portal rule (issue 8). Only
 * the top frame teaches; asked again while open, the picker is brought back into focus.
 */
export function installTeachMode(
  ctx: ContentScriptContext,
  win: Window,
  save: PickerHooks['save'],
): { ok: boolean; error?: string } {
  if (win.top !== win) return { ok: false, error: 'Teach mode runs in the top frame.' };
  if (open) {
    open.focus();
    return { ok: true };
  }
  const picker = new TeachPicker(win, {
    save: (rule: PortalRule) => save(rule),
    closed: () => {
      if (open === picker) open = undefined;
    },
  });
  open = picker;
  picker.open();
  ctx.onInvalidated(() => open?.close());
  return { ok: true };
}
