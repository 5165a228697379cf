import { useState } from 'preact/hooks';
import { FOCUS_MINUTES_MAX, FOCUS_MINUTES_MIN } from '@/utils/core/requirements/focus';
import type { SiteTimeRequirement } from '@/utils/core/requirements/site-time';
import type { RequirementUi } from './index';

/** Minutes on work sites: typed in the form with the sites; nothing to do on a card, the time counts by itself. */
export const siteTimeUi: RequirementUi<SiteTimeRequirement> = {
  kind: 'site-time',
  useDraft(initial) {
    const [minutes, setMinutes] = useState(String(initial.minutes));
    const [sites, setSites] = useState(initial.sites.join('\n'));
    return {
      requirement: { kind: 'site-time', minutes: Number(minutes.trim() || NaN), sites: sites.split('\n') },
      fields: ({ active, choice }) => (
        <>
          <label class="inline">
            {choice}
            <input type="number" class="minutes" data-testid="site-minutes" min={FOCUS_MINUTES_MIN} max={FOCUS_MINUTES_MAX} value={minutes}
              disabled={!active} onInput={(e) => setMinutes(e.currentTarget.value)} aria-label="Minutes on work sites" />
            minutes on work sites (counted on this device only):
          </label>
          {active && (
            <textarea data-testid="work-sites" rows={3} value={sites} onInput={(e) => setSites(e.currentTarget.value)} spellcheck={false}
              placeholder={'docs.google.com\ngithub.com\n*.notion.so'} aria-label="Work sites, one per line" />
          )}
        </>
      ),
    };
  },
  NextStep: ({ requirement, view }) => (
    <p class="hint" data-testid="site-time-hint">
      Time on {requirement.sites.join(', ')} counts by itself{view.today.progress.projectedDoneAt ? ' — counting now' : ''}.
    </p>
  ),
};
