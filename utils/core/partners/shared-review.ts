import type { Commitment, DayKey } from '../types';
import type { Rating, ReviewRatings, WeeklyReview } from '../review/types';
import { partnerShare } from '../review/partner-view';
import { describeCue } from '../review/intentions';
import { tr } from '../i18n';

/**
 * The weekly review a partner reads ("Ana's week", issue 10): built in this one place through an allowlist, like
 * the summary (summary.ts). Per pair: only the commitments shared with that pair, only the report's figures (days
 * or times done of the target, focus minutes, block-page arrivals turned back / went anyway, the streak), the
 * plans made for those commitments when the person chooses (default on), and the three ratings when the person
 * chooses (default off). Never the notes, the picked obstacles, the missed dates, a site or anything of browsing.
 */
export interface SharedWeekRow {
  title: string;
  unit: 'days' | 'times';
  done: number;
  target: number;
  focusMinutes: number;
  turnedBack: number;
  wentAnyway: number;
  streakAfter: number;
  streakUnit: 'day' | 'week';
}

/** A plan, in words: its cue ("When I open my laptop"), what the person will do, the commitment's title. */
export interface SharedPlan {
  cue: string;
  action: string;
  title: string;
}

export interface SharedReview {
  weekStart: DayKey;
  rows: SharedWeekRow[];
  plans: SharedPlan[];
  ratings: ReviewRatings | null;
  /** Read from the server only: when it stored it (ms, the server's clock). */
  at?: number;
}

/** What the person chose to send with the figures (SyncState; the review page's two boxes). */
export interface ReviewShareChoice {
  plans: boolean;
  ratings: boolean;
}
export const DEFAULT_SHARE_CHOICE: ReviewShareChoice = { plans: true, ratings: false };

/** Every field that leaves in a shared review (PRIVACY.md's table of it is checked against these). */
export const REVIEW_KEYS = ['weekStart', 'rows', 'plans', 'ratings'] as const;
export const REVIEW_ROW_KEYS = ['title', 'unit', 'done', 'target', 'focusMinutes', 'turnedBack', 'wentAnyway', 'streakAfter', 'streakUnit'] as const;
export const PLAN_KEYS = ['cue', 'action', 'title'] as const;

export const REVIEW_ROWS_MAX = 20;
export const REVIEW_PLANS_MAX = 3;
export const PLAN_CUE_MAX = 80;
export const PLAN_ACTION_MAX = 120;
export const REVIEW_TITLE_MAX = 80;

const clampInt = (n: number, max: number) => (Number.isFinite(n) ? Math.max(0, Math.min(max, Math.round(n))) : 0);
/** Free text for the wire: no '|' (the separator), trimmed, at most `max` code points. */
const plain = (s: string, max: number) => [...s.replace(/\|/g, ' ').trim()].slice(0, max).join('');

/**
 * The review a pair may read, or null when there is nothing to send (not finished, or nothing shared with them).
 * `commitments` gives each plan's title (the commitment as it is now).
 */
export function buildSharedReview(
  review: WeeklyReview,
  pairId: string,
  commitments: readonly Pick<Commitment, 'id' | 'title' | 'sharedWith' | 'archivedAt'>[],
  choice: ReviewShareChoice,
): SharedReview | null {
  const sharedIds = new Set(commitments.filter((c) => !c.archivedAt && (c.sharedWith ?? []).includes(pairId)).map((c) => c.id));
  const share = partnerShare(review, sharedIds);
  if (!share || share.commitments.length === 0) return null;
  const titles = new Map(commitments.map((c) => [c.id, c.title]));
  return {
    weekStart: share.weekStart,
    rows: share.commitments.slice(0, REVIEW_ROWS_MAX).map((c) => ({
      title: plain(c.title, REVIEW_TITLE_MAX) || tr('shared_review_commitment'),
      unit: c.unit === 'times' ? 'times' : 'days',
      done: clampInt(c.done, 999),
      target: clampInt(c.target, 999),
      focusMinutes: clampInt(c.focusMinutes, 99999),
      turnedBack: clampInt(c.turnedBack, 99999),
      wentAnyway: clampInt(c.wentAnyway, 99999),
      streakAfter: clampInt(c.streakAfter, 99999),
      streakUnit: c.streakUnit === 'week' ? 'week' : 'day',
    })),
    plans: choice.plans
      ? share.intentions.slice(0, REVIEW_PLANS_MAX).map((i) => ({
          cue: plain(describeCue(i.cue), PLAN_CUE_MAX) || tr('shared_review_when_it_is_time'),
          action: plain(i.action, PLAN_ACTION_MAX),
          title: plain(titles.get(i.commitmentId) ?? '', REVIEW_TITLE_MAX) || tr('shared_review_commitment'),
        }))
      : [],
    ratings: choice.ratings ? { ...pickRatings(share.ratings) } : null,
  };
}

