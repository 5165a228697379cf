import { useState } from 'preact/hooks';
import type { SharedCommitment } from '@/utils/core/partners/summary';
import { grantableDay } from '@/utils/core/partners/partner';
import { formatDay } from '@/utils/core/easing-words';
import type { PartnerActions } from './partners-data';
import { tr } from '@/utils/core/i18n';

/**
 * On a partner's shared commitment with a missed day in the last weeks: grant them a repair of it (issue 11). The
 * day then shows as repaired on both sides, never as done. Once per commitment in 14 days; a refusal says so.
 */
export function GrantRepair({ pairId, name, c, day, actions }: { pairId: string; name: string; c: SharedCommitment; day: string; actions: PartnerActions }) {
  const [note, setNote] = useState<string | null>(null);
  const missed = grantableDay(c, day);
  if (!missed || !actions.grant) return null;
  const grant = async () => {
    const r = await actions.grant!(pairId, c.id, missed);
    setNote(r.ok ? tr('grant_repair_granted_s_will_show_as_repaired', { name, value: formatDay(missed) }) : r.error);
  };
  return (
    <span class="hint ahead">
      {note ? <span role="status" data-testid="grant-note">{note}</span> : (
        <button class="link" data-testid="grant-repair" onClick={() => void grant()}>{tr('grant_repair_grant_a_repair_for', { value: formatDay(missed) })}</button>
      )}
    </span>
  );
}
