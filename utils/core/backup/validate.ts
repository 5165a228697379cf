import type { Result, Settings } from '../types';
import { dayKeyAt } from '../days';
import { fail, ok } from '../result';
import { checkCommitment } from './commitments';
import { isInstant, isObj, isWhole, nth, type Bounds, type Obj } from './fields';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_COMMITMENTS, MAX_RECORDS, PARTNER_NAME_MAX, type Backup } from './format';
import { NOT_AN_EXPORT, readBackupText } from './read';
import { checkAttempt, checkCheckIn, checkSession, checkSiteDay, type RecordCheck } from './records';
import { checkReview } from './reviews';
import { formatNumber } from '../i18n';
import { tr } from '../i18n';

const DAY_MS = 86_400_000;

/**
 * Checks parsed data as a Tandem export, all of it, before anything is changed: the first problem found, in plain
 * words, or the backup rebuilt from the fields Tandem knows (nothing else from the file is kept). `now` bounds the
 * dates a record may have.
 */
export function validateBackup(raw: unknown, now: number): Result<Backup> {
  if (!isObj(raw) || raw.format !== BACKUP_FORMAT) return fail(NOT_AN_EXPORT());
  if (!isWhole(raw.version, 1, Number.MAX_SAFE_INTEGER)) return fail(tr('validate_this_file_says_it_is_a_tandem'));
  if (raw.version > BACKUP_VERSION) return fail(tr('validate_this_file_was_made_by_a_newer'));
  const b: Bounds = { latest: now + DAY_MS, latestDay: dayKeyAt(now + 2 * DAY_MS, 'UTC', 0) };
  if (!isInstant(raw.exportedAt, b)) return fail(tr('validate_this_files_date_is_not_one'));
  const settings = checkSettings(raw.settings);
  if (!settings.ok) return settings;

  const commitments = list(raw, 'commitments', 'commitment', MAX_COMMITMENTS, (r) => checkCommitment(r, b, settings.value.dayStartMinutes), (c) => c.id);
  if (!commitments.ok) return commitments;
  const ids = new Set(commitments.value.map((c) => c.id));
  const records = <T>(field: string, what: string, check: RecordCheck<T>, key: (t: T) => string) =>
    list(raw, field, what, MAX_RECORDS, (r) => check(r, b, ids), key);
  const sessions = records('sessions', tr('validate_focus_session'), checkSession, (s) => s.id);
  if (!sessions.ok) return sessions;
  const checkIns = records('checkIns', 'check-in', checkCheckIn, (c) => c.id);
  if (!checkIns.ok) return checkIns;
  const attempts = records('attempts', tr('validate_block_page_visit'), checkAttempt, (a) => a.id);
  if (!attempts.ok) return attempts;
  const siteDays = records('siteDays', tr('validate_day_of_time_on_work_sites'), checkSiteDay, (d) => `${d.site}\n${d.day}`);
  if (!siteDays.ok) return siteDays;
  // Format 1 files (before the weekly check-in) have no reviews.
  const reviews = raw.version < 2 && raw.reviews === undefined ? ok([]) : records('reviews', tr('validate_weekly_review'), checkReview, (r) => r.weekStart);
  if (!reviews.ok) return reviews;
  const partners = checkPartners(raw.partners, b);
  if (!partners.ok) return partners;

  return ok({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: raw.exportedAt,
    settings: settings.value,
    commitments: commitments.value,
    sessions: sessions.value,
    checkIns: checkIns.value,
    attempts: attempts.value,
    siteDays: siteDays.value,
    reviews: reviews.value,
    partners: partners.value,
  });
}

/**
 * A file's text, read safely (utils/core/backup/read.ts) and checked as an export that can be imported: one with
 * no commitment (exported from an empty Tandem) would only empty this one, so it is refused too.
 */
export function parseBackup(text: string, now: number): Result<Backup> {
  const data = readBackupText(text);
  const backup = data.ok ? validateBackup(data.value, now) : data;
  if (backup.ok && backup.value.commitments.length === 0) return fail(tr('validate_this_file_holds_no_commitments'));
  return backup;
}

/** One list of the file: present, not too long, each item valid, no item twice. */
function list<T>(raw: Obj, field: string, what: string, max: number, check: (r: unknown) => Result<T>, key: (t: T) => string): Result<T[]> {
  const items = raw[field];
  if (!Array.isArray(items)) return fail(tr('validate_this_file_has_no_list_of_s_so_it', { what }));
  if (items.length > max) return fail(tr('validate_this_file_lists_s_more_than', { value: formatNumber(items.length), what, value2: formatNumber(max) }));
  const seen = new Set<string>();
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = check(items[i]);
    // Said only for a problem: a file of 5 years has tens of thousands of items.
    const where = () => nth(what[0]!.toUpperCase() + what.slice(1), i, items.length);
    // A check may end its phrase with the form's own sentence (and its full stop): one full stop at the end.
    if (!r.ok) return fail(tr('validate_in_this_file', { where: where(), value: r.error.replace(/\.$/, '') }));
    const k = key(r.value);
    if (seen.has(k)) return fail(tr('validate_in_this_file_appears_twice_the', { where: where(), what }));
    seen.add(k);
    out.push(r.value);
  }
  return ok(out);
}

function checkSettings(raw: unknown): Result<Settings> {
  if (!isObj(raw) || !isWhole(raw.dayStartMinutes, 0, 24 * 60 - 1)) return fail(tr('validate_this_files_settings_have_no_day'));
  if (raw.weekStartsOn !== undefined && !isWhole(raw.weekStartsOn, 0, 6)) return fail(tr('validate_this_files_settings_have_a_first'));
  const s: Settings = { dayStartMinutes: raw.dayStartMinutes };
  if (raw.weekStartsOn !== undefined) s.weekStartsOn = raw.weekStartsOn as Settings['weekStartsOn'];
  return ok(s);
}

function checkPartners(raw: unknown, b: Bounds): Result<Backup['partners']> {
  if (raw === undefined) return ok([]);
  if (!Array.isArray(raw) || raw.length > 100) return fail(tr('validate_this_files_list_of_partners_isnt'));
  const out: Backup['partners'] = [];
  for (const p of raw) {
    if (!isObj(p) || typeof p.name !== 'string' || p.name.length > PARTNER_NAME_MAX || !isInstant(p.since, b)) {
      return fail(tr('validate_this_files_list_of_partners_isnt'));
    }
    out.push({ name: p.name, since: p.since });
  }
  return ok(out);
}