const RATING_KEYS = ['consistency', 'confidence', 'stress'] as const;
const isRating = (v: unknown): v is Rating => v === 1 || v === 2 || v === 3 || v === 4 || v === 5;

function pickRatings(r: ReviewRatings): ReviewRatings {
  const out: ReviewRatings = {};
  for (const k of RATING_KEYS) if (isRating(r[k])) out[k] = r[k];
  return out;
}

/**
 * As stored in Firestore (docs/sync.md): each row and plan one string the rules check with one regex —
 * `unit|done|target|focusMinutes|turnedBack|wentAnyway|streakAfter|streakUnit|title` and `cue|action|title` — and
 * the ratings as three characters, 1–5 or '-' for none (consistency, confidence, stress), or '' when not shared.
 */
export interface WireReview {
  weekStart: string;
  rows: string[];
  plans: string[];
  ratings: string;
}

export function encodeReview(r: SharedReview): WireReview {
  return {
    weekStart: r.weekStart,
    rows: r.rows.map((w) =>
      [w.unit, w.done, w.target, w.focusMinutes, w.turnedBack, w.wentAnyway, w.streakAfter, w.streakUnit, w.title].join('|'),
    ),
    plans: r.plans.map((p) => [p.cue, p.action, p.title].join('|')),
    ratings: r.ratings ? RATING_KEYS.map((k) => String(r.ratings![k] ?? '-')).join('') : '',
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ROW = /^(days|times)\|(\d{1,3})\|(\d{1,3})\|(\d{1,5})\|(\d{1,5})\|(\d{1,5})\|(\d{1,5})\|(day|week)\|(.{1,80})$/su;
const PLAN = /^([^|]{1,80})\|([^|]{0,120})\|(.{1,80})$/su;

/** A partner's stored review, decoded and checked field by field; null if it is not one. */
export function decodeReview(data: unknown): SharedReview | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (typeof d.weekStart !== 'string' || !DAY.test(d.weekStart) || !Array.isArray(d.rows) || !Array.isArray(d.plans)) return null;
  const rows = d.rows.slice(0, REVIEW_ROWS_MAX).flatMap((line): SharedWeekRow[] => {
    const m = typeof line === 'string' ? ROW.exec(line) : null;
    if (!m) return [];
    return [{
      unit: m[1] as 'days' | 'times', done: Number(m[2]), target: Number(m[3]), focusMinutes: Number(m[4]),
      turnedBack: Number(m[5]), wentAnyway: Number(m[6]), streakAfter: Number(m[7]), streakUnit: m[8] as 'day' | 'week', title: m[9]!,
    }];
  });
  const plans = d.plans.slice(0, REVIEW_PLANS_MAX).flatMap((line): SharedPlan[] => {
    const m = typeof line === 'string' ? PLAN.exec(line) : null;
    return m ? [{ cue: m[1]!, action: m[2]!, title: m[3]! }] : [];
  });
  let ratings: ReviewRatings | null = null;
  if (typeof d.ratings === 'string' && /^[1-5-]{3}$/.test(d.ratings)) {
    ratings = {};
    RATING_KEYS.forEach((k, i) => {
      const n = Number(d.ratings && (d.ratings as string)[i]);
      if (isRating(n)) ratings![k] = n;
    });
  }
  return { weekStart: d.weekStart, rows, plans, ratings, ...(typeof d.at === 'number' && { at: d.at }) };
}

/** Whether two reviews say the same (the server's time aside): an unchanged review is not sent again. */
export function sameReview(a: SharedReview | null | undefined, b: SharedReview | null | undefined): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(encodeReview(a)) === JSON.stringify(encodeReview(b));
}
