import { useEffect } from 'preact/hooks';
import type { Pair, PartnerReviewRecord, PartnerSummary } from '@/utils/core/partners/types';
import type { SharedReview } from '@/utils/core/partners/shared-review';
import type { PartnerMessage } from '@/utils/core/partners/messages';
import { missedLastWeek } from '@/utils/core/partners/nudge';
import type { PartnerActions } from '../partners-data';
import { Cheers, Conversation, MessageBox, NudgeDraft } from './PartnerTalk';
import { formatDay, formatNumber, tr } from '@/utils/core/i18n';
import { formatStreak } from '@/utils/core/format';

const weekWords = (weekStart: string) => formatDay(weekStart, { weekday: 'long', day: 'numeric', month: 'long' });

/**
 * On the review page, for each partner (issue 10): their week as they shared it ("Ana's week"), a drafted nudge when
 * a shared commitment of theirs was missed on two or more days, one-click cheers, a short message, and the last 8
 * weeks of messages between the two.
 */
export function PartnerWeek({ pair, summary, record, messages, now, locale, actions }: {
  pair: Pair;
  summary: PartnerSummary | undefined;
  record: PartnerReviewRecord | undefined;
  messages: PartnerMessage[];
  now: number;
  locale: string | undefined;
  actions: PartnerActions;
}) {
  const name = summary?.summary.name ?? pair.partnerName;
  const at = record ? (record.review.at ?? record.fetchedAt) : undefined;
  // Opening the page reads it: the popup stops saying it waits.
  useEffect(() => {
    if (record && record.readAt !== at) void actions.reviewRead?.(pair.id);
  }, [pair.id, at]);
  const missed = summary ? missedLastWeek(summary.summary) : [];
  return (
    <section class="card partner-week" aria-labelledby={`week-${pair.id}`} data-testid="partner-week">
      <h2 id={`week-${pair.id}`}>{tr('partner_week_title', { name })}</h2>
      {record ? <SharedWeek review={record.review} name={name} /> : <p class="hint">{tr('partner_week_none_yet', { name })}</p>}
      {missed.map((m) => <NudgeDraft key={m.commitmentId} pairId={pair.id} name={name} missed={m} locale={locale} actions={actions} />)}
      <Cheers pairId={pair.id} name={name} actions={actions} />
      <MessageBox pairId={pair.id} name={name} actions={actions} />
      <Conversation pair={pair} name={name} messages={messages} now={now} actions={actions} />
    </section>
  );
}

function SharedWeek({ review, name }: { review: SharedReview; name: string }) {
  const r = review.ratings;
  return (
    <div data-testid="partner-review">
      <p class="meta">{tr('partner_week_from', { date: weekWords(review.weekStart) })}</p>
      <ul class="partner-list">
        {review.rows.map((row, i) => (
          <li key={i} data-testid="partner-review-row">
            <span>{row.title}</span>
            <span class="status">
              {row.unit === 'times'
                ? tr('partner_week_done_of_times', { done: formatNumber(row.done), target: formatNumber(row.target) })
                : tr('partner_week_done_of_days', { done: formatNumber(row.done), target: formatNumber(row.target) })}
            </span>
            <span class="meta">
              {[
                ...(row.focusMinutes > 0 ? [tr('partner_week_focus', { n: formatNumber(row.focusMinutes) })] : []),
                tr('partner_week_arrivals', { back: formatNumber(row.turnedBack), anyway: formatNumber(row.wentAnyway) }),
                formatStreak(row.streakAfter, row.streakUnit),
              ].join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {review.plans.length > 0 && (
        <>
          <h3>{tr('partner_week_plans_title', { name })}</h3>
          <ul data-testid="partner-plans">
            {review.plans.map((p, i) => (
              <li key={i}>{p.action ? tr('partner_week_plan_action', { cue: p.cue, action: p.action, title: p.title }) : tr('partner_week_plan_start', { cue: p.cue, title: p.title })}</li>
            ))}
          </ul>
        </>
      )}
      {r && (r.consistency || r.confidence || r.stress) && (
        <p class="meta" data-testid="partner-ratings">
          {tr('partner_week_ratings', { consistency: r.consistency ?? '–', confidence: r.confidence ?? '–', stress: r.stress ?? '–' })}
        </p>
      )}
    </div>
  );
}
