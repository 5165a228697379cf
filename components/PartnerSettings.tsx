import { useState } from 'preact/hooks';
import type { Commitment, Result } from '@/utils/core/types';
import type { Pair } from '@/utils/core/partners/types';
import { formatWhen } from '@/utils/core/format';
import { formatInviteCode } from '@/utils/core/partners/invite-code';
import { NAME_MAX } from '@/utils/core/partners/summary';
import { LOCAL_ONLY, usePullOnOpen, type PartnerActions, type PartnersView } from './partners-data';

/** The options page's partner settings: name, invites, pairs, what each partner sees, notifications. */
export function PartnerSettings({ view, commitments, actions }: { view: PartnersView; commitments: Commitment[]; actions: PartnerActions }) {
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  usePullOnOpen(view, actions);

  if (!view.available) {
    return (
      <section class="card" id="partners" data-testid="partner-settings">
        <h2>Partners</h2>
        <p class="hint" data-testid="partner-off">{LOCAL_ONLY()}</p>
      </section>
    );
  }

  /** Runs one action with the buttons disabled meanwhile; its failure is shown above the form. */
  const act = async <T,>(pending: Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(true);
    const r = await pending;
    setBusy(false);
    setError(r.ok ? null : r.error);
    return r;
  };
  const { state, live } = view;
  const ended = view.pairs.filter((p) => p.ended);
  const shareable = commitments.filter((c) => c.archivedAt === undefined);

  return (
    <section class="card" id="partners" data-testid="partner-settings">
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
          if (name !== null) void act(actions.name(name)).then((r) => r.ok && setName(null));
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
          <button class="quiet" onClick={() => void act(actions.cancel())} disabled={busy}>Cancel the code</button>
        </div>
      ) : (
        <button data-testid="create-invite" disabled={busy || !state.name} title={state.name ? '' : 'Choose your name first'} onClick={() => void act(actions.invite())}>
          Create an invite code
        </button>
      )}
      <form
        class="actions"
        onSubmit={(e) => {
          e.preventDefault();
          void act(actions.redeem(code)).then((r) => r.ok && setCode(''));
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
          <button class="link" onClick={() => void act(actions.dismiss(p.id))}>OK</button>
        </p>
      ))}

      {live.map((p) => (
        <PairSettings key={p.id} pair={p} shareable={shareable} choosePrimary={live.length > 1} act={act} actions={actions} />
      ))}
      <NotifySetting enabled={state.notifyPartnerDone} actions={actions} />
    </section>
  );
}

/** One partner: what they see, whether their streak is on the badge, and ending the partnership. */
function PairSettings({ pair: p, shareable, choosePrimary, act, actions }: {
  pair: Pair;
  shareable: Commitment[];
  choosePrimary: boolean;
  act: (pending: Promise<Result<unknown>>) => Promise<unknown>;
  actions: PartnerActions;
}) {
  return (
    <fieldset class="pair" data-testid="pair">
      <legend>{p.partnerName}</legend>
      <p class="hint">{p.partnerName} sees:</p>
      {shareable.map((c) => (
        <label key={c.id} class="check">
          <input
            type="checkbox"
            data-testid="share"
            checked={(c.sharedWith ?? []).includes(p.id)}
            onChange={(e) => void act(actions.share(c.id, p.id, e.currentTarget.checked))}
          />{' '}
          {c.title}
        </label>
      ))}
      <div class="actions">
        {choosePrimary && (
          <label class="check">
            <input type="radio" name="primary" checked={!!p.primary} onChange={() => void act(actions.primary(p.id))} /> Show on the toolbar badge
          </label>
        )}
        <button
          class="quiet"
          data-testid="end-pair"
          onClick={() => {
            if (confirm(`End your partnership with ${p.partnerName}? What you shared with each other is deleted.`)) void act(actions.end(p.id));
          }}
        >
          End partnership
        </button>
      </div>
    </fieldset>
  );
}

/** Opt-in notification; the permission is asked for only when it is turned on. */
function NotifySetting({ enabled, actions }: { enabled: boolean; actions: PartnerActions }) {
  const [error, setError] = useState<string | null>(null);
  const toggle = async (on: boolean) => {
    const r = await actions.setNotifications(on);
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
