import { useState } from 'preact/hooks';
import { FOCUS_MINUTES_MAX, FOCUS_MINUTES_MIN } from '@/utils/core/requirements/focus';
import type { SiteTimeRequirement } from '@/utils/core/requirements/site-time';
import type { RequirementUi } from './index';
import { tr } from '@/utils/core/i18n';

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
              disabled={!active} onInput={(e) => setMinutes(e.currentTarget.value)} aria-label={tr('requirement_minutes_on_work_sites')} />
            {tr('requirement_minutes_on_work_sites_counted_on')}</label>
          {active && (
            <textarea data-testid="work-sites" rows={3} value={sites} onInput={(e) => setSites(e.currentTarget.value)} spellcheck={false}
              placeholder={tr('requirement_docs_google_com_github_com')} aria-label={tr('requirement_work_sites_one_per_line')} />
          )}
        </>
      ),
    };
  },
  NextStep: ({ requirement, view }) => (
    <p class="hint" data-testid="site-time-hint">
      {tr('requirement_time_on_counts_by_itself', { value: requirement.sites.join(', ') })}{view.today.progress.projectedDoneAt ? ' ' + tr('requirement_counting_now') : ''}.
    </p>
  ),
};
