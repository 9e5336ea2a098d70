/**
 * Character rules (docs/security.md, "Quy tắc dữ liệu đầu vào"):
 * - ids refuse every control, format, separator and whitespace character (NUL, ESC, DEL, C1 controls,
 *   bidirectional overrides and isolates, zero-width characters, BOM, line separators, spaces) and lone
 *   surrogates;
 * - one-line text refuses control characters (C0 including tab and newline, DEL, C1), bidirectional
 *   controls, line/paragraph separators, BOM and lone surrogates;
 * - multi-line free text refuses the same except tab, line feed and carriage return.
 * Nothing is stripped: a refused value is a 400 naming the field, so what is stored is what was sent.
 */

/** Bidirectional controls: LRM, RLM, ALM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const BIDI = '\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069';
/** C0 and C1 controls and DEL. */
const CONTROLS = '\\u0000-\\u001F\\u007F-\\u009F';
const CONTROLS_BUT_TAB_LF_CR = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
/** Line and paragraph separators, byte order mark / zero-width no-break space. */
const SEPARATORS = '\\u2028\\u2029\\uFEFF';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ID_FORBIDDEN = /[\p{C}\p{Z}\s]/u;
const LINE_FORBIDDEN = new RegExp(`[${CONTROLS}${BIDI}${SEPARATORS}]`);
const TEXT_FORBIDDEN = new RegExp(`[${CONTROLS_BUT_TAB_LF_CR}${BIDI}${SEPARATORS}]`);

export type TextKind = 'id' | 'line' | 'text';

/** The first forbidden character of `value` for its kind, as `U+XXXX`, or undefined when it is clean. */
export function forbiddenCharacter(value: string, kind: TextKind): string | undefined {
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return codePoint(lone[0]);
  // \p{C} matches surrogate halves of well-formed pairs only when the regex is not in unicode mode; the
  // unicode-mode ID regex sees whole code points, so astral letters stay allowed and lone halves are above.
  const match = (kind === 'id' ? ID_FORBIDDEN : kind === 'line' ? LINE_FORBIDDEN : TEXT_FORBIDDEN).exec(value);
  return match ? codePoint(match[0]) : undefined;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
