import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Teach mode: the in-page picker that turns the biller's clicks into a portal rule (issue 8). */
export function installTeachMode(_ctx: ContentScriptContext, _win: Window): { ok: boolean; error?: string } {
  return { ok: false, error: 'Teaching a portal is not available yet.' };
}
