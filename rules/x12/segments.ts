/**
 * X12 envelope tokenizer: one forward pass over the text with `indexOf`, one reused cursor, one
 * `split` per segment. Delimiters come from each ISA (domain.md 6.1); files that start at ST use
 * the common `*`, `:`, `~`.
 */

/** A problem with the file, named by position. The reader adds the file name in front. */
export class X12Error extends Error {
  override name = 'X12Error';
}

export interface Delimiters {
  element: string;
  component: string;
  segment: string;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const CTRL_Z = 26;

function isWhitespace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Printable form of a delimiter or value for messages: control characters as \xNN. */
export function showText(s: string, max = 20): string {
  const cut = s.length > max ? `${s.slice(0, max)}...` : s;
  let out = '';
  for (let i = 0; i < cut.length; i++) {
    const c = cut.charCodeAt(i);
    out += c < 32 || c === 127 ? `\\x${c.toString(16).padStart(2, '0')}` : cut.charAt(i);
  }
  return out;
}

/**
 * ISA is fixed-width by the standard, but real files pad it wrongly (one space for a 10-character
 * field), so the delimiters are found by counting: the element separator is the 4th character,
 * ISA16 (component separator) follows the 16th element separator, and the segment terminator is
 * the next character.
 */
export function isaDelimiters(text: string, at: number, segmentIndex: number): Delimiters {
  const element = text.charAt(at + 3);
  const e = element.charCodeAt(0);
  if (element === '' || isAlphanumeric(e) || isWhitespace(e)) {
    throw new X12Error(`segment ${segmentIndex} (ISA): no element separator after "ISA"`);
  }
  let k = at + 3;
  for (let n = 1; n < 16; n++) {
    k = text.indexOf(element, k + 1);
    if (k === -1) {
      throw new X12Error(
        `segment ${segmentIndex} (ISA): the interchange header is truncated (${n} of 16 elements)`,
      );
    }
  }
  const component = text.charAt(k + 1);
  const segment = text.charAt(k + 2);
  if (component === '' || segment === '') {
    throw new X12Error(`segment ${segmentIndex} (ISA): the interchange header is truncated before ISA16`);
  }
  const s = segment.charCodeAt(0);
  if (isAlphanumeric(s) || segment === element || segment === component || s === SPACE) {
    throw new X12Error(
      `segment ${segmentIndex} (ISA): "${showText(segment)}" after ISA16 cannot be a segment terminator`,
    );
  }
  if (isAlphanumeric(component.charCodeAt(0)) || component === element) {
    throw new X12Error(
      `segment ${segmentIndex} (ISA): "${showText(component)}" in ISA16 cannot be a component separator`,
    );
  }
  return { element, component, segment };
}

/**
 * Files cut down to ST..SE (companion-guide samples) carry no ISA. The element separator is the
 * character after "ST"; the terminator is the first character after ST that is neither data nor
 * that separator; the component separator is read off the first SVC composite, else ':'.
 */
export function bareDelimiters(text: string, at: number): Delimiters {
  const element = text.charAt(at + 2);
  let segment = '~';
  for (let i = at + 3; i < text.length && i < at + 80; i++) {
    const c = text.charCodeAt(i);
    if (!isAlphanumeric(c) && text.charAt(i) !== element && c !== SPACE) {
      segment = text.charAt(i);
      break;
    }
  }
  let component = ':';
  const svc = text.indexOf(`SVC${element}`, at);
  if (svc !== -1) {
    const c = text.charAt(svc + 6);
    const code = c.charCodeAt(0);
    if (c !== '' && c !== element && c !== segment && !isAlphanumeric(code) && !isWhitespace(code)) {
      component = c;
    }
  }
  return { element, component, segment };
}

/** A reused cursor over segments: `next()` moves on; `id`, `elements`, `index` describe the segment. */
export class SegmentReader {
  /** 1-based position of the current segment in the file, as people count them in an editor. */
  index = 0;
  id = '';
  /** `elements[0]` is the segment id; `elements[n]` is element n (CLP03 = elements[3]). */
  elements: string[] = [];
  /** Character offset of the current segment, for callers that re-read an ISA. */
  start = 0;
  /** The file ended inside this segment: no terminator followed it. */
  unterminated = false;
  delimiters: Delimiters;
  private pos: number;
  private readonly text: string;

  constructor(text: string, start: number, delimiters: Delimiters) {
    this.text = text;
    this.pos = start;
    this.delimiters = delimiters;
  }

  next(): boolean {
    const text = this.text;
    const len = text.length;
    let pos = this.pos;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (!isWhitespace(c) && !(c === CTRL_Z && pos === len - 1)) break;
      pos++;
    }
    if (pos >= len) {
      this.pos = len;
      return false;
    }
    this.index++;
    this.start = pos;
    if (
      text.charCodeAt(pos) === 73 &&
      text.charCodeAt(pos + 1) === 83 &&
      text.charCodeAt(pos + 2) === 65 &&
      !isAlphanumeric(text.charCodeAt(pos + 3))
    ) {
      // A later interchange may use other delimiters than the first (files concatenated by hand).
      this.delimiters = isaDelimiters(text, pos, this.index);
    }
    const end = text.indexOf(this.delimiters.segment, pos);
    let segEnd: number;
    if (end === -1) {
      segEnd = len;
      this.unterminated = true;
      this.pos = len;
    } else {
      segEnd = end;
      this.pos = end + 1;
    }
    this.elements = text.slice(pos, segEnd).split(this.delimiters.element);
    const id = this.elements[0] ?? '';
    if (!isSegmentId(id)) {
      throw new X12Error(`segment ${this.index}: "${showText(id)}" is not an X12 segment id`);
    }
    this.id = id;
    return true;
  }
}

/** Segment ids are 2-3 characters, upper-case letters and digits, starting with a letter. */
function isSegmentId(id: string): boolean {
  const n = id.length;
  if (n < 2 || n > 3) return false;
  const first = id.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  for (let i = 1; i < n; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}
