import type { WeekReport } from '@/utils/core/review/types';

const streak = (n: number, unit: 'day' | 'week') => (n === 0 ? 'none' : `${n} ${unit}${n === 1 ? '' : 's'}`);

/** The week from the records: each commitment's done vs target, focus, the block page and the streak's change. */
export function WeekReportView({ report }: { report: WeekReport }) {
  if (report.commitments.length === 0) return <p class="hint">No commitments yet: the report fills in from them.</p>;
  return (
    <div class="report" data-testid="week-report">
      <p class="lead" data-testid="completion">
        {report.completion === null ? 'Nothing was due this week.' : `${Math.round(report.completion * 100)}% of what you set out to do.`}
        {report.hours !== 168 && <span class="hint"> (The clocks changed: this week had {report.hours} hours.)</span>}
      </p>
      <table>
        <caption class="visually-hidden">Each commitment this week</caption>
        <thead>
          <tr><th scope="col">Commitment</th><th scope="col">Done</th><th scope="col">Focus</th><th scope="col">Block page</th><th scope="col">Streak</th></tr>
        </thead>
        <tbody>
          {report.commitments.map((c) => (
            <tr key={c.commitmentId} data-testid="report-row">
              <th scope="row">{c.title}</th>
              <td data-testid="report-done">{c.unit === 'days' ? `${c.done} of ${c.target} days` : `${c.done} of ${c.target} times`}</td>
              <td>{c.focusMinutes ? `${c.focusMinutes} min` : '—'}</td>
              <td>{c.turnedBack + c.wentAnyway === 0 ? '—' : `${c.turnedBack} turned back, ${c.wentAnyway} went anyway`}</td>
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
