import { extract } from '../../../rules/extract/extract';
import {
  proposeColumn,
  proposeFieldLocators,
  proposeTableLocators,
  tableOf,
} from '../../../rules/extract/selectors';
import type { ClaimField, LineField, PortalRule } from '../../../rules/portals/schema';
import { PortalRuleSchema } from '../../../rules/portals/schema';
import {
  autoColumns,
  buildTaughtRule,
  draftGaps,
  TEACH_COLUMNS,
  TEACH_FIELDS,
  type TeachDraft,
  type TeachKind,
} from './draft';
import { PICKER_STYLE } from './style';

/** What the biller is pointing at right now. */
type Target =
  | { type: 'field'; field: ClaimField; label: string }
  | { type: 'table'; label: string }
  | { type: 'column'; field: LineField; label: string };

export interface PickerHooks {
  /** Sends the rule to the background; resolves with its verdict. */
  save: (rule: PortalRule) => Promise<{ ok: boolean; error?: string }>;
  /** The picker closed (Esc, Close, or saved). */
  closed: () => void;
}

const HOST_TAG = 'oon-guard-teach';

/** Events that never leave the picker's shadow root: the portal sees none of our clicks or typing. */
const ISOLATED = [
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'focusin',
  'focusout',
  'submit',
];

/** While picking, the page's own handlers must not act on the click (links, row menus, focus). */
const SWALLOWED_WHILE_PICKING = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'click', 'dblclick'];

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { text?: string; class?: string; attrs?: Record<string, string> } = {},
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.class) e.className = props.class;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  return e;
}

function snippet(e: Element): string {
  const t = (e.textContent ?? '').replace(/\s+/g, ' ').trim();
  return t.length > 48 ? `${t.slice(0, 47)}…` : t;
}

