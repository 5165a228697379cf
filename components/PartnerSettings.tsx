import { useState } from 'preact/hooks';
import type { Commitment, Result } from '@/utils/core/types';
import type { Pair } from '@/utils/core/partners/types';
import { formatWhen } from '@/utils/core/format';
import { formatInviteCode } from '@/utils/core/partners/invite-code';
import { NAME_MAX } from '@/utils/core/partners/summary';
import { LOCAL_ONLY, usePullOnOpen, type PartnerActions, type PartnersView } from './partners-data';
import { tr } from '@/utils/core/i18n';

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
        <h2>{tr('partner_settings_partners')}</h2>
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
      <h2>{tr('partner_settings_partners')}</h2>
      <p class="hint">
        {tr('partner_settings_partners_see_for_each_commitment')}</p>
      {error && <p class="error" role="alert" data-testid="partner-error">{error}</p>}
      <form
        class="actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (name !== null) void act(actions.name(name)).then((r) => r.ok && setName(null));
        }}
      >
        <label>
          {tr('partner_settings_your_name_for_partners')}<input data-testid="partner-name" value={name ?? state.name} maxLength={NAME_MAX} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        {name !== null && name !== state.name && <button type="submit" data-testid="save-name" disabled={busy}>{tr('partner_settings_save')}</button>}
      </form>

      {state.pendingInvite ? (
        <div class="invite" data-testid="invite">
          <p>
            {tr('partner_settings_give_this_code_to_your_partner')}{' '}<strong class="code" data-testid="invite-code">{formatInviteCode(state.pendingInvite.code)}</strong>
          </p>
          <p class="hint">
            {tr('partner_settings_it_works_once_until_you_will_see', { value: formatWhen(state.pendingInvite.expiresAt) })}</p>
          <button class="quiet" onClick={() => void act(actions.cancel())} disabled={busy}>{tr('partner_settings_cancel_the_code')}</button>
        </div>
      ) : (
        <button data-testid="create-invite" disabled={busy || !state.name} title={state.name ? '' : tr('partner_settings_choose_your_name_first')} onClick={() => void act(actions.invite())}>
          {tr('partner_settings_create_an_invite_code')}</button>
      )}
      <form
        class="actions"
        onSubmit={(e) => {
          e.preventDefault();
          void act(actions.redeem(code)).then((r) => r.ok && setCode(''));
        }}
      >
        <label>
          {tr('partner_settings_partners_code')}<input data-testid="redeem-code" value={code} placeholder={tr('partner_settings_abcde_23456')} autocomplete="off" spellcheck={false} onInput={(e) => setCode(e.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="redeem" disabled={busy || !state.name}>{tr('partner_settings_pair')}</button>
      </form>

      {ended.map((p) => (
        <p class="hint" key={p.id} data-testid="pair-ended">
          {p.ended!.by === 'partner' ? tr('partner_settings_ended_your_partnership', { partnerName: p.partnerName }) : tr('partner_settings_you_ended_your_partnership_with', { partnerName: p.partnerName })}{' '}{tr('partner_settings_everything_you_shared_with_each')}<button class="link" onClick={() => void act(actions.dismiss(p.id))}>{tr('partner_settings_ok')}</button>
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
      <p class="hint">{tr('partner_settings_sees', { partnerName: p.partnerName })}</p>
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
            <input type="radio" name="primary" checked={!!p.primary} onChange={() => void act(actions.primary(p.id))} /> {' '}{tr('partner_settings_show_on_the_toolbar_badge')}</label>
        )}
        <button
          class="quiet"
          data-testid="end-pair"
          onClick={() => {
            if (confirm(tr('partner_settings_end_your_partnership_with_what', { partnerName: p.partnerName }))) void act(actions.end(p.id));
          }}
        >
          {tr('partner_settings_end_partnership')}</button>
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
      <input type="checkbox" checked={enabled} onChange={(e) => void toggle(e.currentTarget.checked)} /> {' '}{tr('partner_settings_tell_me_when_a_partner_finishes')}{error && <span class="error"> {error}</span>}
    </label>
  );
}
