import { getDb } from '@/utils/db/db';
import { loadTalk } from '@/utils/db/talk-queries';
import { useLive } from './hooks';

/** The partners' weekly reviews and the pairs' messages (issue 10), kept current; undefined until the first read. */
export function useTalk() {
  return useLive(() => loadTalk(getDb()), []);
}
export type Talk = NonNullable<ReturnType<typeof useTalk>>;
