import { useState } from 'preact/hooks';
import type { BadgeChoice } from '@/utils/core/types';
import { saveSettings } from '@/utils/browser/save-settings';
import { settingsItem } from '@/utils/settings';
import { useStored } from './hooks';

const CHOICES: { value: BadgeChoice; label: string }[] = [
  { value: 'auto', get label() { return "My partner's streak when I have a partner, else my progress today"; } },
  { value: 'own', get label() { return 'My progress today'; } },
  { value: 'partner', get label() { return "My partner's streak"; } },
  { value: 'none', get label() { return 'Nothing'; } },
];

/** What the toolbar badge shows (utils/core/badge.ts); the worker applies it when the setting is saved. */
export function BadgeSetting() {
  const settings = useStored(settingsItem);
  const [message, setMessage] = useState<string | null>(null);
  if (!settings) return null;
  return (
    <section class="card settings">
      <h2><label for="badge-choice">Toolbar badge</label></h2>
      <p class="meta">The little label on Tandem's icon: how many of today's commitments are still to do (a ✓ once all are done), or your partner's streak.</p>
      <select id="badge-choice" data-testid="badge-choice" value={settings.badge ?? 'auto'}
        onChange={async (e) => {
          await saveSettings({ badge: e.currentTarget.value as BadgeChoice });
          setMessage('Saved');
        }}>
        {CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
      {message && <span role="status"> {message}</span>}
    </section>
  );
}
