import { useState } from 'preact/hooks';
import type { Weekday } from '@/utils/core/types';
import { parseClockTime } from '@/utils/core/days';
import { WEEKDAYS } from '@/utils/core/format';
import { weekdayName } from '@/utils/core/i18n';
import { checkInCallIcs } from '@/utils/core/ics';
import { tr } from '@/utils/core/i18n';

/** "Add our check-in call to my calendar": a weekly event, downloaded as an .ics file in the person's time zone. */
export function CallInvite({ partnerName, timeZone, now }: { partnerName?: string; timeZone: string; now: number }) {
  const [weekday, setWeekday] = useState<Weekday>(0);
  const [time, setTime] = useState('18:30');
  const [error, setError] = useState<string | null>(null);
  const download = () => {
    const t = parseClockTime(time);
    if (!t.ok) return setError(t.error);
    setError(null);
    const text = checkInCallIcs({ timeZone, weekday, minutes: t.value, durationMinutes: 30, partnerName, now, uid: tr('review_tandem', { value: crypto.randomUUID() }) });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'tandem-check-in.ics';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div class="call-invite">
      <p class="hint">{tr('review_scheduled_check_ins_happen_the')}{partnerName ? ' ' + tr('review_that_suits_too', { partnerName }) : ''}.</p>
      <div class="actions">
        <label>{tr('review_every')}{' '}<select data-testid="call-day" value={String(weekday)} onChange={(e) => setWeekday(Number(e.currentTarget.value) as Weekday)}>
          {WEEKDAYS.map((i) => <option key={i} value={String(i)}>{weekdayName(i)}</option>)}
        </select></label>
        <label>{tr('review_at')}{' '}<input type="time" data-testid="call-time" value={time} onChange={(e) => setTime(e.currentTarget.value)} /></label>
        <button data-testid="add-call" onClick={download}>{tr('review_add_our_check_in_call_to_my')}</button>
      </div>
      <p class="hint">{tr('review_a_weekly_event_at_your_time_also', { time, timeZone })}</p>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
