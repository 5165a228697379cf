import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '@/utils/db/db';
import { allCommitments } from '@/utils/db/queries';
import { DEFAULT_SETTINGS, type Commitment, type CommitmentDraft, type Result, type Weekday } from '@/utils/core/types';
import { describeSchedule } from '@/utils/core/form-summary';
import { scheduleDays } from '@/utils/core/schedule';
import { describeRequirement, kindOf, perWeekOf } from '@/utils/core/requirements';
import { formatClockTime, parseClockTime } from '@/utils/core/days';
import { trCount, weekdayName } from '@/utils/core/i18n';
import { attempt, send } from '@/utils/messages';
import { saveFromForm } from '@/utils/browser/save-commitment';
import { saveSettings } from '@/utils/browser/save-settings';
import { settingsItem } from '@/utils/settings';
import { CommitmentForm } from '@/components/CommitmentForm';
import { useLive, useStored } from '@/components/hooks';
import { DataLost } from '@/components/DataLost';
import { useTodayViews } from '@/components/today';
import { Heatmap } from '@/components/Heatmap';
import { AttemptChart } from '@/components/AttemptChart';
import { blockRecord } from '@/utils/core/attempt-stats';
import { PartnerSettings } from '@/components/PartnerSettings';
import { GoAnywaySetting } from '@/components/GoAnywaySetting';
import { BadgeSetting } from '@/components/BadgeSetting';
import { usePartnersView } from '@/components/partners-data';
import { partnerActions } from '@/components/partner-actions';
import { blankCommitment } from '@/utils/core/presets';
import { DeleteEverything } from '@/components/DeleteEverything';
import { syncConfig } from '@/utils/firestore/config';
import { YourData } from '@/components/YourData';
import { ReminderSettings } from '@/components/ReminderSettings';
import { openPage } from '@/utils/browser/pages';
import { PendingChange } from '@/components/PendingChange';
import { pendingActions } from '@/components/pending-actions';
import { PauseForm } from '@/components/PauseForm';
import { EasingDelaySetting } from '@/components/EasingDelaySetting';
import { PledgeEditor } from '@/components/PledgeEditor';
import { draftOf } from '@/utils/core/easing-words';
import { pauseAheadOf } from '@/utils/core/easing-plan';
import { pauseStartDay } from '@/utils/core/easing-time';
import { clockOf } from '@/utils/clock-of';
import { dayOf } from '@/utils/core/days';
import { tr } from '@/utils/core/i18n';

const BLANK: CommitmentDraft = blankCommitment();

/** Create, edit, archive and restore commitments; the day-start, week-start, go-anyway and toolbar badge settings. */
export function OptionsApp() {
  const commitments = useLive(() => allCommitments(getDb()), []);
  const today = useTodayViews();
  const attempts = useLive(() => getDb().attempts.toArray(), []);
  const history = (c: Commitment) => {
    const view = today?.views.find((v) => v.commitment.id === c.id);
    if (!view || !attempts) return null;
    const record = blockRecord(attempts, c.id, view.today.day);
    return (
      <div class="history" data-testid="history">
        <Heatmap weeks={view.heatmap} label={c.title} />
        <AttemptChart weeks={record.weeks} days={record.days} />
      </div>
    );
  };
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [pausing, setPausing] = useState<string | null>(null);
  const clock = clockOf(useStored(settingsItem) ?? DEFAULT_SETTINGS, today?.now ?? 0);
  const [focused, setFocused] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = (commitments ?? []).filter((c) => c.archivedAt === undefined);
  const archived = (commitments ?? []).filter((c) => c.archivedAt !== undefined);

  const act = async (pending: Promise<Result<unknown>>) => {
    const r = await attempt(pending);
    setError(r.ok ? null : r.error);
  };
  const pending = pendingActions((p) => void act(p));

  return (
    <main class="page options">
      <h1>{tr('options_commitments')}</h1>
      <button class="link" data-testid="open-review" onClick={() => void openPage('/review.html')}>{tr('options_write_this_weeks_review')}</button>
      {error && <p class="error" role="alert">{error}</p>}
      <DataLost />
      {live.map((c) =>
        editing === c.id ? (
          <section class="card" key={c.id}>
             <CommitmentForm initial={draftOf(c)} submitLabel="Save changes" focusFirstField onSave={(d) => saveFromForm(d, c.id).then(done(setEditing, setFocused))} onCancel={() => setEditing(null)} />
          </section>
        ) : (
          <CommitmentRow key={c.id} c={c} focus={focused === c.id} extra={<>
            <PendingChange c={c} actions={pending} />
            <PledgeEditor c={c} save={(pledge) => attempt(send('commitment.pledge', { id: c.id, pledge, dueWeek: today?.views.find((v) => v.commitment.id === c.id)?.pledgeDue?.weekStart }))} />
            {pausing === c.id && today && (
              <PauseForm from={pauseStartDay(clock)} onCancel={() => setPausing(null)}
                onPause={async (ask) => {
                  const r = await attempt(send('commitment.pause', { id: c.id, ...ask }));
                  if (r.ok) setPausing(null);
                  return r;
                }} />
            )}
            {history(c)}
          </>}>
            <button data-testid="edit" onClick={() => setEditing(c.id)}>{tr('options_edit')}</button>
            {today && !pauseAheadOf(c, dayOf(clock.now, clock)) && (
              <button class="quiet" data-testid="pause" title={tr('options_for_a_season_no_gate_and_the')} onClick={() => setPausing(c.id)}>{tr('options_pause')}</button>
            )}
            <button class="quiet" data-testid="archive" onClick={() => void act(send('commitment.archive', { id: c.id }))}>{tr('options_archive')}</button>
          </CommitmentRow>
        ),
      )}
      {live.length > 1 && (pausing === 'all' ? (
        <section class="card">
          <h2>{tr('options_pause_everything')}</h2>
          <PauseForm from={pauseStartDay(clock)} onCancel={() => setPausing(null)}
            onPause={async (ask) => {
              const r = await attempt(send('commitment.pauseAll', ask));
              if (r.ok) setPausing(null);
              return r;
            }} />
        </section>
      ) : (
        <button class="quiet" data-testid="pause-all" onClick={() => setPausing('all')}>{tr('options_pause_everything_2')}</button>
      ))}
      {editing === 'new' ? (
        <section class="card">
          <h2>{tr('options_new_commitment')}</h2>
          <CommitmentForm initial={BLANK} submitLabel="Create commitment" focusFirstField onSave={(d) => saveFromForm(d).then(done(setEditing, setFocused))} onCancel={() => setEditing(null)} />
        </section>
      ) : (
        <button class="primary" data-testid="new-commitment" onClick={() => setEditing('new')}>{tr('options_new_commitment')}</button>
      )}
      {archived.length > 0 && (
        <details class="archived">
          <summary>{tr('options_archived', { archived: archived.length })}</summary>
          {archived.map((c) => (
            <CommitmentRow key={c.id} c={c}>
              <button data-testid="restore" onClick={() => void act(send('commitment.restore', { id: c.id }))}>{tr('options_restore')}</button>
            </CommitmentRow>
          ))}
        </details>
      )}
      <Partners commitments={commitments ?? []} />
      <DayStartSetting />
      <BadgeSetting />
      <ReminderSettings />
      <EasingDelaySetting />
      <YourData />
      <DeleteEverything syncs={syncConfig !== null} />
    </main>
  );
}

