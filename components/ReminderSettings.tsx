import { useState } from 'preact/hooks';
import type { Weekday } from '@/utils/core/types';
import { formatClockTime, parseClockTime } from '@/utils/core/days';
import { WEEKDAYS } from '@/utils/core/format';
import { weekdayName } from '@/utils/core/i18n';
import { DEFAULT_REMINDERS, type ReminderSettings as Settings } from '@/utils/core/reminders';
import { remindersItem } from '@/utils/review-settings';
import { saveReminders } from '@/utils/browser/reminders';
import { useStored } from './hooks';
import { tr } from '@/utils/core/i18n';

/** Reminders as notifications: the weekly review, a commitment whose time is nearly up, and quiet hours. */
export function ReminderSettings() {
  const stored = useStored(remindersItem);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!stored) return null;
  const s = { ...DEFAULT_REMINDERS, ...stored };
  const save = async (patch: Partial<Settings>) => {
    const r = await saveReminders({ ...s, ...patch }, s);
    setMessage(r.ok ? { text: tr('reminder_settings_saved'), error: false } : { text: r.error, error: true });
  };
  const time = (value: string, apply: (m: number) => Partial<Settings>) => {
    const t = parseClockTime(value);
    if (!t.ok) return setMessage({ text: t.error, error: true });
    void save(apply(t.value));
  };
  return (
    <section class="card reminders" data-testid="reminder-settings" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{tr('reminder_settings_reminders')}</h2>
      <label class="check">
        <input type="checkbox" data-testid="remind-review" checked={s.review} onChange={(e) => void save({ review: e.currentTarget.checked })} /> {' '}{tr('reminder_settings_remind_me_of_the_weekly_review')}</label>
      <div class="actions">
        <label>{tr('reminder_settings_on')}{' '}<select data-testid="remind-day" value={String(s.reviewDay)} onChange={(e) => void save({ reviewDay: Number(e.currentTarget.value) as Weekday })}>
          {WEEKDAYS.map((i) => <option key={i} value={String(i)}>{weekdayName(i)}</option>)}
        </select></label>
        <label>{tr('reminder_settings_at')}{' '}<input type="time" data-testid="remind-time" value={formatClockTime(s.reviewMinutes)} onChange={(e) => time(e.currentTarget.value, (m) => ({ reviewMinutes: m }))} /></label>
      </div>
      <label class="check">
        <input type="checkbox" data-testid="remind-closing" checked={s.closing} onChange={(e) => void save({ closing: e.currentTarget.checked })} /> {' '}{tr('reminder_settings_remind_me_30_minutes_before_a')}</label>
      <label class="check">
        <input type="checkbox" data-testid="quiet-on" checked={s.quiet !== null} onChange={(e) => void save({ quiet: e.currentTarget.checked ? DEFAULT_REMINDERS.quiet : null })} /> {' '}{tr('reminder_settings_quiet_hours')}</label>
      {s.quiet && (
        <div class="actions">
          <label>{tr('reminder_settings_from')}{' '}<input type="time" data-testid="quiet-from" value={formatClockTime(s.quiet.from)} onChange={(e) => time(e.currentTarget.value, (m) => ({ quiet: { ...s.quiet!, from: m } }))} /></label>
          <label>{tr('reminder_settings_until')}{' '}<input type="time" data-testid="quiet-until" value={formatClockTime(s.quiet.until)} onChange={(e) => time(e.currentTarget.value, (m) => ({ quiet: { ...s.quiet!, until: m } }))} /></label>
        </div>
      )}
      <p class="hint">{tr('reminder_settings_nothing_is_reminded_once_it_is')}</p>
      {message && <p class={message.error ? 'error' : 'saved'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
