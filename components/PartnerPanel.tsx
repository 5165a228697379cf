import { useState } from 'preact/hooks';
import type { Pair, PartnerSummary } from '@/utils/core/partners/types';
import { STATUS_LABEL, formatStreak, formatWhen } from '@/utils/core/format';
import { aheadLines, isCurrent, partnerStreak } from '@/utils/core/partners/partner';
import { LOCAL_ONLY, usePullOnOpen, type PartnerActions, type PartnersView } from './partners-data';
import { GrantRepair } from './GrantRepair';
import { ApproveEasing } from './ApproveEasing';
import { PartnerMessages } from './PartnerMessages';
import { useTalk, type Talk } from './talk-data';
import { formatDate } from '@/utils/core/i18n';
import { tr } from '@/utils/core/i18n';

/** The popup's partner section: each partner's shared commitments with today's status and streak. */
export function PartnerPanel({ view, actions }: { view: PartnersView; actions: PartnerActions }) {
  usePullOnOpen(view, actions);
  const talk = useTalk();
  if (!view.available) return <footer class="hint local-only" data-testid="partner-off">{LOCAL_ONLY()}</footer>;
  const { live, now } = view;
  const ended = view.pairs.filter((p) => p.ended?.by === 'partner');
  return (
    <section class="partners" aria-label={tr('partner_panel_partners')} data-testid="partners">
      {ended.map((p) => (
        <p class="hint" key={p.id} data-testid="pair-ended">{tr('partner_panel_ended_your_partnership', { partnerName: p.partnerName })}</p>
      ))}
      {live.length === 0 && (
        <p class="hint">
          {tr('partner_panel_keep_commitments_with_a_partner')}{' '}<button class="link" onClick={() => actions.openOptions()}>{tr('partner_panel_pair_up')}</button>.
        </p>
      )}
      {live.map((p) => (
        <PartnerSummaryView key={p.id} pair={p} summary={view.summaries.get(p.id)} now={now} actions={actions} talk={talk} />
      ))}
      {live.length > 0 && <RefreshPartners lastPullAt={view.state.lastPullAt} actions={actions} />}
    </section>
  );
}

/** Partners are read when a page opens (at most every 2 minutes) and every half hour; this reads them now. */
function RefreshPartners({ lastPullAt, actions }: { lastPullAt?: number; actions: PartnerActions }) {
  const [note, setNote] = useState<string | null>(null);
  const refresh = async () => {
    setNote(tr('partner_panel_checking'));
    const r = await actions.refresh('manual');
    setNote(!r.ok ? r.error : r.value.offline ? tr('partner_panel_you_seem_to_be_offline_tandem') : null);
  };
  return (
    <p class="hint">
      {lastPullAt && tr('partner_panel_updated', { value: formatDate(lastPullAt, { hour: 'numeric', minute: '2-digit' }) }) + ' '}
      <button class="link" data-testid="partner-refresh" onClick={() => void refresh()}>{tr('partner_panel_refresh')}</button>
      {note && <span role="status"> {note}</span>}
    </p>
  );
}

function PartnerSummaryView({ pair, summary, now, actions, talk }: { pair: Pair; summary?: PartnerSummary; now: number; actions: PartnerActions; talk?: Talk }) {
  if (!summary) {
    return (
      <article class="partner" data-testid="partner">
        <h2>{pair.partnerName}</h2>
        <p class="hint">{tr('partner_panel_waiting_for_s_first_update', { partnerName: pair.partnerName })}</p>
        <PartnerMessages pair={pair} talk={talk} now={now} actions={actions} />
      </article>
    );
  }
  const s = summary.summary;
  const streak = partnerStreak(s);
  const current = isCurrent(s, now);
  return (
    <article class="partner" data-testid="partner">
      <div class="card-head">
        <h2>{s.name}</h2>
        <span class="meta" data-testid="partner-streak">{formatStreak(streak.count, streak.unit)}</span>
      </div>
      {s.commitments.length === 0 && <p class="hint">{tr('partner_panel_has_not_shared_a_commitment_with', { name: s.name })}</p>}
      {!current && s.commitments.length > 0 && (
        <p class="hint" data-testid="partner-stale">
          {tr('partner_panel_no_update_from_yet_today', { name: s.name })}{s.updatedAt !== undefined && <>{tr('partner_panel_as_of', { value: formatWhen(s.updatedAt) })}</>}:
        </p>
      )}
      <ul class="partner-list">
        {s.commitments.map((c) => (
          <li key={c.id} class={`status-${c.status}`} data-testid="partner-commitment">
            <span>{c.title}</span>
            <span class="status">{STATUS_LABEL[c.status]}</span>
            <span class="meta">{formatStreak(c.streak, c.unit)}</span>
            {aheadLines(s.name, c, s.day).map((line) => <span key={line} class="hint ahead" data-testid="partner-ahead">{line}</span>)}
            <GrantRepair pairId={pair.id} name={s.name} c={c} day={s.day} actions={actions} />
            <ApproveEasing pairId={pair.id} name={s.name} c={c} actions={actions} />
          </li>
        ))}
      </ul>
      <PartnerMessages pair={pair} talk={talk} now={now} actions={actions} />
    </article>
  );
}
