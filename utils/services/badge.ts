import type { BadgeChoice, Clock } from '../core/types';
import { badgesNeeded, chooseBadge, ownBadge, type Badge } from '../core/badge';
import { viewToday } from '../core/today';
import { IDLE_THRESHOLD_MS, todayVisits } from '../core/visits';
import type { TandemDB } from '../db/db';
import { loadCheckIn } from '../db/queries';
import { partnerBadge } from './partners/pairs';

/** The toolbar badge as the worker sees it; utils/browser/badge.ts implements it. */
export interface BadgeEffects {
  /** The person's choice (the settings). */
  choice(): Promise<BadgeChoice>;
  /** Shows the badge (text, colour, tooltip), or clears it. */
  show(badge: Badge | null): Promise<void>;
}

/** Today's statuses as the popup shows them, as the badge of the person's own progress. */
export async function ownBadgeAt(db: TandemDB, clock: Clock): Promise<Badge> {
  const data = await loadCheckIn(db, clock.now);
  const visits = todayVisits(data.siteDays, data.tracker, clock, IDLE_THRESHOLD_MS);
  // Only today's statuses: no past days, so no streaks worth the name and no calendars are computed.
  const views = viewToday(data.commitments, data.history, clock, { caches: data.caches, past: new Map(), visits });
  return ownBadge(views.map((v) => v.today.status));
}

/**
 * Recomputes the toolbar badge from stored records, the clock and the person's choice, and shows it. The worker
 * calls it after every recompute of the gate (each write, the gate's alarm at window ends and the day's start,
 * every start of the worker) and after each partner sync step.
 */
export async function refreshBadge(db: TandemDB, clock: Clock, effects: BadgeEffects): Promise<Badge | null> {
  const choice = await effects.choice();
  const needed = badgesNeeded(choice);
  const [own, partner] = await Promise.all([
    needed.own ? ownBadgeAt(db, clock) : null,
    needed.partner ? partnerBadge(db, clock.now) : null,
  ]);
  const badge = chooseBadge(choice, { own, partner });
  await effects.show(badge);
  return badge;
}
