import { DEFAULT_SETTINGS, type Commitment } from '@/utils/core/types';
import { describeEasing, describePause, formatDay } from '@/utils/core/easing-words';
import type { CommitmentView } from '@/utils/core/today';
import { pauseAheadOf } from '@/utils/core/easing-plan';
import { dayOf } from '@/utils/core/days';
import { settingsItem } from '@/utils/settings';
import { clockOf } from '@/utils/clock-of';
import { useNow, useStored } from './hooks';
import { Recalibration, type Recalibrate } from './Recalibration';
import { describePledge } from '@/utils/core/pledge';
import { tr } from '@/utils/core/i18n';

export interface PendingActions {
  /** Drops the easing waiting (it never applies). */
  cancelEasing(id: string): void;
  /** Ends the pause at once; a planned one is dropped. */
  endPause(id: string): void;
  /** Answers a recalibration (recommit, make it fit, pause) with a note. */
  recalibrate?: Recalibrate;
  /** The person kept the pledge of that week. */
  keepPledge?(id: string, weekStart: string): void;
}

/**
 * What is coming for one commitment: an easing waiting for its day, a pause planned or running, each with its date
 * and a button to take it back (that is never easier, so it applies at once). Nothing when nothing is coming.
 */
export function PendingChange({ c, actions, name }: { c: Commitment; actions: PendingActions; name?: boolean }) {
  const settings = useStored(settingsItem) ?? DEFAULT_SETTINGS;
  const now = useNow(60_000);
  const today = dayOf(now, clockOf(settings, now));
  const pause = pauseAheadOf(c, today);
  if (!c.pending && !pause) return null;
  const title = name ? `${c.title}: ` : '';
  return (
    <div class="pending" data-testid="pending">
      {c.pending && (
        <p class="hint">
          <span data-testid="pending-easing">{title}{describeEasing(c, c.pending, settings.dayStartMinutes)}.</span>{' '}
          <button class="link" data-testid="cancel-easing" onClick={() => actions.cancelEasing(c.id)}>{tr('pending_change_keep_it_as_it_is')}</button>
        </p>
      )}
      {pause && (
        <p class="hint">
          <span data-testid="pause-note">{title}{describePause(pause, today)}.</span>{' '}
          <button class="link" data-testid="end-pause" onClick={() => actions.endPause(c.id)}>{pause.from > today ? tr('pending_change_cancel_the_pause') : tr('pending_change_end_the_pause_now')}</button>
        </p>
      )}
    </div>
  );
}

/** Every commitment's coming changes and open make-ups, for the popup: one line there. */
export function PendingChanges({ views, actions }: { views: CommitmentView[]; actions: PendingActions }) {
  return (
    <section class="pending-list" aria-label={tr('pending_change_coming_changes')}>
      {views.map((v) => <PendingChange key={v.commitment.id} c={v.commitment} actions={actions} name />)}
      {actions.recalibrate && views.filter((v) => v.recalibrate).map((v) => <Recalibration key={`recalibrate-${v.commitment.id}`} view={v} recalibrate={actions.recalibrate!} />)}
      {actions.keepPledge && views.filter((v) => v.pledgeDue && v.commitment.pledge).map((v) => (
        <p class="hint" key={`pledge-${v.commitment.id}`} data-testid="pledge-due">
          {tr('pending_change_days_missed_in_the_week_of_your', { title: v.commitment.title, missed: v.pledgeDue!.missed, value: formatDay(v.pledgeDue!.weekStart), value2: describePledge(v.commitment.pledge!) })}<button class="link" data-testid="pledge-kept" onClick={() => actions.keepPledge!(v.commitment.id, v.pledgeDue!.weekStart)}>{tr('pending_change_i_kept_it')}</button>
        </p>
      ))}
      {views.filter((v) => v.makeUp).map((v) => (
        <p class="hint" key={`make-up-${v.commitment.id}`} data-testid="make-up">
          {tr('pending_change_was_missed_doing_it_twice_over', { title: v.commitment.title, value: formatDay(v.makeUp!) })}</p>
      ))}
    </section>
  );
}