/** After a save: the form closes and the focus goes to the saved commitment's row (not lost on the page body). */
function done(setEditing: (v: null) => void, setFocused: (id: string) => void) {
  return (r: Result<Commitment>): Result<Commitment> => {
    if (r.ok) {
      setEditing(null);
      setFocused(r.value.id);
    }
    return r;
  };
}

function CommitmentRow({ c, children, extra, focus }: { c: Commitment; children: preact.ComponentChildren; extra?: preact.ComponentChildren; focus?: boolean }) {
  const dayStart = (useStored(settingsItem) ?? DEFAULT_SETTINGS).dayStartMinutes;
  const short = (days: readonly Weekday[]) => scheduleDays([{ days: [...days], untilMinutes: 0 }]).map((d) => weekdayName(d, 'short')).join(' ');
  const days = short(scheduleDays(c.schedule));
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, c.updatedAt]);
  return (
    <article class="card row" data-testid="commitment-row" ref={ref} tabIndex={-1} aria-label={c.title}>
      <div>
        <h2>{c.title}</h2>
        <p class="meta">
          {kindOf(c.requirement).gates
            ? `${describeRequirement(c.requirement)} · ${describeSchedule(c.schedule, dayStart, { daysWords: short, between: ' ' })}` +
              ` · ${trCount('options_sites', c.sites.length)}`
            : `${describeRequirement(c.requirement)}${perWeekOf(c.requirement) === undefined ? ` · ${days}` : ''}`}
        </p>
        {c.why && <p class="why">“{c.why}”</p>}
        {extra}
      </div>
      <div class="actions">{children}</div>
    </article>
  );
}

function DayStartSetting() {
  const settings = useStored(settingsItem);
  const [message, setMessage] = useState<string | null>(null);
  if (!settings) return null;
  return (
    <section class="card settings">
      <h2><label for="day-start">{tr('options_my_day_starts_at')}</label></h2>
      <p class="meta" id="day-start-note">{tr('options_late_nights_before_this_time')}</p>
      <input type="time" id="day-start" aria-describedby="day-start-note" data-testid="day-start" value={formatClockTime(settings.dayStartMinutes)}
        onChange={async (e) => {
          const parsed = parseClockTime(e.currentTarget.value);
          if (!parsed.ok) return setMessage(parsed.error);
          await saveSettings({ dayStartMinutes: parsed.value });
          setMessage(tr('options_saved'));
        }} />
      <h2><label for="week-start">{tr('options_my_week_starts_on')}</label></h2>
      <select id="week-start" data-testid="week-start" value={String(settings.weekStartsOn ?? 1)}
        onChange={async (e) => {
          await saveSettings({ weekStartsOn: Number(e.currentTarget.value) as Weekday });
          setMessage(tr('options_saved'));
        }}>
        {[1, 0, 6].map((d) => <option key={d} value={String(d)}>{weekdayName(d)}</option>)}
      </select>
      {message && <span role="status"> {message}</span>}
      <GoAnywaySetting settings={settings} save={saveSettings} />
    </section>
  );
}

/** The partner settings, a component of its own so partner updates re-render only it. */
function Partners({ commitments }: { commitments: Commitment[] }) {
  const view = usePartnersView();
  // Onboarding links to #partners; the section appears only once its data is read, after the browser's own jump.
  const shown = view !== undefined;
  useEffect(() => {
    if (shown && location.hash === '#partners') document.getElementById('partners')?.scrollIntoView({ block: 'start' });
  }, [shown]);
  return view ? <PartnerSettings view={view} commitments={commitments} actions={partnerActions} /> : null;
}
