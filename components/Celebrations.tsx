import { useEffect, useState } from 'preact/hooks';
import { getDb } from '@/utils/db/db';
import { dueCelebrations, rememberSeen, type Celebration, type StreakNow } from '@/utils/core/review/celebrations';
import { celebratedItem } from '@/utils/review-settings';
import { useLive } from './hooks';
import { tr } from '@/utils/core/i18n';

/**
 * A streak milestone (7, 30, 100, 365) or a week whose plans were all kept, shown once each: what is shown is
 * stored as seen at once (extension storage), so it never comes back, after a restart either.
 */
export function Celebrations({ streaks }: { streaks: StreakNow[] | undefined }) {
  const reviews = useLive(() => getDb().reviews.toArray(), []);
  const [shown, setShown] = useState<Celebration[]>([]);
  const ready = streaks !== undefined && reviews !== undefined;
  useEffect(() => {
    if (!ready) return;
    void (async () => {
      const seen = await celebratedItem.getValue();
      const due = dueCelebrations(streaks, reviews, new Set(seen));
      if (due.seen.length === 0) return;
      await celebratedItem.setValue(rememberSeen(seen, due.seen));
      setShown((before) => [...before, ...due.show.filter((c) => !before.some((b) => b.key === c.key))]);
    })();
  }, [ready, streaks?.map((s) => `${s.commitmentId}:${s.current}`).join(), reviews?.length, reviews?.filter((r) => r.status === 'done').length]);
  if (shown.length === 0) return null;
  return (
    <section class="celebration" role="status" data-testid="celebration">
      {shown.map((c) => <p key={c.key}>🎉 {c.text}</p>)}
      <button class="link" onClick={() => setShown([])}>{tr('celebrations_thanks')}</button>
    </section>
  );
}
