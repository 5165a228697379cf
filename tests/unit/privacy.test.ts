/**
 * PRIVACY.md against the sync allowlist (utils/core/partners/summary.ts: SUMMARY_KEYS, SHARED_KEYS — the only
 * fields that ever leave the device): its table of what a partner receives has exactly one row per field, each
 * explained in words, and the page names no field in code that is not in the allowlist. A field added to the
 * summary without a line in PRIVACY.md fails here, and so does PRIVACY.md promising a field that is not sent.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_KEYS, SUMMARY_KEYS } from '@/utils/core/partners/summary';
import { PLAN_KEYS, REVIEW_KEYS, REVIEW_ROW_KEYS } from '@/utils/core/partners/shared-review';
import { MESSAGE_KEYS } from '@/utils/core/partners/messages';
import { ROOT } from '../support/source';

const ALLOWLIST: readonly string[] = [...SUMMARY_KEYS, ...SHARED_KEYS];
/** The weekly review and messages (issue 10) have their own section and tables, checked the same way. */
const TALK_ALLOWLIST: readonly string[] = [...new Set([...REVIEW_KEYS, ...REVIEW_ROW_KEYS, ...PLAN_KEYS, ...MESSAGE_KEYS])];
const TALK_HEADING = '## What your weekly review and messages share';
const WHOLE = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');
const talkStart = WHOLE.indexOf(TALK_HEADING);
const talkEnd = WHOLE.indexOf('\n## ', talkStart + 1);
const TALK = WHOLE.slice(talkStart, talkEnd);
/** The page without that section: the summary's allowlist. */
const PRIVACY = WHOLE.slice(0, talkStart) + WHOLE.slice(talkEnd);

/** The table's rows: `| \`key\` | what it is |`. */
function tableRows(text: string): { key: string; words: string }[] {
  return [...text.matchAll(/^\|\s*`([^`]+)`\s*\|([^|\n]*)\|\s*$/gm)].map((m) => ({ key: m[1]!, words: m[2]!.trim() }));
}

/** Everything PRIVACY.md gets wrong about the allowlist, in words; empty when it tells it exactly. */
function privacyProblems(text: string, allowlist: readonly string[] = ALLOWLIST): string[] {
  const problems: string[] = [];
  const rows = tableRows(text);
  const keys = rows.map((r) => r.key);
  for (const key of allowlist) {
    const n = keys.filter((k) => k === key).length;
    if (n === 0) problems.push(`the field \`${key}\` is sent but PRIVACY.md's table does not describe it`);
    if (n > 1) problems.push(`the field \`${key}\` has ${n} rows in the table`);
  }
  for (const r of rows) {
    if (r.words.split(/\s+/).filter(Boolean).length < 4) problems.push(`the row for \`${r.key}\` does not say in words what it is`);
  }
  // Any name in code anywhere on the page must be a field that is sent (the page uses code only for field names).
  for (const [, span] of text.matchAll(/`([^`\n]+)`/g)) {
    if (!allowlist.includes(span!)) problems.push(`PRIVACY.md names \`${span}\`, which is not in the sync allowlist`);
  }
  return [...new Set(problems)];
}

describe('PRIVACY.md tells exactly what is sent to a partner', () => {
  it('describes every field of the sync allowlist once, and names no other', () => {
    expect(privacyProblems(PRIVACY)).toEqual([]);
    expect(tableRows(PRIVACY).map((r) => r.key).sort()).toEqual([...ALLOWLIST].sort());
  });

  it('fails when a sent field is missing from the page', () => {
    const without = PRIVACY.replace(/^\| `turnedBack` \|.*\n/m, '');
    expect(without).not.toBe(PRIVACY);
    expect(privacyProblems(without)).toEqual(['the field `turnedBack` is sent but PRIVACY.md\'s table does not describe it']);
    // A field the code starts sending without a line in PRIVACY.md:
    expect(privacyProblems(PRIVACY, [...ALLOWLIST, 'sites'])).toEqual(['the field `sites` is sent but PRIVACY.md\'s table does not describe it']);
  });

  it('fails when the page names a field that is not sent', () => {
    const extra = PRIVACY.replace('| `title` |', '| `why` | Your reason, in your words. |\n| `title` |');
    expect(privacyProblems(extra)).toEqual(['PRIVACY.md names `why`, which is not in the sync allowlist']);
    expect(privacyProblems(`${PRIVACY}\nWe also send \`url\`.\n`)).toEqual(['PRIVACY.md names `url`, which is not in the sync allowlist']);
  });

  it('fails when a row does not explain its field, or a field has two rows', () => {
    expect(privacyProblems(PRIVACY.replace(/^\| `rev` \|.*$/m, '| `rev` | rev |'))).toEqual(['the row for `rev` does not say in words what it is']);
    expect(privacyProblems(PRIVACY.replace('| `name` |', '| `days` | Eight weeks of days again. |\n| `name` |'))).toEqual(['the field `days` has 2 rows in the table']);
  });

  it('describes every field of a shared weekly review and of a message once, in their own section, and names no other', () => {
    expect(talkStart).toBeGreaterThan(0);
    expect(privacyProblems(TALK, TALK_ALLOWLIST)).toEqual([]);
    expect(tableRows(TALK).map((r) => r.key).sort()).toEqual([...TALK_ALLOWLIST].sort());
    // A field the review starts sending without a line here fails, as one of the summary's does.
    expect(privacyProblems(TALK, [...TALK_ALLOWLIST, 'notes'])).toEqual(['the field `notes` is sent but PRIVACY.md\'s table does not describe it']);
  });

  it('says where it goes, what never leaves, and how to delete it', () => {
    for (const words of ['Google Cloud Firestore', 'anonymous sign-in', 'never leave', 'End partnership', 'Remove Tandem from your browser']) {
      expect(PRIVACY.replace(/\s+/g, ' ')).toContain(words);
    }
  });
});
