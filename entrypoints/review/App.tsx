import { useMemo, useState } from 'preact/hooks';
import type { DayKey } from '@/utils/core/types';
import { addDays } from '@/utils/core/days';
import { attempt, send } from '@/utils/messages';
import { completionByWeek, weekReport } from '@/utils/core/review/report';
import { finishProblem, presetKept } from '@/utils/core/review/intentions';
import { chooseWeek, editProblem } from '@/utils/core/review/weeks';
import { weekStartOf } from '@/utils/core/streak-engine';
import { dayOf } from '@/utils/core/days';
import { useAfterFirstPaint, useReadyMark } from '@/components/hooks';
import { useReviewData, type ReviewData } from '@/components/review/review-data';
import { useDraft } from '@/components/review/use-draft';
import { WeekReportView } from '@/components/review/WeekReportView';
import { LastPlans } from '@/components/review/LastPlans';
import { ObstaclesField } from '@/components/review/ObstaclesField';
import { PlansEditor } from '@/components/review/PlansEditor';
import { RatingsField } from '@/components/review/RatingsField';
import { ReviewChart } from '@/components/review/ReviewChart';
import { CallInvite } from '@/components/review/CallInvite';
import { ReminderSettings } from '@/components/ReminderSettings';
import { Celebrations } from '@/components/Celebrations';
import { Recalibration } from '@/components/Recalibration';
import { PartnersOnReview } from '@/components/review/PartnersOnReview';
import { partnerActions } from '@/components/partner-actions';
import { formatDay } from '@/utils/core/i18n';
import { tr, uiLocale } from '@/utils/core/i18n';

/** Weeks in the chart (12 and more, as the issue asks; as far back as the pages judge days). */
const CHART_WEEKS = 16;

const weekWords = (weekStart: DayKey) =>
  formatDay(weekStart, { weekday: 'long', day: 'numeric', month: 'long' });

/** The weekly check-in: last week's report, obstacles and strategies, plans for the coming week, and how it felt. */
export function ReviewApp() {
  const data = useReviewData();
  useReadyMark('tandem:review-ready', data !== undefined);
  if (!data) {
    return (
      <main class="page review" aria-busy="true">
        <h1>{tr('review_weekly_review')}</h1>
      </main>
    );
  }
  return <ReviewPage data={data} />;
}

