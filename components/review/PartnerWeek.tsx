import { useEffect } from 'preact/hooks';
import type { Pair, PartnerReviewRecord, PartnerSummary } from '@/utils/core/partners/types';
import type { SharedReview } from '@/utils/core/partners/shared-review';
import type { PartnerMessage } from '@/utils/core/partners/messages';
import { missedLastWeek } from '@/utils/core/partners/nudge';
import type { PartnerActions } from '../partners-data';
import { Cheers, Conversation, MessageBox, NudgeDraft } from './PartnerTalk';

const weekWords = (weekStart: string) =>
  new Date(`${weekStart}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

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
      <h2 id={`week-${pair.id}`}>{name}'s week</h2>
      {record ? <SharedWeek review={record.review} name={name} /> : <p class="hint">{name} has not shared a weekly review yet.</p>}
      {missed.map((m) => <NudgeDraft key={m.commitmentId} pairId={pair.id} missed={m} locale={locale} actions={actions} />)}
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
      <p class="meta">The week from {weekWords(review.weekStart)}.</p>
      <ul class="partner-list">
        {review.rows.map((row, i) => (
          <li key={i} data-testid="partner-review-row">
            <span>{row.title}</span>
            <span class="status">{row.done} of {row.target} {row.unit}</span>
            <span class="meta">
              {row.focusMinutes > 0 && `${row.focusMinutes} min focus · `}
              {row.turnedBack} turned back, {row.wentAnyway} went anyway · {row.streakAfter}-{row.streakUnit} streak
            </span>
          </li>
        ))}
      </ul>
      {review.plans.length > 0 && (
        <>
          <h3>{name}'s plans for this week</h3>
          <ul data-testid="partner-plans">
            {review.plans.map((p, i) => <li key={i}>{p.cue}, {p.action ? `${p.action} (“${p.title}”)` : `start “${p.title}”`}.</li>)}
          </ul>
        </>
      )}
      {r && (r.consistency || r.confidence || r.stress) && (
        <p class="meta" data-testid="partner-ratings">
          How it felt: consistency {r.consistency ?? '–'}, confidence {r.confidence ?? '–'}, stress {r.stress ?? '–'} (of 5).
        </p>
      )}
    </div>
  );
}
