import { useState } from 'preact/hooks';
import type { Pair } from '@/utils/core/partners/types';
import { CHEERS, MESSAGE_MAX, messageWords, visibleMessages, type PartnerMessage } from '@/utils/core/partners/messages';
import { nudgeDraft, type MissedWeek } from '@/utils/core/partners/nudge';
import { formatWhen } from '@/utils/core/format';
import type { PartnerActions } from '../partners-data';
import { tr, uiLocale } from '@/utils/core/i18n';

/** One click, from a small set. */
export function Cheers({ pairId, name, actions }: { pairId: string; name: string; actions: PartnerActions }) {
  const [note, setNote] = useState<string | null>(null);
  if (!actions.send) return null;
  const cheer = async (id: string) => {
    const r = await actions.send!(pairId, 'cheer', id);
    setNote(r.ok ? tr('partner_talk_sent_to', { name }) : r.error);
  };
  return (
    <div class="cheers" role="group" aria-label={tr('partner_talk_cheer_on', { name })}>
      {CHEERS.map((c) => (
        <button key={c.id} class="secondary" data-testid={`cheer-${c.id}`} onClick={() => void cheer(c.id)}>{c.emoji} {c.words()}</button>
      ))}
      {note && <span class="hint" role="status" data-testid="cheer-note">{note}</span>}
    </div>
  );
}

/** A message written by the person (plain text, up to 500 characters): `initial` is a drafted nudge, if any. */
function Composer({ pairId, name, initial, label, testid, onSent, actions }: {
  pairId: string; name: string; initial: string; label: string; testid: string; onSent?: () => void; actions: PartnerActions;
}) {
  const [text, setText] = useState(initial);
  const [note, setNote] = useState<string | null>(null);
  if (!actions.send) return null;
  const length = [...text.trim()].length;
  const send = async () => {
    const r = await actions.send!(pairId, 'text', text);
    setNote(r.ok ? tr('partner_talk_sent_to', { name }) : r.error);
    if (r.ok) {
      setText('');
      onSent?.();
    }
  };
  return (
    <div class="composer" data-testid={testid}>
      <label>
        {label}
        <textarea rows={3} value={text} maxLength={MESSAGE_MAX * 2} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button class="primary" disabled={length === 0 || length > MESSAGE_MAX} onClick={() => void send()}>{tr('partner_talk_send_to', { name })}</button>
        <span class={length > MESSAGE_MAX ? 'error' : 'hint'}>{length} / {MESSAGE_MAX}</span>
        {note && <span class="hint" role="status">{note}</span>}
      </div>
    </div>
  );
}

export function MessageBox({ pairId, name, actions }: { pairId: string; name: string; actions: PartnerActions }) {
  return <Composer pairId={pairId} name={name} initial="" label={tr('partner_talk_short_message_to', { name })} testid="message-box" actions={actions} />;
}

/**
 * "Observation plus question", drafted from the facts (utils/core/partners/nudge.ts): the person edits it and sends
 * it, or not. Nothing is sent without their click.
 */
export function NudgeDraft({ pairId, name, missed, locale, actions }: { pairId: string; name: string; missed: MissedWeek; locale: string | undefined; actions: PartnerActions }) {
  const [closed, setClosed] = useState(false);
  if (closed) return null;
  return (
    <div class="nudge">
      <p class="hint">{tr('partner_talk_missed_days', { title: missed.title, n: missed.days.length })}</p>
      <Composer pairId={pairId} name={name} initial={nudgeDraft(missed, locale ?? uiLocale())} label={tr('partner_talk_suggested_words')} testid="nudge-draft" onSent={() => setClosed(true)} actions={actions} />
      <button class="link" onClick={() => setClosed(true)}>{tr('partner_talk_not_now')}</button>
    </div>
  );
}

/** The last 8 weeks between the two, oldest first; one's own can be deleted (from both sides). */
export function Conversation({ pair, name, messages, now, actions }: { pair: Pair; name: string; messages: PartnerMessage[]; now: number; actions: PartnerActions }) {
  const shown = visibleMessages(messages.filter((m) => m.pairId === pair.id), now);
  if (shown.length === 0) return null;
  return (
    <ul class="messages" aria-label={tr('partner_talk_messages_with', { name })} data-testid="conversation">
      {shown.map((m) => {
        const mine = m.from !== pair.partnerUid;
        return (
          <li key={m.id} class={mine ? 'mine' : 'theirs'} data-testid="conversation-message">
            <span class="message-text">{messageWords(m)}</span>{' '}
            <span class="meta">
              {tr('partner_messages_by_at', { name: mine ? tr('partner_talk_you') : name, when: formatWhen(m.at) })}
              {m.sending && <> · {tr('partner_talk_sending')}</>}
              {m.failed && <> · {tr('partner_talk_not_sent')}</>}
            </span>
            {mine && actions.unsend && (
              <button class="link" data-testid="delete-message" onClick={() => void actions.unsend!(pair.id, m.id)}>{tr('partner_talk_delete')}</button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
