import { useEffect, useState } from 'preact/hooks';
import type { CommitmentView } from '@/utils/core/today';
import { doneTogether, togetherWords } from '@/utils/core/partners/together';
import { rememberSeen } from '@/utils/core/review/celebrations';
import { togetherSeenItem } from '@/utils/review-settings';
import { usePartnersView } from './partners-data';
import { tr } from '@/utils/core/i18n';

/**
 * Done together (issue 10): both partners did every one of today's commitments they share. Shown once per pair and
 * day (stored as seen with the other celebrations); the worker sends a notification too, if those are on.
 */
export function TogetherCelebration({ views }: { views: CommitmentView[] | undefined }) {
  const partners = usePartnersView();
  const [shown, setShown] = useState<{ key: string; text: string }[]>([]);
  const due = views && partners?.available
    ? partners.live.flatMap((pair) => {
        const mine = views.filter((v) => !v.commitment.archivedAt && (v.commitment.sharedWith ?? []).includes(pair.id));
        const day = mine[0]?.today.day ?? '';
        const d = doneTogether(pair.id, { day, statuses: mine.map((v) => v.today.status) }, partners.summaries.get(pair.id)?.summary, partners.now);
        return d ? [{ key: d.key, text: togetherWords(d.name) }] : [];
      })
    : [];
  const keys = due.map((d) => d.key).join();
  useEffect(() => {
    if (due.length === 0) return;
    void (async () => {
      const seen = await togetherSeenItem.getValue();
      const fresh = due.filter((d) => !seen.includes(d.key));
      if (fresh.length === 0) return;
      await togetherSeenItem.setValue(rememberSeen(seen, fresh.map((d) => d.key), 60));
      setShown((before) => [...before, ...fresh.filter((f) => !before.some((b) => b.key === f.key))]);
    })();
  }, [keys]);
  if (shown.length === 0) return null;
  return (
    <section class="celebration" role="status" data-testid="together-celebration">
      {shown.map((c) => <p key={c.key}>🎉 {c.text}</p>)}
      <button class="link" onClick={() => setShown([])}>{tr('together_thanks')}</button>
    </section>
  );
}
