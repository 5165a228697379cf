import { useState } from 'preact/hooks';
import type { CommitmentDraft, Result, Weekday } from '@/utils/core/types';
import { FOCUS_MINUTES_MAX, FOCUS_MINUTES_MIN, HABIT_TIMES_MAX, TITLE_MAX, validateCommitment } from '@/utils/core/commitment';
import { formatClockTime, parseClockTime } from '@/utils/core/days';
import { WEEKDAY_SHORT } from '@/utils/core/format';

/** Monday first, as most calendars people use for work weeks. */
const DAY_ORDER: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

export interface CommitmentFormProps {
  initial: CommitmentDraft;
  submitLabel: string;
  /** Saves the validated draft; a failure's message is shown and nothing else changes. */
  onSave(draft: CommitmentDraft): Promise<Result<unknown>>;
  onCancel?(): void;
}

/** Every field of a commitment, editable before it is saved. Used by onboarding and the options page. */
export function CommitmentForm({ initial, submitLabel, onSave, onCancel }: CommitmentFormProps) {
  const [title, setTitle] = useState(initial.title);
  const [why, setWhy] = useState(initial.why);
  const [kind, setKind] = useState(initial.requirement.kind);
  const isHabit = kind === 'habit';
  const [habitTimes, setHabitTimes] = useState(String(initial.requirement.kind === 'habit' ? initial.requirement.times : 3));
  const [habitPer, setHabitPer] = useState<'day' | 'week'>(initial.requirement.kind === 'habit' ? initial.requirement.per : 'week');
  const [minutes, setMinutes] = useState(String(initial.requirement.kind === 'focus' ? initial.requirement.minutes : 60));
  const [siteMinutes, setSiteMinutes] = useState(String(initial.requirement.kind === 'site-time' ? initial.requirement.minutes : 45));
  const [workSites, setWorkSites] = useState(initial.requirement.kind === 'site-time' ? initial.requirement.sites.join('\n') : '');
  const [days, setDays] = useState<Weekday[]>(initial.window.days);
  const [until, setUntil] = useState(formatClockTime(initial.window.untilMinutes));
  const [sites, setSites] = useState(initial.sites.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const toggleDay = (d: Weekday) => setDays(days.includes(d) ? days.filter((x) => x !== d) : [...days, d]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const untilMinutes = parseClockTime(until);
    if (!untilMinutes.ok) return setError(untilMinutes.error);
    const draft: CommitmentDraft = {
      title,
      why,
      sites: sites.split('\n'),
      requirement:
        kind === 'habit' ? { kind: 'habit', times: Number(habitTimes.trim() || NaN), per: habitPer }
        : kind === 'focus' ? { kind: 'focus', minutes: Number(minutes.trim() || NaN) }
        : kind === 'site-time' ? { kind: 'site-time', minutes: Number(siteMinutes.trim() || NaN), sites: workSites.split('\n') }
        : { kind: 'checkin' },
      window: { days: isHabit && habitPer === 'week' ? [0, 1, 2, 3, 4, 5, 6] : days, untilMinutes: untilMinutes.value },
    };
    const valid = validateCommitment(draft);
    if (!valid.ok) return setError(valid.error);
    setBusy(true);
    try {
      const result = await onSave(valid.value);
      setError(result.ok ? null : result.error);
      setSaved(result.ok);
    } catch (err) {
      setError(`Could not save: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="commitment-form" onSubmit={submit} noValidate>
      <label>
        <span>Commitment</span>
        <input data-testid="title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} maxLength={TITLE_MAX} required />
      </label>
      <label>
        <span>Why this matters to me <small>(optional)</small></span>
        <textarea data-testid="why" rows={2} value={why} onInput={(e) => setWhy(e.currentTarget.value)}
          placeholder="e.g. My best thinking happens before the inbox gets me." />
      </label>
      <div class="type" role="radiogroup" aria-label="Kind of commitment">
        <label class="inline">
          <input type="radio" name="type" data-testid="type-gate" checked={!isHabit} onChange={() => setKind('focus')} />
          Hold sites back until something is done
        </label>
        <label class="inline">
          <input type="radio" name="type" data-testid="type-habit" checked={isHabit} onChange={() => setKind('habit')} />
          A habit, like three workouts a week
        </label>
      </div>
      {isHabit && (
        <fieldset>
          <legend>How often</legend>
          <label class="inline">
            <input type="number" class="minutes" data-testid="habit-times" min={1} max={HABIT_TIMES_MAX} value={habitTimes}
              onInput={(e) => setHabitTimes(e.currentTarget.value)} aria-label="Times" />
            times a
            <select data-testid="habit-per" value={habitPer} onChange={(e) => setHabitPer(e.currentTarget.value as 'day' | 'week')}>
              <option value="day">day</option>
              <option value="week">week</option>
            </select>
          </label>
        </fieldset>
      )}
      {!isHabit && <fieldset>
        <legend>Before the sites open</legend>
        <label class="inline">
          <input type="radio" name="kind" data-testid="kind-focus" checked={kind === 'focus'} onChange={() => setKind('focus')} />
          a focus session of
          <input type="number" class="minutes" data-testid="minutes" min={FOCUS_MINUTES_MIN} max={FOCUS_MINUTES_MAX} value={minutes}
            disabled={kind !== 'focus'} onInput={(e) => setMinutes(e.currentTarget.value)} aria-label="Focus minutes" />
          minutes
        </label>
        <label class="inline">
          <input type="radio" name="kind" data-testid="kind-site-time" checked={kind === 'site-time'} onChange={() => setKind('site-time')} />
          <input type="number" class="minutes" data-testid="site-minutes" min={FOCUS_MINUTES_MIN} max={FOCUS_MINUTES_MAX} value={siteMinutes}
            disabled={kind !== 'site-time'} onInput={(e) => setSiteMinutes(e.currentTarget.value)} aria-label="Minutes on work sites" />
          minutes on work sites (counted on this device only):
        </label>
        {kind === 'site-time' && (
          <textarea data-testid="work-sites" rows={3} value={workSites} onInput={(e) => setWorkSites(e.currentTarget.value)} spellcheck={false}
            placeholder={'docs.google.com\ngithub.com\n*.notion.so'} aria-label="Work sites, one per line" />
        )}
        <label class="inline">
          <input type="radio" name="kind" data-testid="kind-checkin" checked={kind === 'checkin'} onChange={() => setKind('checkin')} />
          a check-in: “I did it”
        </label>
      </fieldset>}
      {!(isHabit && habitPer === 'week') && <fieldset>
        <legend>When</legend>
        <div class="days" role="group" aria-label="Days of the week">
          {DAY_ORDER.map((d) => (
            <label class="day" key={d}>
              <input type="checkbox" data-testid={`day-${d}`} checked={days.includes(d)} onChange={() => toggleDay(d)} />
              {WEEKDAY_SHORT[d]}
            </label>
          ))}
        </div>
        {!isHabit && (
          <label class="inline">
            from the start of my day until
            <input type="time" data-testid="until" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
          </label>
        )}
      </fieldset>}
      {!isHabit && <label>
        <span>Sites to hold back until then <small>(one per line: mail.google.com, *.fastmail.com, www.icloud.com/mail)</small></span>
        <textarea data-testid="sites" rows={6} value={sites} onInput={(e) => setSites(e.currentTarget.value)} spellcheck={false} />
      </label>}
      {error && <p class="error" role="alert" data-testid="form-error">{error}</p>}
      <div class="actions">
        <button type="submit" class="primary" data-testid="save-commitment" disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" class="quiet" onClick={onCancel}>Cancel</button>}
        {saved && <span class="saved" data-testid="saved" role="status">Saved</span>}
      </div>
    </form>
  );
}
