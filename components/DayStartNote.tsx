import type { Settings } from '@/utils/core/types';
import { dayStartRule, type FormWindow, gateNowSentence } from '@/utils/core/form-summary';
import { clockOf } from '@/utils/clock-of';
import { useNow } from './hooks';

/**
 * Under the windows: when the person's day starts (their setting) and that "until" that time means all
 * day; and whether the commitment, created now, would hold its sites back right away (from the page's clock).
 */
export function DayStartNote({ id, windows, settings }: {
  id: string;
  /** The windows as typed (times not valid yet are null and left out). */
  windows: readonly FormWindow[];
  settings: Settings;
}) {
  const now = useNow(10_000);
  const { timeZone } = clockOf(settings, now);
  const sentence = gateNowSentence(windows, { now, timeZone, dayStartMinutes: settings.dayStartMinutes });
  return (
    <div class="day-start" id={id}>
      <p class="hint" data-testid="day-start-note">{dayStartRule(settings.dayStartMinutes)}</p>
      {sentence && <p class="hint" data-testid="day-start-now">{sentence}</p>}
    </div>
  );
}
