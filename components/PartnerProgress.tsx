import { partnerProgressLines } from '@/utils/core/partners/partner';
import { usePullOnOpen, type PartnerActions, type PartnersView } from './partners-data';
import { tr } from '@/utils/core/i18n';
import { systemTimeZone } from '@/utils/clock-of';

/** The block page's mirror: what partners have done today ("Sam finished Deep work at 9:40"). */
export function PartnerProgress({ view, actions }: { view: PartnersView; actions: PartnerActions }) {
  usePullOnOpen(view, actions);
  if (!view.available) return null;
  const timeZone = systemTimeZone();
  const lines = view.live.flatMap((p) => {
    const s = view.summaries.get(p.id)?.summary;
    return s ? partnerProgressLines(s, timeZone, undefined, view.now) : [];
  });
  if (lines.length === 0) return null;
  return (
    <section class="partner-progress" aria-label={tr('partner_progress_your_partners_today')} data-testid="partner-progress">
      {lines.map((line) => <p key={line}>{line}</p>)}
    </section>
  );
}
