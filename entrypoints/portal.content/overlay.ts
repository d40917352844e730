import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../../utils/messaging';

const HOST_TAG = 'oon-guard-overlay';

const STYLE = `
:host { all: initial; }
.box { position: fixed; top: 12px; right: 12px; z-index: 2147483646; max-width: 360px;
  font: 600 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b2430;
  background: #fff; border: 1px solid #c9d1da; border-left: 4px solid #a3211a; border-radius: 6px;
  box-shadow: 0 4px 14px rgba(0,0,0,.15); padding: 8px 10px; display: flex; gap: 10px; align-items: center; }
.box.ok { border-left-color: #1d6b3a; }
button { all: unset; cursor: pointer; color: #0b57a4; text-decoration: underline; font-weight: 600; }
button:focus-visible { outline: 2px solid #0b57a4; outline-offset: 2px; }
.close { color: #5a6573; text-decoration: none; font-size: 16px; line-height: 1; }
`;

/**
 * The in-page summary of the claim just read ("Underpaid $182.40 on 2 lines"), in the frame that holds
 * the claim (portal apps often live in an iframe), at the top of that frame. Fixed-position in its
 * own shadow root, so it never shifts the portal's layout; its events stop at the host, so the portal
 * never sees its clicks or keystrokes. Only our text is shown, as text.
 */
export function showOverlay(ctx: ContentScriptContext, summary: string | undefined): void {
  for (const el of document.querySelectorAll(HOST_TAG)) el.remove();
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.className = summary ? 'box' : 'box ok';
  const text = document.createElement('span');
  text.setAttribute('role', 'status');
  text.textContent = summary ? `OON Guard: ${summary}` : 'OON Guard: no underpayment found';
  const open = document.createElement('button');
  open.type = 'button';
  open.textContent = 'Details';
  open.addEventListener('click', () => void sendMessage('openSidePanel', undefined).catch(() => undefined));
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss OON Guard summary');
  close.addEventListener('click', () => host.remove());
  box.append(text, open, close);
  root.append(style, box);
  for (const type of [
    'click',
    'mousedown',
    'mouseup',
    'keydown',
    'keyup',
    'keypress',
    'input',
    'focusin',
    'focusout',
  ]) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }
  document.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());
}
