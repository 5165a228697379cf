import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type CommitmentDraft, type Result, type Weekday } from '@/utils/core/types';
import { TITLE_MAX, validateCommitment } from '@/utils/core/commitment';
import { kindNamed, perWeekOf } from '@/utils/core/requirements';
import { summarizeForm } from '@/utils/core/form-summary';
import { settingsItem } from '@/utils/settings';
import { useStored } from './hooks';
import { DayStartNote } from './DayStartNote';
import { useRequirementDrafts } from './requirements';
import { RequirementChoice } from './RequirementChoice';
import { ScheduleFields } from './ScheduleFields';
import { formWindows, scheduleOf, useScheduleDraft } from './schedule-draft';
import { tr } from '@/utils/core/i18n';
import { wordsFor } from '@/utils/messages';

const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

export interface CommitmentFormProps {
  initial: CommitmentDraft;
  submitLabel: string;
  /**
   * Saves the validated draft; a failure's message is shown (and focused) and nothing else changes. One save at a
   * time: a second click or Enter while one is under way does nothing. On success the parent moves on (closes or
   * replaces the form), so a saved form is never sent twice.
   */
  onSave(draft: CommitmentDraft): Promise<Result<unknown>>;
  onCancel?(): void;
  /** Puts the focus in the title when the form appears (a form opened by a click, not the page's first). */
  focusFirstField?: boolean;
}

/** Every field of a commitment, editable before it is saved. Used by onboarding and the options page. */
export function CommitmentForm({ initial, submitLabel, onSave, onCancel, focusFirstField }: CommitmentFormProps) {
  const [title, setTitle] = useState(initial.title);
  const [why, setWhy] = useState(initial.why);
  const [kind, setKind] = useState<string>(initial.requirement.kind);
  const drafts = useRequirementDrafts(initial.requirement);
  const schedule = useScheduleDraft(initial.schedule);
  const [sites, setSites] = useState(initial.sites.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Set at once on submit, before any render disables the button: a double click is one save.
  const saving = useRef(false);
  // Each failed submit moves the focus to the error, also when the same message shows again.
  const [failures, setFailures] = useState(0);
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (failures > 0) errorRef.current?.focus();
  }, [failures]);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusFirstField) titleRef.current?.focus();
  }, []);
  const settings = useStored(settingsItem);
  const noteId = useId();
  const requirement = drafts.get(kind)?.requirement ?? initial.requirement;
  // A kind that gates nothing (a habit) asks for no sites and no end time; one judged by its week, for no days.
  const { gates } = kindNamed(kind);
  const weekly = perWeekOf(requirement) !== undefined;
  const dayStart = (settings ?? DEFAULT_SETTINGS).dayStartMinutes;
  // A weekly kind applies every day of its week; one that gates nothing has no times (the whole day).
  const windows = weekly ? [{ days: EVERY_DAY, untilMinutes: dayStart }] : formWindows(gates ? schedule.groups : schedule.groups.slice(0, 1));

  const refuse = (message: string) => {
    setError(message);
    setFailures((n) => n + 1);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving.current) return;
    const typed = weekly ? { ok: true as const, value: [{ days: EVERY_DAY, untilMinutes: dayStart }] } : scheduleOf(gates ? schedule.groups : schedule.groups.slice(0, 1));
    if (!typed.ok) return refuse(typed.error);
    const draft: CommitmentDraft = { title, why, sites: sites.split('\n'), requirement, schedule: typed.value };
    const valid = validateCommitment(draft, dayStart);
    if (!valid.ok) return refuse(valid.error);
    saving.current = true;
    setBusy(true);
    try {
      const result = await onSave(valid.value);
      if (result.ok) setError(null);
      else refuse(result.error);
    } catch (err) {
      console.error('Tandem: saving a commitment failed', err);
      refuse(tr('commitment_form_could_not_save', { value: wordsFor(err) }));
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  return (
    <form class="commitment-form" onSubmit={submit} noValidate aria-busy={busy}>
      <p class="meta summary" data-testid="summary">{summarizeForm({ requirement, schedule: windows }, dayStart)}</p>
      <label>
        <span>{tr('commitment_form_commitment')}</span>
        <input data-testid="title" ref={titleRef} value={title} onInput={(e) => setTitle(e.currentTarget.value)} maxLength={TITLE_MAX} required />
      </label>
      <label>
        <span>{tr('commitment_form_why_this_matters_to_me')}{' '}<small>{tr('commitment_form_optional')}</small></span>
        <textarea data-testid="why" rows={2} value={why} onInput={(e) => setWhy(e.currentTarget.value)}
          placeholder={tr('commitment_form_e_g_my_best_thinking_happens')} />
      </label>
      <RequirementChoice kind={kind} choose={setKind} drafts={drafts} />
      {!weekly && <fieldset>
        <legend>{tr('commitment_form_when')}</legend>
        <ScheduleFields draft={schedule} times={gates} dayStartMinutes={dayStart} describedBy={noteId} />
        {gates && settings && <DayStartNote id={noteId} windows={windows} settings={settings} />}
      </fieldset>}
      {gates && <label>
        <span>{tr('commitment_form_sites_to_hold_back_during_those')}{' '}<small>{tr('commitment_form_one_per_line_mail_google_com')}</small></span>
        <textarea data-testid="sites" rows={6} value={sites} onInput={(e) => setSites(e.currentTarget.value)} spellcheck={false} />
      </label>}
      {error && <p class="error" role="alert" data-testid="form-error" tabIndex={-1} ref={errorRef}>{error}</p>}
      <div class="actions">
        <button type="submit" class="primary" data-testid="save-commitment" disabled={busy}>{busy ? tr('commitment_form_saving') : submitLabel}</button>
        {onCancel && <button type="button" class="quiet" onClick={onCancel} disabled={busy}>{tr('commitment_form_cancel')}</button>}
      </div>
    </form>
  );
}
