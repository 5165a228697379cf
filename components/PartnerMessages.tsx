import type { Pair } from '@/utils/core/partners/types';
import { messageWords, visibleMessages } from '@/utils/core/partners/messages';
import { formatWhen } from '@/utils/core/format';
import type { PartnerActions } from './partners-data';
import type { Talk } from './talk-data';
import { tr } from '@/utils/core/i18n';

/** How far back the popup shows a partner's cheers and messages (the review page shows all 8 weeks). */
const POPUP_DAYS = 7;
const POPUP_MAX = 3;

/**
 * In the popup, under a partner (issue 10): that their weekly review waits to be read, and their latest cheers and
 * messages. Messages are text, rendered as text (never as markup).
 */
export function PartnerMessages({ pair, talk, now, actions }: { pair: Pair; talk: Talk | undefined; now: number; actions: PartnerActions }) {
  if (!talk) return null;
  const review = talk.reviews.get(pair.id);
  const waiting = review && review.readAt !== (review.review.at ?? review.fetchedAt);
  const recent = visibleMessages(talk.messages.filter((m) => m.pairId === pair.id && m.from === pair.partnerUid), now)
    .filter((m) => now - m.at < POPUP_DAYS * 86_400_000)
    .slice(-POPUP_MAX)
    .reverse();
  if (!waiting && recent.length === 0) return null;
  return (
    <div class="partner-talk">
      {waiting && (
        <p class="hint" data-testid="partner-review-waiting">
          {tr('partner_messages_week_waiting', { name: pair.partnerName })}{' '}
          {actions.openReview && <button class="link" data-testid="read-partner-review" onClick={() => actions.openReview!()}>{tr('partner_messages_read_it')}</button>}
        </p>
      )}
      {recent.length > 0 && (
        <ul class="messages" aria-label={tr('partner_messages_from', { name: pair.partnerName })}>
          {recent.map((m) => (
            <li key={m.id} data-testid="partner-message">
              <span class="message-text">{messageWords(m)}</span> <span class="meta">{tr('partner_messages_by_at', { name: pair.partnerName, when: formatWhen(m.at) })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
