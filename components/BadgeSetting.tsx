import { useState } from 'preact/hooks';
import type { BadgeChoice } from '@/utils/core/types';
import { saveSettings } from '@/utils/browser/save-settings';
import { settingsItem } from '@/utils/settings';
import { useStored } from './hooks';
import { tr } from '@/utils/core/i18n';

const CHOICES: { value: BadgeChoice; label: string }[] = [
  { value: 'auto', get label() { return tr('badge_setting_my_partners_streak_when_i_have_a'); } },
  { value: 'own', get label() { return tr('badge_setting_my_progress_today'); } },
  { value: 'partner', get label() { return tr('badge_setting_my_partners_streak'); } },
  { value: 'none', get label() { return tr('badge_setting_nothing'); } },
];

/** What the toolbar badge shows (utils/core/badge.ts); the worker applies it when the setting is saved. */
export function BadgeSetting() {
  const settings = useStored(settingsItem);
  const [message, setMessage] = useState<string | null>(null);
  if (!settings) return null;
  return (
    <section class="card settings">
      <h2><label for="badge-choice">{tr('badge_setting_toolbar_badge')}</label></h2>
      <p class="meta">{tr('badge_setting_the_little_label_on_tandems_icon')}</p>
      <select id="badge-choice" data-testid="badge-choice" value={settings.badge ?? 'auto'}
        onChange={async (e) => {
          await saveSettings({ badge: e.currentTarget.value as BadgeChoice });
          setMessage(tr('badge_setting_saved'));
        }}>
        {CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
      {message && <span role="status"> {message}</span>}
    </section>
  );
}
