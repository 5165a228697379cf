import { useEffect, useState } from 'preact/hooks';
import { send } from '@/utils/messages';

/**
 * Records one arrival per visit to the block page and returns its attempt ids. The ids live in this
 * history entry's state, so a reload (or coming back to the entry) is not a new attempt, and no URL is
 * written anywhere.
 */
export function useArrival(target: string | null, gating: string[] | null): string[] {
  const stored = (history.state as { tandemAttempts?: string[] } | null)?.tandemAttempts;
  const [ids, setIds] = useState<string[] | null>(stored ?? null);
  useEffect(() => {
    if (!target || !gating?.length || ids) return;
    setIds([]);
    void send('block.arrive', { commitmentIds: gating })
      .then((attempts) => {
        const recorded = attempts.map((a) => a.id);
        history.replaceState({ ...(history.state as object | null), tandemAttempts: recorded }, '');
        setIds(recorded);
      })
      .catch((err: unknown) => console.error('Tandem: could not record the arrival', err));
  }, [target, gating?.length]);
  return ids ?? [];
}
