import { useState } from 'preact/hooks';
import type { CommitmentView } from '@/utils/core/today';
import { describeRequirement, perWeekOf } from '@/utils/core/requirements';
import { formatProgress, formatStreak, STATUS_LABEL } from '@/utils/core/format';
import { closingHint, startingHint } from '@/utils/core/status-words';
import type { CheckInActions } from './CommitmentCard';
import { NextStep, showsNextStep } from './NextStep';
import { Heatmap } from './Heatmap';
import { tr } from '@/utils/core/i18n';

/**
 * One commitment in the popup, compact: its title and status today, the one next action, progress and the streak.
 * The rest (progress bar, hints, best run, the share met, the calendar) opens on demand, so 8 commitments fit the popup's
 * 600 px and the first paint computes no calendar (CommitmentView.heatmap is drawn when first read).
 */
export function CommitmentRow({ view, now, actions }: { view: CommitmentView; now: number; actions: CheckInActions }) {
  const [open, setOpen] = useState(false);
  const { commitment: c, today, streak } = view;
  const detailsId = `details-${c.id}`;
  // When the next window starts (schedules): in the row, since the next step waits for it. The countdown to a
  // window's close is in the details (a ticking clock in each row would crowd 8 rows out of the first screen).
  const starts = startingHint(today, now);
  return (
    <article class={`row-item status-${today.status}`} data-testid="commitment" data-status={today.status}>
      <header class="row-head">
        <h2>{c.title}</h2>
        <span class="status" data-testid="status">{STATUS_LABEL[today.status]}</span>
        <button class="disclosure" data-testid="calendar-toggle" aria-expanded={open} aria-controls={detailsId}
          aria-label={tr('commitment_row_calendar_and_details_of', { title: c.title })} title={tr('commitment_row_calendar_and_details')} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
      </header>
      <div class="row-body">
        {showsNextStep(view) && <NextStep view={view} now={now} actions={actions} />}
        <span class="meta row-meta">
          <span data-testid="progress">{formatProgress(today.progress, perWeekOf(c.requirement) === undefined ? 'day' : 'week')}</span>
          {' · '}
          <span data-testid="streak">{formatStreak(streak.current, streak.unit)}</span>
          {starts && <>{' · '}<span data-testid="window-hint">{starts}</span></>}
        </span>
      </div>
      {open && <RowDetails id={detailsId} view={view} now={now} />}
    </article>
  );
}

/** What a row shows once opened: the best run and the share met, a progress bar, missed/paused words, and the calendar. */
function RowDetails({ id, view, now }: { id: string; view: CommitmentView; now: number }) {
  const { commitment: c, today, streak } = view;
  const closes = closingHint(today, now);
  const { progress } = today;
  return (
    <div class="row-details" id={id} data-testid="details">
      {(streak.best > streak.current || streak.rate30 !== null) && (
        <p class="meta">
          {streak.best > streak.current && <span data-testid="best-streak">{tr('commitment_row_best', { best: streak.best })}</span>}
          {streak.best > streak.current && streak.rate30 !== null && ' · '}
          {streak.rate30 !== null && (
            <span data-testid="rate30">{tr(streak.unit === 'week' ? 'commitment_row_share_of_13_weeks' : 'commitment_row_share_of_30_days', { percent: Math.round(streak.rate30 * 100) })}</span>
          )}
        </p>
      )}
      {progress.unit === 'min' && (
        <progress max={progress.target} value={progress.value} aria-label={tr('commitment_row_progress', { value: describeRequirement(c.requirement) })} />
      )}
      {today.status === 'missed' && <p class="hint">{tr('commitment_row_the_window_has_closed_for_today')}</p>}
      {today.status === 'paused' && <p class="hint">{tr('commitment_row_paused_for_now_the_streak_waits')}</p>}
      {closes && <p class="hint" data-testid="closing-hint">{closes}</p>}
      <Heatmap weeks={view.heatmap} label={c.title} />
    </div>
  );
}
