/**
 * X12 envelope tokenizer: one forward pass over the text, one reused cursor, element offsets
 * instead of strings. Delimiters come from each ISA (domain.md 6.1); files that start at ST use
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

/** Characters kept back at the end of a slice that is not the last: more than an ISA header needs. */
const SLICE_TAIL = 512;

/** Segment id strings by key (`segmentKey`), made on first use: messages are the only readers. */
const SEGMENT_IDS = new Map<number, string>();

/**
 * A segment id as a number: its two or three character codes, 8 bits each ("CLP" is 0x434c50,
 * "N1" is 0x4e3100). The reader switches on this instead of comparing strings.
 */
export function segmentKey(id: string): number {
  return id.charCodeAt(0) * 65536 + id.charCodeAt(1) * 256 + (id.length === 3 ? id.charCodeAt(2) : 0);
}

/**
 * A short element value ("472", "B6", "QC") as a number: its length times 2^24 plus its one to three
 * character codes, 8 bits each, as segmentKey packs them. Equal keys mean equal text (the length is in
 * the key); `SegmentReader.qualifier` reads the same key from the text in place.
 */
export function qualifierKey(s: string): number {
  let key = 0;
  for (let k = 0; k < 3; k++) key = key * 256 + (k < s.length ? s.charCodeAt(k) & 255 : 0);
  return s.length * 16777216 + key;
}

/** Base-37 key of `[A-Z0-9]` text: 0 is "no character", so "A" and "0A" differ. Exact up to 10 characters. */
function codeDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 47;
  if (c >= 65 && c <= 90) return c - 54;
  return 0;
}

/** Codes (CARCs, CPT/HCPCS, modifiers, remarks) seen so far: a file repeats a few hundred of them. */
const CODES = new Map<number, string>();
/**
 * A direct-mapped cache in front of CODES: slot `key & 1023` holds the last code read there. The same
 * dozen codes come back on every claim, and a typed-array compare is cheaper than a Map lookup.
 */
const RECENT_KEYS = new Float64Array(1024).fill(-1);
const RECENT_CODES: string[] = new Array<string>(1024).fill('');

/**
 * A reused cursor over segments: `next()` moves on; `id`, `index` and the element accessors describe
 * the segment. Elements are offsets into the text, not strings: an element becomes a string only when
 * a caller asks for it (`str`), and amounts and dates are read straight from the text.
 */
export class SegmentReader {
  /** 1-based position of the current segment in the file, as people count them in an editor. */
  index = 0;
  /** The segment id as `segmentKey` gives it; `id` is the same as text. */
  key = 0;
  /** Number of elements including the id: `str(n)` for n < count is element n (CLP03 = 3). */
  count = 0;
  /** Character offset of the current segment, for callers that re-read an ISA. */
  start = 0;
  /** The file ended inside this segment: no terminator followed it. */
  unterminated = false;
  delimiters: Delimiters;
  text: string;
  /**
   * More text follows this one (a file read in slices): a segment that reaches the end of `text` is
   * not read but left for `continueWith`, and so is a short tail an ISA header could be cut in.
   */
  private more = false;
  /** `bounds[2n]` and `bounds[2n + 1]`: where element n starts and ends. */
  private bounds = new Int32Array(128);
  private pos: number;
  private elementCode: number;
  /**
   * The first element separator after the last segment read, found by that segment's last search
   * (which runs past its terminator), or -2 when unknown: the next segment's first search starts
   * there instead of searching again. -1 means there is none in the text.
   */
  private nextSeparator = -2;

  constructor(text: string, start: number, delimiters: Delimiters, more = false) {
    this.text = text;
    this.pos = start;
    this.more = more;
    this.delimiters = delimiters;
    this.elementCode = delimiters.element.charCodeAt(0);
  }

  /**
   * Goes on with the next slice of the file. `text` must start where the last `next()` that returned
   * false stopped (`rest()` of the previous slice followed by the new one).
   */
  continueWith(text: string, more: boolean): void {
    this.text = text;
    this.pos = 0;
    this.nextSeparator = -2;
    this.more = more;
  }

  /** What `next()` left unread of this slice because more text follows. */
  rest(): string {
    return this.text.slice(this.pos);
  }

