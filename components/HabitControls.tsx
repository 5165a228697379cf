import { useState } from 'preact/hooks';
import type { CheckIn } from '@/utils/core/types';
import { NOTE_MAX } from '@/utils/core/commitment';
import { tr } from '@/utils/core/i18n';

export interface HabitActions {
  checkIn(commitmentId: string, day?: 'today' | 'yesterday'): void;
  undoCheckIn(checkInId: string): void;
  describeCheckIn(checkInId: string, note: string, rating?: number): void;
}

/**
 * A habit's check-in: one click, then optionally how it went (a note and 1–5), undo for a mistake made
 * today, and yesterday can still be logged (a late night counts).
 */
export function HabitControls({ commitmentId, checkIns, canLogYesterday, actions }: {
  commitmentId: string;
  checkIns: CheckIn[];
  canLogYesterday: boolean;
  actions: HabitActions;
}) {
  const last = checkIns.at(-1);
  const [note, setNote] = useState('');
  const [rating, setRating] = useState<number | undefined>(undefined);
  return (
    <div class="habit">
      <div class="actions">
        <button class="primary" data-testid="habit-check" onClick={() => actions.checkIn(commitmentId)}>{tr('habit_controls_did_it')}</button>
        {last && <button class="quiet" data-testid="undo" onClick={() => actions.undoCheckIn(last.id)}>{tr('habit_controls_undo')}</button>}
        {canLogYesterday && (
          <button class="link" data-testid="log-yesterday" onClick={() => actions.checkIn(commitmentId, 'yesterday')}>{tr('habit_controls_log_yesterday')}</button>
        )}
      </div>
      {last && (
        <details class="how" data-testid="describe">
          <summary>{[last.note && `“${last.note}”`, last.rating && `${last.rating}/5`].filter(Boolean).join(' · ') || tr('habit_controls_how_did_it_go')}</summary>
          <form onSubmit={(e) => { e.preventDefault(); actions.describeCheckIn(last.id, note, rating); }}>
            <input data-testid="note" maxLength={NOTE_MAX} value={note} placeholder={tr('habit_controls_a_word_on_how_it_went_optional')} onInput={(e) => setNote(e.currentTarget.value)} />
            <div class="rating" role="radiogroup" aria-label={tr('habit_controls_how_it_went_1_to_5')}>
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n}>
                  <input type="radio" name={`rating-${last.id}`} data-testid={`rating-${n}`} checked={rating === n} onChange={() => setRating(n)} />
                  {n}
                </label>
              ))}
            </div>
            <button type="submit" data-testid="save-note">{tr('habit_controls_save')}</button>
          </form>
        </details>
      )}
    </div>
  );
}
