import type { Result } from '../types';
import { fail, ok } from '../result';
import { MAX_DEPTH, MAX_FILE_BYTES } from './format';
import { tr } from '../i18n';

/** Keys that could reach an object's prototype when data is copied around: Tandem never writes them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const NOT_AN_EXPORT = (): string => tr('read_this_file_isnt_a_tandem_export');
export const CUT_OFF = (): string => tr('read_this_file_is_incomplete_it_stops');
export const TOO_DEEP = (): string => tr('read_this_file_is_nested_far_more');

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

/** Checked before a file is read at all: its size in bytes. */
export function checkFileSize(bytes: number): Result<null> {
  if (bytes === 0) return fail(tr('read_this_file_is_empty'));
  if (bytes > MAX_FILE_BYTES) {
    return fail(tr('read_this_file_is_mb_far_larger_than', { value: megabytes(bytes), value2: megabytes(MAX_FILE_BYTES) }));
  }
  return ok(null);
}

/**
 * One pass over the text before parsing: how deeply it nests, and whether it ends where it should. Deep nesting
 * is refused here, so the parser and the checks after it never recurse far; a text that ends inside a string or
 * an open bracket was cut off.
 */
function scan(text: string): Result<null> {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return fail(TOO_DEEP());
    } else if (c === 125 || c === 93) depth--;
  }
  return inString || depth > 0 ? fail(CUT_OFF()) : ok(null);
}

class PrototypeKey extends Error {}

/**
 * The text of a file as plain data: size first, then nesting, then JSON.parse (never evaluated), refusing any key
 * that could reach a prototype. Nothing here throws; every problem comes back in words.
 */
export function readBackupText(text: string): Result<unknown> {
  const size = checkFileSize(text.length);
  if (!size.ok) return size;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) return fail(tr('read_this_file_is_empty'));
  const scanned = scan(body);
  if (!scanned.ok) return scanned;
  try {
    return ok(
      JSON.parse(body, (key, value: unknown) => {
        if (PROTOTYPE_KEYS.has(key)) throw new PrototypeKey(key);
        return value;
      }),
    );
  } catch (err) {
    if (err instanceof PrototypeKey) return fail(tr('read_this_file_has_a_field_named', { message: err.message }));
    return fail(NOT_AN_EXPORT());
  }
}
