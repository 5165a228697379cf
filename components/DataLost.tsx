import { dataMarkerItem } from '@/utils/settings';
import { formatWhen } from '@/utils/core/format';
import { useStored } from './hooks';

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
        Tandem's records on this device were cleared ({formatWhen(lostAt)}), perhaps by the browser or a cleanup
        tool. Your commitments went with them, so no site is held back now. Restore a daily backup under Options → Your data, or make your commitments again to start over.
      </p>
      <button class="quiet" data-testid="data-lost-ok" onClick={() => void dataMarkerItem.setValue({ hadCommitments: false })}>OK</button>
    </section>
  );
}
