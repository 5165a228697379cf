import { useState } from 'preact/hooks';
import { DEFAULT_SETTINGS } from '@/utils/core/types';
import { easingDelayAt, EASING_DELAY_MAX, withEasingDelay } from '@/utils/core/easing-time';
import { formatWhen } from '@/utils/core/format';
import { settingsItem } from '@/utils/settings';
import { saveSettings } from '@/utils/browser/save-settings';
import { useNow, useStored } from './hooks';

const days = (n: number) => (n === 0 ? 'at once' : n === 1 ? '1 day' : `${n} days`);

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
      <h2><label for="easing-delay">Making a commitment easier waits</label></h2>
      <p class="meta" id="easing-delay-note">Fewer minutes, fewer days, fewer sites, archiving or a pause take effect after this wait; harder changes apply at once.</p>
      <select id="easing-delay" data-testid="easing-delay" aria-describedby="easing-delay-note" value={String(current)}
        onChange={async (e) => {
          const next = Number(e.currentTarget.value);
          const t = now;
          await saveSettings(withEasingDelay(await settingsItem.getValue(), next, t));
          setMessage(next < easingDelayAt(settings, t) ? `Saved: ${days(next)} from ${formatWhen(t + current * 86_400_000)}` : 'Saved');
        }}>
        {Array.from({ length: EASING_DELAY_MAX + 1 }, (_, n) => <option key={n} value={String(n)}>{days(n)}</option>)}
      </select>
      {lowered && <p class="hint" data-testid="easing-delay-lowered">Becomes {days(lowered.days)} on {formatWhen(lowered.from)}.</p>}
      {message && <span role="status"> {message}</span>}
    </section>
  );
}
