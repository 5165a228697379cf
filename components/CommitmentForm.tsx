import { useState } from 'preact/hooks';
import type { CommitmentDraft, Result, Weekday } from '@/utils/core/types';
import { TITLE_MAX, validateCommitment } from '@/utils/core/commitment';
import { kindNamed, perWeekOf } from '@/utils/core/requirements';
import { formatClockTime, parseClockTime } from '@/utils/core/days';
import { WEEKDAY_SHORT } from '@/utils/core/format';
import { useRequirementDrafts } from './requirements';
import { RequirementChoice } from './RequirementChoice';

/** Monday first, as most calendars people use for work weeks. */
const DAY_ORDER: Weekday[] = [1, 2, 3, 4, 5, 6, 0];
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

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
  const [kind, setKind] = useState<string>(initial.requirement.kind);
  const drafts = useRequirementDrafts(initial.requirement);
  const [days, setDays] = useState<Weekday[]>(initial.window.days);
  const [until, setUntil] = useState(formatClockTime(initial.window.untilMinutes));
  const [sites, setSites] = useState(initial.sites.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const requirement = drafts.get(kind)?.requirement ?? initial.requirement;
  // A kind that gates nothing (a habit) asks for no sites and no end time; one judged by its week, for no days.
  const { gates } = kindNamed(kind);
  const weekly = perWeekOf(requirement) !== undefined;

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
      requirement,
      window: { days: weekly ? EVERY_DAY : days, untilMinutes: untilMinutes.value },
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
      <RequirementChoice kind={kind} choose={setKind} drafts={drafts} />
      {!weekly && <fieldset>
        <legend>When</legend>
        <div class="days" role="group" aria-label="Days of the week">
          {DAY_ORDER.map((d) => (
            <label class="day" key={d}>
              <input type="checkbox" data-testid={`day-${d}`} checked={days.includes(d)} onChange={() => toggleDay(d)} />
              {WEEKDAY_SHORT[d]}
            </label>
          ))}
        </div>
        {gates && (
          <label class="inline">
            from the start of my day until
            <input type="time" data-testid="until" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
          </label>
        )}
      </fieldset>}
      {gates && <label>
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
