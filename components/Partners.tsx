import { useEffect, useState } from 'preact/hooks';
import { openPage } from '@/utils/browser/pages';
import { setPartnerNotifications } from '@/utils/browser/permissions';
import { getDb } from '@/utils/db/db';
import type { Pair, PartnerSummary } from '@/utils/core/partners/types';
import { loadPartners } from '@/utils/db/queries';
import type { Commitment, Result } from '@/utils/core/types';
import { STATUS_LABEL, formatStreak, formatWhen } from '@/utils/core/format';
import { isCurrent, partnerProgressLines, partnerStreak } from '@/utils/core/partners/partner';
import { formatInviteCode } from '@/utils/core/partners/invite-code';
import { NAME_MAX } from '@/utils/core/partners/summary';
import { attempt, send } from '@/utils/messages';
import { syncConfig } from '@/utils/firestore/config';
import { syncStateItem } from '@/utils/settings';
import { useLive, useStored } from './hooks';

const LOCAL_ONLY =
  'Local only: nothing leaves this device. Partner sync is off in this build (everything else works); ' +
  'a build with a Firebase config (see .env.example) can pair with a partner.';

/** Pairs and what partners last shared, kept current from the database. */
function usePartners() {
  return useLive(() => loadPartners(getDb()), []);
}

/** Asks the worker for partners' latest when a page opens (it decides whether a read is worth it). */
function usePullOnOpen(): void {
  useEffect(() => {
    if (syncConfig) void send('partner.pull', { reason: 'page' }).catch(() => undefined);
  }, []);
}

/** The popup's partner section: each partner's shared commitments with today's status and streak. */
export function PartnerPanel() {
  const data = usePartners();
  usePullOnOpen();
  if (!syncConfig) return <footer class="hint local-only" data-testid="partner-off">{LOCAL_ONLY}</footer>;
  if (!data) return null;
  const { live } = data;
  const ended = data.pairs.filter((p) => p.ended?.by === 'partner');
  return (
    <section class="partners" aria-label="Partners" data-testid="partners">
      {ended.map((p) => (
        <p class="hint" key={p.id} data-testid="pair-ended">{p.partnerName} ended your partnership.</p>
      ))}
      {live.length === 0 && (
        <p class="hint">
          Keep commitments with a partner: <button class="link" onClick={() => void openPage('/options.html')}>pair up</button>.
        </p>
      )}
      {live.map((p) => (
        <PartnerSummaryView key={p.id} pair={p} summary={data.summaries.get(p.id)} />
      ))}
      {live.length > 0 && <RefreshPartners />}
    </section>
  );
}

/** Partners are read when a page opens (at most every 2 minutes) and every half hour; this reads them now. */
function RefreshPartners() {
  const state = useStored(syncStateItem);
  const [note, setNote] = useState<string | null>(null);
  const refresh = async () => {
    setNote('Checking…');
    const r = await attempt(send('partner.pull', { reason: 'manual' }));
    setNote(!r.ok ? r.error : r.value.offline ? 'You seem to be offline; Tandem will try again.' : null);
  };
  return (
    <p class="hint">
      {state?.lastPullAt && `Updated ${new Date(state.lastPullAt).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}. `}
      <button class="link" data-testid="partner-refresh" onClick={() => void refresh()}>Refresh</button>
      {note && <span role="status"> {note}</span>}
    </p>
  );
}