function dollars(cents: number): string {
  return `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * The in-page teach picker: a panel in its own shadow root (fixed, so the portal's layout never
 * moves) and a highlight box. The biller chooses what to point at, then clicks it on the page or
 * walks to it with the arrow keys (Down/Up: next/previous text on the page, Left: the enclosing
 * element, Right: the first inner one, Enter: take it). Esc stops picking, and Esc again leaves.
 * Everything scraped is shown with textContent.
 */
export class TeachPicker {
  private readonly doc: Document;
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly panel: HTMLElement;
  private readonly highlight: HTMLElement;
  private readonly status: HTMLElement;
  private target: Target | undefined;
  private cursor: Element | undefined;
  private draft: TeachDraft;
  private focusKey: string | undefined;
  private readonly removers: (() => void)[] = [];

  constructor(
    private readonly win: Window,
    private readonly hooks: PickerHooks,
  ) {
    this.doc = win.document;
    this.draft = {
      href: win.location.href,
      name: win.location.hostname,
      payerName: '',
      kind: 'claimDetail',
      fields: {},
      columns: {},
    };
    this.host = this.doc.createElement(HOST_TAG);
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = el(this.doc, 'style', { text: PICKER_STYLE });
    this.highlight = el(this.doc, 'div', { class: 'highlight', attrs: { 'aria-hidden': 'true' } });
    this.panel = el(this.doc, 'section', {
      class: 'panel',
      attrs: { role: 'dialog', 'aria-label': 'Teach OON Guard this page', 'aria-modal': 'false' },
    });
    this.status = el(this.doc, 'p', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.root.append(style, this.highlight, this.panel);
    for (const type of ISOLATED) this.host.addEventListener(type, (e) => e.stopPropagation());
  }

  open(): void {
    this.doc.documentElement.append(this.host);
    this.listen(this.win, 'mousemove', (e) => this.onPointer(e as MouseEvent));
    for (const type of SWALLOWED_WHILE_PICKING) this.listen(this.win, type, (e) => this.onPageClick(e));
    this.listen(this.win, 'keydown', (e) => this.onKey(e as KeyboardEvent));
    this.listen(this.win, 'scroll', () => this.drawHighlight());
    this.listen(this.win, 'resize', () => this.drawHighlight());
    this.focusKey = 'pick:field:claimNumber';
    this.render();
  }

  close(): void {
    for (const remove of this.removers.splice(0)) remove();
    this.host.remove();
    this.hooks.closed();
  }

  /** Brings the panel back into view when teach mode is asked for again. */
  focus(): void {
    this.focusKey = 'pick:field:claimNumber';
    this.render();
  }

  private listen(target: EventTarget, type: string, fn: (e: Event) => void): void {
    target.addEventListener(type, fn, { capture: true });
    this.removers.push(() => target.removeEventListener(type, fn, { capture: true }));
  }

  private fromPicker(e: Event): boolean {
    return e.composedPath().includes(this.host);
  }

  private onPointer(e: MouseEvent): void {
    if (!this.target || this.fromPicker(e)) return;
    const t = e.target;
    if (isElement(t) && t !== this.cursor) {
      this.cursor = t;
      this.drawHighlight();
    }
  }

  private onPageClick(e: Event): void {
    if (!this.target || this.fromPicker(e)) return;
    e.preventDefault();
    e.stopPropagation();
    e.stopImmediatePropagation();
    if (e.type !== 'click') return;
    const t = e.target;
    if (isElement(t)) this.take(t);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (this.target) this.stopPicking('Picking stopped.');
      else this.close();
      return;
    }
    if (!this.target) return;
    const moves: Record<string, () => Element | undefined> = {
      ArrowDown: () => this.step(1),
      ArrowUp: () => this.step(-1),
      ArrowLeft: () => {
        const p = this.cursor?.parentElement;
        return p && p !== this.doc.body && p !== this.doc.documentElement ? p : undefined;
      },
      ArrowRight: () => this.cursor?.firstElementChild ?? undefined,
    };
    if (e.key in moves) {
      e.preventDefault();
      e.stopPropagation();
      const next = moves[e.key]!();
      if (next) {
        this.cursor = next;
        next.scrollIntoView?.({ block: 'nearest' });
        this.drawHighlight();
        this.say(`Pointing at: ${snippet(next) || next.tagName.toLowerCase()}`);
      }
    } else if (e.key === 'Enter' && this.cursor) {
      e.preventDefault();
      e.stopPropagation();
      this.take(this.cursor);
    }
  }

  /** The next (or previous) element on the page that shows text of its own. */
  private step(dir: 1 | -1): Element | undefined {
    const all = Array.from(this.doc.body.querySelectorAll('*')).filter(
      (e) =>
        e.children.length === 0 &&
        (e.textContent ?? '').trim() !== '' &&
        !['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(e.tagName) &&
        (e as HTMLElement).offsetParent !== null,
    );
    if (all.length === 0) return undefined;
    const i = this.cursor ? all.indexOf(this.cursor) : -1;
    if (i < 0) return dir === 1 ? all[0] : all[all.length - 1];
    return all[Math.min(all.length - 1, Math.max(0, i + dir))];
  }

  private drawHighlight(): void {
    const h = this.highlight;
    if (!this.target || !this.cursor) {
      h.style.display = 'none';
      return;
    }
    const r = this.cursor.getBoundingClientRect();
    Object.assign(h.style, {
      display: 'block',
      top: `${r.top - 2}px`,
      left: `${r.left - 2}px`,
      width: `${r.width + 4}px`,
      height: `${r.height + 4}px`,
    });
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  private startPicking(target: Target): void {
    this.target = target;
    this.cursor = undefined;
    this.say(`Click the ${target.label} on the page, or use the arrow keys and Enter. Esc stops picking.`);
    this.render();
  }

  private stopPicking(message: string): void {
    const was = this.target;
    this.target = undefined;
    this.cursor = undefined;
    this.drawHighlight();
    this.say(message);
    if (was) this.focusKey = `pick:${keyOf(was)}`;
    this.render();
  }

  /** Assigns the element to what is being picked and moves focus to the next thing to point at. */
  private take(e: Element): void {
    const target = this.target;
    if (!target) return;
    const d = this.draft;
    let message: string;
    if (target.type === 'field') {
      const strategy = proposeFieldLocators(this.doc, e);
      if (strategy.length === 0) {
        this.say(`No sturdy way to find that ${target.label} again: try the value itself, not its box.`);
        return;
      }
      d.fields[target.field] = strategy;
      message = `The ${target.label} is read ${describeLocator(strategy[0]!)}.`;
    } else {
      const table = tableOf(e);
      if (!table) {
        this.say('That is not inside a table: point at a cell of the service lines.');
        return;
      }
      if (target.type === 'table' || !d.table) {
        const strategy = proposeTableLocators(this.doc, table);
        if (strategy.length === 0) {
          this.say('No sturdy way to find that table again.');
          return;
        }
        d.table = strategy;
        if (target.type === 'table') d.columns = { ...autoColumns(table), ...d.columns };
      }
      if (target.type === 'column') {
        const column = proposeColumn(table, e);
        if (!column) {
          this.say('Point at a cell in the column, below its header.');
          return;
        }
        d.columns[target.field] = column;
      }
      message =
        target.type === 'table'
          ? `Service-line table found ${describeLocator(d.table![0]!)}; ${Object.keys(d.columns).length} columns recognised by their headers.`
          : `The ${target.label} column is read by its header.`;
    }
    const order = this.targets();
    const next = order[order.findIndex((t) => keyOf(t) === keyOf(target)) + 1];
    this.target = undefined;
    this.cursor = undefined;
    this.drawHighlight();
    this.focusKey = next ? `pick:${keyOf(next)}` : 'save';
    this.say(message);
    this.render();
  }

  private targets(): Target[] {
    return [
      ...TEACH_FIELDS.map((f) => ({ type: 'field' as const, ...f })),
      { type: 'table', label: 'service-line table' },
      ...TEACH_COLUMNS.map((c) => ({ type: 'column' as const, field: c.field, label: `${c.label} column` })),
    ];
  }

  private preview(): { rule?: PortalRule; lines: string[]; ok: boolean } {
    const gaps = draftGaps(this.draft);
    if (gaps.length > 0) return { lines: gaps, ok: false };
    const parsed = PortalRuleSchema.safeParse(buildTaughtRule(this.draft));
    if (!parsed.success)
      return { lines: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), ok: false };
    const rule = parsed.data;
    const result = extract(rule, rule.pageKinds[0]!, this.doc);
    if (!result.ok) return { rule, lines: result.missing.map((m) => `Not read: ${m}`), ok: false };
    if (result.kind !== 'claim') return { rule, lines: ['This page does not read as a claim.'], ok: false };
    const c = result.claim;
    return {
      rule,
      ok: true,
      lines: [
        `Claim ${c.claimNumber}, ${c.payerName}`,
        `Billed ${dollars(c.billedCents)}, paid ${dollars(c.paidCents)}, ${c.lines.length} service lines`,
        ...c.lines
          .slice(0, 6)
          .map(
            (l) =>
              `Line ${l.lineNumber}: ${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} billed ${dollars(l.billedCents)}, paid ${dollars(l.paidCents)}`,
          ),
      ],
    };
  }

  private async save(rule: PortalRule): Promise<void> {
    this.say('Saving…');
    const r = await this.hooks.save(rule).catch((e: unknown) => ({ ok: false, error: String(e) }));
    if (r.ok) this.close();
    else this.say(`Not saved: ${r.error ?? 'unknown error'}`);
  }

  private render(): void {
    const doc = this.doc;
    const d = this.draft;
    const p = this.panel;
    p.replaceChildren();
    const head = el(doc, 'div', { class: 'head' });
    head.append(el(doc, 'h2', { text: 'Teach OON Guard this page' }));
    const close = el(doc, 'button', { text: 'Close', class: 'secondary', attrs: { type: 'button' } });
    close.addEventListener('click', () => this.close());
    head.append(close);
    p.append(head);
    p.append(
      el(doc, 'p', {
        class: 'hint',
        text: 'Choose what to point at, then click it on the page (or use the arrow keys and Enter). Esc leaves.',
      }),
    );

    const meta = el(doc, 'div', { class: 'meta' });
    const nameInput = this.input('Portal name', d.name, (v) => {
      d.name = v;
    });
    const payerInput = this.input('Payer name, if the page does not show it', d.payerName, (v) => {
      d.payerName = v;
      this.refreshPreview();
    });
    const kindLabel = el(doc, 'label', { text: 'Page kind' });
    const kind = el(doc, 'select');
    for (const [value, text] of [
      ['claimDetail', 'Claim detail'],
      ['remittance', 'Remittance / EOB'],
    ] as const) {
      const o = el(doc, 'option', { text, attrs: { value } });
      if (value === d.kind) o.selected = true;
      kind.append(o);
    }
    kind.addEventListener('change', () => {
      d.kind = kind.value as TeachKind;
    });
    kindLabel.append(kind);
    meta.append(nameInput, payerInput, kindLabel);
    p.append(meta);

    const list = el(doc, 'ul', { class: 'targets' });
    for (const t of this.targets()) list.append(this.targetRow(t));
    p.append(list);

    p.append(this.status);
    const preview = el(doc, 'div', {
      class: 'preview',
      attrs: { 'aria-label': 'What OON Guard would read' },
    });
    p.append(preview);
    const save = el(doc, 'button', { text: 'Save rule', attrs: { type: 'button', 'data-key': 'save' } });
    p.append(save);
    this.previewInto(preview, save);

    const focus = this.focusKey;
    this.focusKey = undefined;
    const toFocus = focus
      ? this.root.querySelector<HTMLElement>(`[data-key="${focus}"]`)
      : this.target
        ? this.root.querySelector<HTMLElement>(`[data-key="pick:${keyOf(this.target)}"]`)
        : null;
    toFocus?.focus();
  }

  private refreshPreview(): void {
    const preview = this.root.querySelector<HTMLElement>('.preview');
    const save = this.root.querySelector<HTMLButtonElement>('[data-key="save"]');
    if (preview && save) this.previewInto(preview, save);
  }

  private previewInto(box: HTMLElement, save: HTMLButtonElement): void {
    const pv = this.preview();
    box.replaceChildren();
    box.className = pv.ok ? 'preview ok' : 'preview';
    box.append(el(this.doc, 'h3', { text: pv.ok ? 'OON Guard would read:' : 'Not readable yet:' }));
    const ul = el(this.doc, 'ul');
    for (const line of pv.lines) ul.append(el(this.doc, 'li', { text: line }));
    box.append(ul);
    save.disabled = !pv.ok;
    save.onclick = pv.ok && pv.rule ? () => void this.save(pv.rule!) : null;
  }

  private input(label: string, value: string, onInput: (v: string) => void): HTMLLabelElement {
    const l = el(this.doc, 'label', { text: label });
    const i = el(this.doc, 'input', { attrs: { type: 'text' } });
    i.value = value;
    i.addEventListener('input', () => onInput(i.value));
    l.append(i);
    return l;
  }

  private targetRow(t: Target): HTMLLIElement {
    const doc = this.doc;
    const d = this.draft;
    const key = keyOf(t);
    const li = el(doc, 'li');
    const set = t.type === 'field' ? d.fields[t.field] : t.type === 'table' ? d.table : d.columns[t.field];
    const picking = this.target && keyOf(this.target) === key;
    if (t.type === 'table') li.className = 'table-row';
    const name = el(doc, 'span', { class: 'name', text: capital(t.label) });
    const state = el(doc, 'span', {
      class: set ? 'state set' : 'state',
      text: picking ? 'pointing…' : set ? describeAny(set) : 'not set',
    });
    const pick = el(doc, 'button', {
      text: picking ? 'Picking…' : 'Pick',
      class: 'secondary',
      attrs: { type: 'button', 'data-key': `pick:${key}`, 'aria-label': `Pick ${t.label}` },
    });
    pick.addEventListener('click', () =>
      picking ? this.stopPicking('Picking stopped.') : this.startPicking(t),
    );
    li.append(name, state, pick);
    if (set) {
      const clear = el(doc, 'button', {
        text: 'Clear',
        class: 'link',
        attrs: { type: 'button', 'aria-label': `Clear ${t.label}` },
      });
      clear.addEventListener('click', () => {
        if (t.type === 'field') delete d.fields[t.field];
        else if (t.type === 'table') {
          delete d.table;
          d.columns = {};
        } else delete d.columns[t.field];
        this.focusKey = `pick:${key}`;
        this.render();
      });
      li.append(clear);
    }
    return li;
  }
}

function isElement(t: EventTarget | null): t is Element {
  return t !== null && (t as Node).nodeType === 1;
}

function keyOf(t: Target): string {
  return t.type === 'table' ? 'table' : `${t.type}:${t.field}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function describeLocator(l: { css?: string; label?: string[]; role?: string; name?: string[] }): string {
  if (l.label) return `beside the label "${l.label[0]}"`;
  if (l.role) return `as the ${l.role} named "${l.name?.[0]}"`;
  return `by ${l.css}`;
}

function describeAny(set: unknown): string {
  if (Array.isArray(set)) return describeLocator(set[0] as Parameters<typeof describeLocator>[0]);
  const c = set as { header?: string[]; css?: string };
  return c.header ? `header "${c.header[0]}"` : `by ${c.css}`;
}
