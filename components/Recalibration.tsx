import { useState } from 'preact/hooks';
import type { CommitmentView } from '@/utils/core/today';
import { describeRequirement } from '@/utils/core/requirements';
import { RECALIBRATION_NOTE_MAX, smallerTarget, type RecalibrationChoice } from '@/utils/core/recalibration';
import { targetTerms } from '@/utils/core/easing-plan';

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
  const why = 'missed' in reason ? `missed ${reason.missed} of its last ${reason.of} days` : 'fell short two weeks running';
  return (
    <div class="recalibration" data-testid="recalibration" role="group" aria-label={`Recalibrate ${c.title}`}>
      <p class="hint"><strong>{c.title}</strong> {why}. What would help?</p>
      <input type="text" data-testid="recalibration-note" aria-label="A note (optional)" placeholder="A note (optional)" maxLength={RECALIBRATION_NOTE_MAX}
        value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <div class="actions">
        <button data-testid="recommit" onClick={() => recalibrate(c.id, 'recommit', note)}>Keep it, I recommit</button>
        {smaller && <button data-testid="make-it-fit" onClick={() => recalibrate(c.id, 'fit', note)}>Make it fit: {describeRequirement(smaller)}</button>}
        <button class="quiet" data-testid="recalibrate-pause" onClick={() => recalibrate(c.id, 'pause', note)}>Pause it</button>
      </div>
    </div>
  );
}