  next(): boolean {
    const text = this.text;
    const len = text.length;
    let pos = this.pos;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      // Above space: a segment id's first character, nearly always (white space and ^Z are below).
      if (c > SPACE) break;
      if (!isWhitespace(c) && !(c === CTRL_Z && pos === len - 1 && !this.more)) break;
      pos++;
    }
    // Sliced reading: an ISA header is ~106 characters, and no segment is read unless its terminator is in this slice.
    if (this.more && len - pos < SLICE_TAIL) {
      this.pos = pos;
      return false;
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
      this.elementCode = this.delimiters.element.charCodeAt(0);
      this.nextSeparator = -2;
    }
    const element = this.elementCode;
    let bounds = this.bounds;
    bounds[0] = pos;
    let n = 0;
    // The terminator and then each separator before it found by indexOf, a native search: cheaper
    // than a charCodeAt per character in JS.
    let i = text.indexOf(this.delimiters.segment, pos);
    if (i === -1) i = len;
    const separator = this.delimiters.element;
    if (separator !== '') {
      // No separator lies between the last segment's last separator and `nextSeparator`, and `pos` is past the former.
      let k = this.nextSeparator;
      if (k === -2 || (k !== -1 && k < pos)) k = text.indexOf(separator, pos);
      for (; k !== -1 && k < i; k = text.indexOf(separator, k + 1)) {
        if (2 * n + 3 >= bounds.length) {
          const grown = new Int32Array(bounds.length * 2);
          grown.set(bounds);
          bounds = grown;
          this.bounds = grown;
        }
        bounds[2 * n + 1] = k;
        n++;
        bounds[2 * n] = k + 1;
      }
      this.nextSeparator = k;
    }
    bounds[2 * n + 1] = i;
    this.count = n + 1;
    if (i >= len && this.more) {
      this.index--;
      this.pos = pos;
      return false;
    }
    if (i >= len) {
      this.unterminated = true;
      this.pos = len;
    } else {
      this.pos = i + 1;
    }
    // An element separator of '' (a bare file that ends at "ST") split the old way: one character.
    this.key = this.segmentKeyAt(pos, Number.isNaN(element) ? Math.min(pos + 1, i) : (bounds[1] as number));
    return true;
  }

  /** The id of the current segment ("CLP"), for messages and the rare string comparison. */
  get id(): string {
    const key = this.key;
    let id = SEGMENT_IDS.get(key);
    if (id === undefined) {
      id = String.fromCharCode(key >>> 16, (key >>> 8) & 255);
      if ((key & 255) !== 0) id += String.fromCharCode(key & 255);
      SEGMENT_IDS.set(key, id);
    }
    return id;
  }

  /** 2-3 upper-case letters and digits starting with a letter, as a number (`segmentKey`); else an error. */
  private segmentKeyAt(from: number, to: number): number {
    const text = this.text;
    const n = to - from;
    if (n === 2 || n === 3) {
      const a = text.charCodeAt(from);
      const b = text.charCodeAt(from + 1);
      const c = n === 3 ? text.charCodeAt(from + 2) : 0;
      if (a >= 65 && a <= 90 && isUpperOrDigit(b) && (n === 2 || isUpperOrDigit(c))) {
        return a * 65536 + b * 256 + c;
      }
    }
    throw new X12Error(`segment ${this.index}: "${showText(text.slice(from, to))}" is not an X12 segment id`);
  }

  /** Element n as a string; '' when the segment has fewer elements. */
  str(n: number): string {
    if (n >= this.count) return '';
    return this.text.slice(this.bounds[2 * n] as number, this.bounds[2 * n + 1] as number);
  }

  /**
   * `str(n).trim()`, without the trim when both ends are printable ASCII other than space: trim only
   * takes white space and line terminators, which are all space or below it, or above 127.
   */
  trimmed(n: number): string {
    if (n >= this.count) return '';
    const from = this.bounds[2 * n] as number;
    const to = this.bounds[2 * n + 1] as number;
    if (from === to) return '';
    const s = this.text.slice(from, to);
    const first = this.text.charCodeAt(from);
    const last = this.text.charCodeAt(to - 1);
    return first > 32 && first < 127 && last > 32 && last < 127 ? s : s.trim();
  }

  /** Where element n starts in the text (its end when it is absent). */
  from(n: number): number {
    return n < this.count ? (this.bounds[2 * n] as number) : 0;
  }

  /** Where element n ends in the text. */
  to(n: number): number {
    return n < this.count ? (this.bounds[2 * n + 1] as number) : 0;
  }

  /** Length of element n; 0 when absent. */
  len(n: number): number {
    return n < this.count ? (this.bounds[2 * n + 1] as number) - (this.bounds[2 * n] as number) : 0;
  }

  /**
   * Element n as `qualifierKey` gives it when it is 1-3 characters below 256; -1 otherwise (no key
   * qualifierKey makes for such text can equal -1, and none of the reader's qualifiers is such text).
   */
  qualifier(n: number): number {
    if (n >= this.count) return -1;
    const from = this.bounds[2 * n] as number;
    const len = (this.bounds[2 * n + 1] as number) - from;
    if (len < 1 || len > 3) return -1;
    const text = this.text;
    const a = text.charCodeAt(from);
    const b = len > 1 ? text.charCodeAt(from + 1) : 0;
    const c = len > 2 ? text.charCodeAt(from + 2) : 0;
    if ((a | b | c) > 255) return -1;
    return len * 16777216 + a * 65536 + b * 256 + c;
  }

  /** Element n equals `s`, compared in place. */
  is(n: number, s: string): boolean {
    if (this.len(n) !== s.length) return false;
    const text = this.text;
    const from = this.bounds[2 * n] as number;
    for (let k = 0; k < s.length; k++) if (text.charCodeAt(from + k) !== s.charCodeAt(k)) return false;
    return true;
  }

  /**
   * The text from `from` to `to` when it is `min`..`max` upper-case letters and digits, shared with
   * every earlier read of the same code; `null` when it is anything else (the caller decides).
   */
  code(from: number, to: number, min: number, max: number): string | null {
    const n = to - from;
    if (n < min || n > max || n > 10) return null;
    const text = this.text;
    let key = 0;
    for (let k = from; k < to; k++) {
      const d = codeDigit(text.charCodeAt(k));
      if (d === 0) return null;
      key = key * 37 + d;
    }
    const slot = key & 1023;
    if (RECENT_KEYS[slot] === key) return RECENT_CODES[slot] as string;
    let code = CODES.get(key);
    if (code === undefined) {
      code = text.slice(from, to);
      CODES.set(key, code);
    }
    RECENT_KEYS[slot] = key;
    RECENT_CODES[slot] = code;
    return code;
  }
}

function isUpperOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}
