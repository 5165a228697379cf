import { useEffect, useRef, useState } from 'preact/hooks';
import type { DayKey, Result } from '@/utils/core/types';
import { EMPTY_DRAFT, type ReviewDraft, type WeekReport, type WeeklyReview } from '@/utils/core/review/types';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';
type Save = (req: { weekStart: DayKey; draft: ReviewDraft; finish?: boolean; report?: WeekReport }) => Promise<Result<unknown>>;

/** How long typing may pause before the draft is kept (and at once when the page is hidden or closed). */
export const DRAFT_DELAY_MS = 400;

const draftOf = (r: WeeklyReview | undefined): ReviewDraft =>
  r ? { kept: r.kept, obstacles: r.obstacles, notes: r.notes, intentions: r.intentions, ratings: r.ratings } : EMPTY_DRAFT;

/**
 * The review being written: starts from the stored one (a draft or a finished review) of `weekStart`, and keeps
 * every change through the worker shortly after typing stops, and at once when the page is hidden (closing a tab
 * hides it first). The stored row is read again only when the week changes, so a save never overwrites typing.
 */
export function useDraft(weekStart: DayKey, stored: WeeklyReview | undefined, save: Save) {
  const [draft, setDraft] = useState<ReviewDraft>(() => draftOf(stored));
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<ReviewDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const week = useRef(weekStart);

  useEffect(() => {
    week.current = weekStart;
    pending.current = null;
    setDraft(draftOf(stored));
    setState('idle');
  }, [weekStart]);

  const flush = async () => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    setState('saving');
    const r = await save({ weekStart: week.current, draft: next });
    setState(r.ok ? 'saved' : 'failed');
    setError(r.ok ? null : r.error);
  };

  useEffect(() => {
    const hidden = () => void (document.visibilityState === 'hidden' && flush());
    document.addEventListener('visibilitychange', hidden);
    addEventListener('pagehide', hidden);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      removeEventListener('pagehide', hidden);
    };
  }, []);

  const change = (patch: Partial<ReviewDraft>) => {
    setDraft((d) => {
      const next = { ...d, ...patch };
      pending.current = next;
      return next;
    });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DRAFT_DELAY_MS);
  };

  /** Finishes the review; `fill` completes the draft first (e.g. the kept marks the page pre-set). */
  const finish = async (report: WeekReport, fill: (d: ReviewDraft) => ReviewDraft = (d) => d) => {
    clearTimeout(timer.current);
    pending.current = null;
    setState('saving');
    const full = fill(draft);
    setDraft(full);
    const r = await save({ weekStart: week.current, draft: full, finish: true, report });
    setState(r.ok ? 'saved' : 'failed');
    setError(r.ok ? null : r.error);
    return r;
  };

  return { draft, change, finish, state, error };
}
