/**
 * What renders as nothing: whitespace (the ideographic space U+3000 included), controls, format characters
 * (zero-width space U+200B, joiners, word joiner U+2060, byte-order mark U+FEFF, bidi marks) and the other
 * default-ignorable code points (Hangul fillers, variation selectors), plus the blank braille pattern U+2800.
 */
const INVISIBLE = '[\\p{White_Space}\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}\\u2800]';
const INVISIBLE_EDGES = new RegExp(`^${INVISIBLE}+|${INVISIBLE}+$`, 'gu');

/**
 * A required text as stored and checked: invisible characters taken off both ends, so a reason of "\u200b" is
 * the empty string it looks like. Every "required" check on free text goes through this (reasons, names).
 */
export const meaningfulText = (text: string): string => text.replace(INVISIBLE_EDGES, '');
