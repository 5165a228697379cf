import type { WeekReport } from '@/utils/core/review/types';
import { tr, trCount } from '@/utils/core/i18n';

const streak = (n: number, unit: 'day' | 'week') => (n === 0 ? tr('review_streak_none') : unit === 'week' ? trCount('review_streak_weeks', n) : trCount('review_streak_days', n));

/** The week from the records: each commitment's done vs target, focus, the block page and the streak's change. */
export function WeekReportView({ report }: { report: WeekReport }) {
  if (report.commitments.length === 0) return <p class="hint">{tr('review_no_commitments_yet_the_report')}</p>;
  return (
    <div class="report" data-testid="week-report">
      <p class="lead" data-testid="completion">
        {report.completion === null ? tr('review_nothing_was_due_this_week') : tr('review_of_what_you_set_out_to_do', { value: Math.round(report.completion * 100) })}
        {report.hours !== 168 && <span class="hint"> {' '}{tr('review_the_clocks_changed_this_week_had', { hours: report.hours })}</span>}
      </p>
      <table>
        <caption class="visually-hidden">{tr('review_each_commitment_this_week')}</caption>
        <thead>
          <tr><th scope="col">{tr('review_commitment')}</th><th scope="col">{tr('review_done_3')}</th><th scope="col">{tr('review_focus')}</th><th scope="col">{tr('review_block_page')}</th><th scope="col">{tr('review_streak')}</th></tr>
        </thead>
        <tbody>
          {report.commitments.map((c) => (
            <tr key={c.commitmentId} data-testid="report-row">
              <th scope="row">{c.title}</th>
              <td data-testid="report-done">{c.unit === 'days' ? tr('review_of_days', { done: c.done, target: c.target }) : tr('review_of_times', { done: c.done, target: c.target })}</td>
              <td>{c.focusMinutes ? tr('review_min', { focusMinutes: c.focusMinutes }) : '—'}</td>
              <td>{c.turnedBack + c.wentAnyway === 0 ? '—' : tr('review_turned_back_went_anyway', { turnedBack: c.turnedBack, wentAnyway: c.wentAnyway })}</td>
              <td>
                {streak(c.streakBefore, c.streakUnit)} → {streak(c.streakAfter, c.streakUnit)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
