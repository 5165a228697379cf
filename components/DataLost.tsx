import { dataMarkerItem } from '@/utils/settings';
import { formatWhen } from '@/utils/core/format';
import { useStored } from './hooks';
import { tr } from '@/utils/core/i18n';

/**
 * Said once, after the worker found this device's records gone (utils/services/data-check.ts): why nothing is
 * held back any more, and what to do. Stays until the person dismisses it.
 */
export function DataLost() {
  const lostAt = useStored(dataMarkerItem)?.lostAt;
  if (lostAt === undefined) return null;
  return (
    <section class="card notice" role="alert" data-testid="data-lost">
      <p>
        {tr('data_lost_tandems_records_on_this_device', { value: formatWhen(lostAt) })}</p>
      <button class="quiet" data-testid="data-lost-ok" onClick={() => void dataMarkerItem.setValue({ hadCommitments: false })}>{tr('data_lost_ok')}</button>
    </section>
  );
}
