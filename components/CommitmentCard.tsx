import type { CommitmentView } from '@/utils/core/today';
import { describeRequirement, perWeekOf } from '@/utils/core/requirements';
import { formatProgress, formatStreak, STATUS_LABEL } from '@/utils/core/format';
import { windowHint } from '@/utils/core/status-words';
import type { FocusActions } from './FocusControls';
import { NextStep, showsNextStep } from './NextStep';
import type { HabitActions } from './HabitControls';
import { Heatmap } from './Heatmap';

export interface CheckInActions extends FocusActions, HabitActions {}

/**
 * One commitment in the daily check-in: status today, progress, the next action, and its streak; its calendar
 * when `calendar` is set (the page leaves calendars out of its first paint, see useTodayViews).
 */
export function CommitmentCard({ view, now, actions, calendar }: { view: CommitmentView; now: number; actions: CheckInActions; calendar: boolean }) {
  const { commitment: c, today, streak } = view;
  const { progress } = today;
  const hint = windowHint(today, now);
  return (
    <article class={`card status-${today.status}`} data-testid="commitment" data-status={today.status}>
      <header class="card-head">
        <h2>{c.title}</h2>
        <span class="status" data-testid="status">{STATUS_LABEL[today.status]}</span>
      </header>
      <p class="meta">
        <span data-testid="progress">{formatProgress(progress, perWeekOf(c.requirement) === undefined ? 'day' : 'week')}</span>
        {' · '}
        <span data-testid="streak">{formatStreak(streak.current, streak.unit)}</span>
        {streak.best > streak.current && <span data-testid="best-streak"> · best {streak.best}</span>}
        {streak.rate30 !== null && (
          <span data-testid="rate30"> · {Math.round(streak.rate30 * 100)}% of the last {streak.unit === 'week' ? '13 weeks' : '30 days'}</span>
        )}
      </p>
      {progress.unit === 'min' && (
        <progress max={progress.target} value={progress.value} aria-label={`${describeRequirement(c.requirement)} progress`} />
      )}
      {today.status === 'missed' && <p class="hint">The window has closed for today. Tomorrow is a fresh start.</p>}
      {today.status === 'paused' && <p class="hint">Paused for now. The streak waits for you.</p>}
      {showsNextStep(view) && <NextStep view={view} now={now} actions={actions} />}
      {hint && <p class="hint" data-testid="window-hint">{hint}</p>}
      {calendar ? <Heatmap weeks={view.heatmap} label={c.title} /> : <div class="heatmap-placeholder" />}
    </article>
  );
}
