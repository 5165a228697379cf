import { useState } from 'preact/hooks';
import { DEFAULT_SETTINGS } from '@/utils/core/types';
import { easingDelayAt, EASING_DELAY_MAX, withEasingDelay } from '@/utils/core/easing-time';
import { formatWhen } from '@/utils/core/format';
import { settingsItem } from '@/utils/settings';
import { saveSettings } from '@/utils/browser/save-settings';
import { useNow, useStored } from './hooks';
import { tr, trCount } from '@/utils/core/i18n';

const days = (n: number) => (n === 0 ? tr('easing_delay_setting_at_once') : trCount('easing_delay_setting_day_count', n));

/**
 * How long a change that makes a commitment easier waits. Raising it applies at once; lowering it waits the delay
 * in force (so it cannot be used to ease a commitment sooner).
 */
export function EasingDelaySetting() {
  const settings = useStored(settingsItem) ?? DEFAULT_SETTINGS;
  const now = useNow(1000);
  const [message, setMessage] = useState<string | null>(null);
  const current = easingDelayAt(settings, now);
  const lowered = settings.easingDelayLowered && settings.easingDelayLowered.from > now ? settings.easingDelayLowered : undefined;
  return (
    <section class="card settings">
      <h2><label for="easing-delay">{tr('easing_delay_setting_making_a_commitment_easier_waits')}</label></h2>
      <p class="meta" id="easing-delay-note">{tr('easing_delay_setting_fewer_minutes_fewer_days_fewer')}</p>
      <select id="easing-delay" data-testid="easing-delay" aria-describedby="easing-delay-note" value={String(current)}
        onChange={async (e) => {
          const next = Number(e.currentTarget.value);
          const t = now;
          await saveSettings(withEasingDelay(await settingsItem.getValue(), next, t));
          setMessage(next < easingDelayAt(settings, t) ? tr('easing_delay_setting_saved_from', { value: days(next), value2: formatWhen(t + current * 86_400_000) }) : tr('easing_delay_setting_saved'));
        }}>
        {Array.from({ length: EASING_DELAY_MAX + 1 }, (_, n) => <option key={n} value={String(n)}>{days(n)}</option>)}
      </select>
      {lowered && <p class="hint" data-testid="easing-delay-lowered">{tr('easing_delay_setting_becomes_on', { value: days(lowered.days), value2: formatWhen(lowered.from) })}</p>}
      {message && <span role="status"> {message}</span>}
    </section>
  );
}
