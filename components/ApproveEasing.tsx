import { useState } from 'preact/hooks';
import type { SharedCommitment } from '@/utils/core/partners/summary';
import type { PartnerActions } from './partners-data';
import { tr } from '@/utils/core/i18n';

/** On a partner's commitment with an easing waiting: approve it, so it applies at once on their side (issue 11). */
export function ApproveEasing({ pairId, name, c, actions }: { pairId: string; name: string; c: SharedCommitment; actions: PartnerActions }) {
  const [note, setNote] = useState<string | null>(null);
  if (!c.easing || !actions.approve) return null;
  const { day } = c.easing;
  const approve = async () => {
    const r = await actions.approve!(pairId, c.id, day);
    setNote(r.ok ? tr('approve_easing_approved_it_applies_for_at_their', { name }) : r.error);
  };
  return (
    <span class="hint ahead">
      {note ? <span role="status" data-testid="approve-note">{note}</span> : (
        <button class="link" data-testid="approve-easing" onClick={() => void approve()}>{tr('approve_easing_approve_it_now')}</button>
      )}
    </span>
  );
}