function PartnerSummaryView({ pair, summary }: { pair: Pair; summary?: PartnerSummary }) {
  if (!summary) {
    return (
      <article class="partner" data-testid="partner">
        <h2>{pair.partnerName}</h2>
        <p class="hint">Waiting for {pair.partnerName}'s first update.</p>
      </article>
    );
  }
  const s = summary.summary;
  const streak = partnerStreak(s);
  const current = isCurrent(s, Date.now());
  return (
    <article class="partner" data-testid="partner">
      <div class="card-head">
        <h2>{s.name}</h2>
        <span class="meta" data-testid="partner-streak">{formatStreak(streak.count, streak.unit)}</span>
      </div>
      {s.commitments.length === 0 && <p class="hint">{s.name} has not shared a commitment with you yet.</p>}
      {!current && s.commitments.length > 0 && (
        <p class="hint" data-testid="partner-stale">
          No update from {s.name} yet today{s.updatedAt !== undefined && <>; as of {formatWhen(s.updatedAt)}</>}:
        </p>
      )}
      <ul class="partner-list">
        {s.commitments.map((c) => (
          <li key={c.id} class={`status-${c.status}`} data-testid="partner-commitment">
            <span>{c.title}</span>
            <span class="status">{STATUS_LABEL[c.status]}</span>
            <span class="meta">{formatStreak(c.streak, c.unit)}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}

/** The block page's mirror: what partners have done today ("Sam finished Deep work at 9:40"). */
export function PartnerProgress() {
  const data = usePartners();
  usePullOnOpen();
  if (!syncConfig || !data) return null;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const lines = data.live.flatMap((p) => {
    const s = data.summaries.get(p.id)?.summary;
    return s ? partnerProgressLines(s, timeZone, undefined, Date.now()) : [];
  });
  if (lines.length === 0) return null;
  return (
    <section class="partner-progress" aria-label="Your partners today" data-testid="partner-progress">
      {lines.map((line) => <p key={line}>{line}</p>)}
    </section>
  );
}

/** The options page's partner settings: name, invites, pairs, what each partner sees, notifications. */
export function PartnerSettings({ commitments }: { commitments: Commitment[] }) {
  const data = usePartners();
  const state = useStored(syncStateItem);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  usePullOnOpen();

  if (!syncConfig) {
    return (
      <section class="card" data-testid="partner-settings">
        <h2>Partners</h2>
        <p class="hint" data-testid="partner-off">{LOCAL_ONLY}</p>
      </section>
    );
  }
  if (!data || !state) return null;

  const act = async <T,>(pending: Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(true);
    const r = await attempt(pending);
    setBusy(false);
    setError(r.ok ? null : r.error);
    return r;
  };
  const { live } = data;
  const ended = data.pairs.filter((p) => p.ended);
  const shareable = commitments.filter((c) => c.archivedAt === undefined);

  return (
    <section class="card" data-testid="partner-settings">
      <h2>Partners</h2>
      <p class="hint">
        Partners see, for each commitment you share with them: its title, today's status, streaks, the last 8 weeks
        of days, and today's counts. Never sites, addresses or anything you browse.
      </p>
      {error && <p class="error" role="alert" data-testid="partner-error">{error}</p>}
      <form
        class="actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (name !== null) void act(send('partner.name', { name })).then((r) => r.ok && setName(null));
        }}
      >
        <label>
          Your name for partners{' '}
          <input data-testid="partner-name" value={name ?? state.name} maxLength={NAME_MAX} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        {name !== null && name !== state.name && <button type="submit" data-testid="save-name" disabled={busy}>Save</button>}
      </form>

      {state.pendingInvite ? (
        <div class="invite" data-testid="invite">
          <p>
            Give this code to your partner: <strong class="code" data-testid="invite-code">{formatInviteCode(state.pendingInvite.code)}</strong>
          </p>
          <p class="hint">
            It works once, until {formatWhen(state.pendingInvite.expiresAt)}.
            You will see your partner here once they have entered it.
          </p>
          <button class="quiet" onClick={() => void act(send('partner.cancelInvite', {}))} disabled={busy}>Cancel the code</button>
        </div>
      ) : (
        <button data-testid="create-invite" disabled={busy || !state.name} title={state.name ? '' : 'Choose your name first'} onClick={() => void act(send('partner.invite', {}))}>
          Create an invite code
        </button>
      )}
      <form
        class="actions"
        onSubmit={(e) => {
          e.preventDefault();
          void act(send('partner.redeem', { code })).then((r) => r.ok && setCode(''));
        }}
      >
        <label>
          Partner's code{' '}
          <input data-testid="redeem-code" value={code} placeholder="ABCDE-23456" autocomplete="off" spellcheck={false} onInput={(e) => setCode(e.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="redeem" disabled={busy || !state.name}>Pair</button>
      </form>

      {ended.map((p) => (
        <p class="hint" key={p.id} data-testid="pair-ended">
          {p.ended!.by === 'partner' ? `${p.partnerName} ended your partnership.` : `You ended your partnership with ${p.partnerName}.`}{' '}
          Everything you shared with each other was deleted.{' '}
          <button class="link" onClick={() => void act(send('partner.dismiss', { pairId: p.id }))}>OK</button>
        </p>
      ))}

      {live.map((p) => (
        <fieldset key={p.id} class="pair" data-testid="pair">
          <legend>{p.partnerName}</legend>
          <p class="hint">{p.partnerName} sees:</p>
          {shareable.map((c) => (
            <label key={c.id} class="check">
              <input
                type="checkbox"
                data-testid="share"
                checked={(c.sharedWith ?? []).includes(p.id)}
                onChange={(e) => void act(send('partner.share', { commitmentId: c.id, pairId: p.id, shared: e.currentTarget.checked }))}
              />{' '}
              {c.title}
            </label>
          ))}
          <div class="actions">
            {live.length > 1 && (
              <label class="check">
                <input type="radio" name="primary" checked={!!p.primary} onChange={() => void act(send('partner.primary', { pairId: p.id }))} /> Show on the toolbar badge
              </label>
            )}
            <button
              class="quiet"
              data-testid="end-pair"
              onClick={() => {
                if (confirm(`End your partnership with ${p.partnerName}? What you shared with each other is deleted.`)) void act(send('partner.end', { pairId: p.id }));
              }}
            >
              End partnership
            </button>
          </div>
        </fieldset>
      ))}
      <NotifySetting enabled={state.notifyPartnerDone} />
    </section>
  );
}

/** Opt-in notification; the permission is asked for only when it is turned on. */
function NotifySetting({ enabled }: { enabled: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const toggle = async (on: boolean) => {
    const r = await setPartnerNotifications(on);
    setError(r.ok ? null : r.error);
  };
  return (
    <label class="check">
      <input type="checkbox" checked={enabled} onChange={(e) => void toggle(e.currentTarget.checked)} /> Tell me when a partner finishes
      today's commitments
      {error && <span class="error"> {error}</span>}
    </label>
  );
}
