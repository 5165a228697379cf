import { useState } from 'preact/hooks';
import type { Settings } from '@/utils/core/types';
import { checkGoAnywayMinutes, goAnywayMinutesOf, GO_ANYWAY_MINUTES_MAX, GO_ANYWAY_MINUTES_MIN } from '@/utils/core/go-anyway';
import { tr } from '@/utils/core/i18n';

/**
 * "Go anyway lets me in for [5] minutes": how long the block page's one choice after the breathing pause opens a
 * site. A value out of range is said in words and saves nothing (the worker refuses it too).
 */
export function GoAnywaySetting({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => Promise<void> }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const saved = goAnywayMinutesOf(settings);
  return (
    <div class="go-anyway-setting">
      <h2 id="go-anyway-label">{tr('go_anyway_setting_going_anyway')}</h2>
      <label class="inline">
        {tr('go_anyway_setting_go_anyway_lets_me_in_for')}<input type="number" class="minutes" data-testid="go-anyway-minutes" min={GO_ANYWAY_MINUTES_MIN} max={GO_ANYWAY_MINUTES_MAX}
          step={1} value={String(saved)} aria-invalid={message?.error ? 'true' : undefined}
          aria-describedby={message ? 'go-anyway-message' : undefined}
          onChange={async (e) => {
            const raw = e.currentTarget.value.trim();
            const checked = checkGoAnywayMinutes(raw === '' ? NaN : Number(raw));
            if (!checked.ok) return setMessage({ text: checked.error, error: true });
            await save({ goAnywayMinutes: checked.value });
            setMessage({ text: tr('go_anyway_setting_saved'), error: false });
          }} />{' '}{tr('go_anyway_setting_minutes')}</label>
      <p class="meta">{tr('go_anyway_setting_after_a_short_breathing_pause_on')}</p>
      {message && (
        <p id="go-anyway-message" data-testid="go-anyway-message" class={message.error ? 'error' : 'meta'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