function ReviewPage({ data }: { data: ReviewData }) {
  const { clock, input, reviews } = data;
  // The week is chosen when the page opens and stays while the person writes (finishing last week's review must not
  // move the page to this week under them).
  const [weekStart, setWeekStart] = useState(() => chooseWeek(reviews, clock).weekStart);
  const thisWeek = weekStartOf(dayOf(clock.now, clock), clock.weekStartsOn ?? 1);
  const lastWeek = addDays(thisWeek, -7);
  const other = weekStart === thisWeek ? (editProblem(lastWeek, reviews.get(lastWeek), clock) === null ? lastWeek : null) : thisWeek;
  const report = useMemo(() => weekReport(input, weekStart, clock), [input, weekStart]);
  const stored = reviews.get(weekStart);
  const problem = editProblem(weekStart, stored, clock);
  const { draft, change, finish, state, error } = useDraft(weekStart, stored, (req) => attempt(send('review.save', req)));
  const [finishError, setFinishError] = useState<string | null>(null);
  const [recalibrateError, setRecalibrateError] = useState<string | null>(null);
  const before = reviews.get(addDays(weekStart, -7));
  const lastPlans = before?.status === 'done' ? before.intentions : [];
  // The first paint with data shows the week's report; the rest of the form and the chart follow right after it.
  const later = useAfterFirstPaint();
  const chart = useMemo(() => {
    if (!later) return [];
    const weeks = Array.from({ length: CHART_WEEKS }, (_, i) => addDays(weekStart, -7 * (CHART_WEEKS - 1 - i)));
    const rates = completionByWeek(input, weeks, clock);
    return weeks.map((w, i) => ({ weekStart: w, completion: rates[i]!, ratings: w === weekStart ? draft.ratings : reviews.get(w)?.ratings ?? {} }));
  }, [input, weekStart, reviews, draft.ratings, later]);
  const disabled = problem !== null;
  const done = stored?.status === 'done';

  const onFinish = async () => {
    const missing = finishProblem(draft);
    if (missing) return setFinishError(missing);
    // Last week's plans the person left as the page pre-set them are kept as shown.
    const r = await finish(report, (d) => ({ ...d, kept: { ...presetKept(lastPlans, report), ...d.kept } }));
    setFinishError(r.ok ? null : r.error);
  };

  return (
    <main class="page review">
      <p class="eyebrow">{tr('review_tandem_weekly_check_in')}</p>
      <h1>{tr('review_your_week_from', { value: weekWords(weekStart) })}</h1>
      <p class="meta" data-testid="review-week">
        {weekStart < thisWeek ? tr('review_last_week_a_late_review_is_fine') : tr('review_this_week')}{' '}
        {done ? tr('review_finished_you_can_change_it_until') : tr('review_kept_as_you_type')}{' '}
        {other && (
          <button class="link" data-testid="other-week" onClick={() => setWeekStart(other)}>
            {other < weekStart ? tr('review_review_last_week_instead') : tr('review_review_this_week_instead')}
          </button>
        )}
      </p>
      {problem && <p class="hint" role="status">{problem}</p>}
      <Celebrations streaks={report.commitments.map((c) => ({ commitmentId: c.commitmentId, title: c.title, current: c.streakAfter, unit: c.streakUnit }))} />

      <section class="card" aria-labelledby="report-title">
        <h2 id="report-title">{tr('review_how_the_week_went')}</h2>
        <WeekReportView report={report} />
      </section>

      {data.recalibrations.length > 0 && (
        <section class="card" aria-labelledby="recalibrate-title" data-testid="review-recalibrations">
          <h2 id="recalibrate-title">{tr('review_commitments_to_look_at_again')}</h2>
          {data.recalibrations.map((v) => (
            <Recalibration key={v.commitment.id} view={v} recalibrate={async (id, choice, note) => {
              const r = await attempt(send('commitment.recalibrate', { id, choice, note }));
              setRecalibrateError(r.ok ? null : r.error);
            }} />
          ))}
          {recalibrateError && <p class="error" role="alert">{recalibrateError}</p>}
        </section>
      )}

      {later && <>
      <section class="card" aria-labelledby="last-plans-title">
        <h2 id="last-plans-title">{tr('review_the_plans_you_made_for_this_week')}</h2>
        <LastPlans plans={lastPlans} kept={draft.kept} report={report} commitments={input.commitments} disabled={disabled} onChange={(kept) => change({ kept })} />
      </section>

      <section class="card" aria-labelledby="obstacles-title">
        <h2 id="obstacles-title">{tr('review_what_got_in_the_way_and_what_to')}</h2>
        <ObstaclesField picked={draft.obstacles} notes={draft.notes} disabled={disabled} onChange={change} />
      </section>

      <section class="card" aria-labelledby="plans-title">
        <h2 id="plans-title">{tr('review_plans_for_the_coming_week')}</h2>
        <p class="hint">{tr('review_one_to_three_if_then_plans_they')}</p>
        <PlansEditor plans={draft.intentions} commitments={input.commitments} disabled={disabled} newId={() => crypto.randomUUID()} onChange={(intentions) => change({ intentions })} />
      </section>

      <section class="card" aria-labelledby="ratings-title">
        <h2 id="ratings-title">{tr('review_how_it_felt')}</h2>
        <RatingsField ratings={draft.ratings} disabled={disabled} onChange={(ratings) => change({ ratings })} />
      </section>

      <div class="actions finish">
        {!disabled && (
          <button class="primary" data-testid="finish-review" disabled={state === 'saving'} onClick={() => void onFinish()}>
            {done ? tr('review_save_changes') : tr('review_finish_the_review')}
          </button>
        )}
        <span role="status" data-testid="draft-state" class="hint">
          {state === 'saving' ? tr('review_saving') : state === 'saved' ? (done ? tr('review_saved') : tr('review_draft_saved')) : ''}
        </span>
      </div>
      {(finishError ?? error) && <p class="error" role="alert" data-testid="review-error">{finishError ?? error}</p>}

      <PartnersOnReview actions={partnerActions} locale={uiLocale()} />

      <section class="card" aria-labelledby="chart-title">
        <h2 id="chart-title">{tr('review_over_the_weeks')}</h2>
        <ReviewChart weeks={chart} />
      </section>

      <section class="card" aria-labelledby="call-title">
        <h2 id="call-title">{tr('review_your_check_in_call')}</h2>
        <CallInvite partnerName={data.pairs[0]?.partnerName} timeZone={clock.timeZone} now={clock.now} />
      </section>
      <ReminderSettings />
      </>}
    </main>
  );
}
