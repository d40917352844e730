import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** The in-page summary near the claim header ("Underpaid $182.40 on 2 lines"). */
export function showOverlay(_ctx: ContentScriptContext, _summary: string | undefined): void {}
