import { useState } from 'preact/hooks';
import type { CheckIn } from '@/utils/core/types';
import { NOTE_MAX } from '@/utils/core/commitment';

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
        <button class="primary" data-testid="habit-check" onClick={() => actions.checkIn(commitmentId)}>Did it</button>
        {last && <button class="quiet" data-testid="undo" onClick={() => actions.undoCheckIn(last.id)}>Undo</button>}
        {canLogYesterday && (
          <button class="link" data-testid="log-yesterday" onClick={() => actions.checkIn(commitmentId, 'yesterday')}>Log yesterday</button>
        )}
      </div>
      {last && (
        <details class="how" data-testid="describe">
          <summary>{[last.note && `“${last.note}”`, last.rating && `${last.rating}/5`].filter(Boolean).join(' · ') || 'How did it go?'}</summary>
          <form onSubmit={(e) => { e.preventDefault(); actions.describeCheckIn(last.id, note, rating); }}>
            <input data-testid="note" maxLength={NOTE_MAX} value={note} placeholder="A word on how it went (optional)" onInput={(e) => setNote(e.currentTarget.value)} />
            <div class="rating" role="radiogroup" aria-label="How it went, 1 to 5">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n}>
                  <input type="radio" name={`rating-${last.id}`} data-testid={`rating-${n}`} checked={rating === n} onChange={() => setRating(n)} />
                  {n}
                </label>
              ))}
            </div>
            <button type="submit" data-testid="save-note">Save</button>
          </form>
        </details>
      )}
    </div>
  );
}
