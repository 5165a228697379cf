import type { Settings, Weekday } from '@/utils/core/types';
import { dayStartRule, gateNowSentence } from '@/utils/core/form-summary';
import { clockOf } from '@/utils/settings';
import { useNow } from './hooks';

/**
 * Beside the window's "until": when the person's day starts (their setting) and that "until" that time means all
 * day; and whether the commitment, created now, would hold its sites back right away (from the page's clock).
 */
export function DayStartNote({ id, days, untilMinutes, settings }: {
  id: string;
  days: readonly Weekday[];
  untilMinutes: number | null;
  settings: Settings;
}) {
  const now = useNow(10_000);
  const { timeZone } = clockOf(settings, now);
  const sentence = gateNowSentence(days, untilMinutes, { now, timeZone, dayStartMinutes: settings.dayStartMinutes });
  return (
    <div class="day-start" id={id}>
      <p class="hint" data-testid="day-start-note">{dayStartRule(settings.dayStartMinutes)}</p>
      {sentence && <p class="hint" data-testid="day-start-now">{sentence}</p>}
    </div>
  );
}
