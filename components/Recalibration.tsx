import { useState } from 'preact/hooks';
import type { CommitmentView } from '@/utils/core/today';
import { describeRequirement } from '@/utils/core/requirements';
import { RECALIBRATION_NOTE_MAX, smallerTarget, type RecalibrationChoice } from '@/utils/core/recalibration';
import { targetTerms } from '@/utils/core/easing-plan';
import { tr } from '@/utils/core/i18n';

export type Recalibrate = (id: string, choice: RecalibrationChoice, note: string) => void;

/**
 * The recalibration conversation for a commitment kept too rarely lately (issue 11): keep it and recommit, make it
 * fit (a smaller target, which waits like any easing), or pause it — with a note. Asked at most once a week.
 */
export function Recalibration({ view, recalibrate }: { view: CommitmentView; recalibrate: Recalibrate }) {
  const [note, setNote] = useState('');
  const reason = view.recalibrate;
  if (!reason) return null;
  const c = view.commitment;
  const smaller = smallerTarget(targetTerms(c).requirement);
  const why = 'missed' in reason ? tr('recalibration_missed_of_its_last_days', { missed: reason.missed, of: reason.of }) : tr('recalibration_fell_short_two_weeks_running');
  return (
    <div class="recalibration" data-testid="recalibration" role="group" aria-label={tr('recalibration_recalibrate', { title: c.title })}>
      <p class="hint"><strong>{c.title}</strong> {' '}{tr('recalibration_what_would_help', { why })}</p>
      <input type="text" data-testid="recalibration-note" aria-label={tr('recalibration_a_note_optional')} placeholder={tr('recalibration_a_note_optional')} maxLength={RECALIBRATION_NOTE_MAX}
        value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <div class="actions">
        <button data-testid="recommit" onClick={() => recalibrate(c.id, 'recommit', note)}>{tr('recalibration_keep_it_i_recommit')}</button>
        {smaller && <button data-testid="make-it-fit" onClick={() => recalibrate(c.id, 'fit', note)}>{tr('recalibration_make_it_fit', { value: describeRequirement(smaller) })}</button>}
        <button class="quiet" data-testid="recalibrate-pause" onClick={() => recalibrate(c.id, 'pause', note)}>{tr('recalibration_pause_it')}</button>
      </div>
    </div>
  );
}
