import type { Result } from '../../core/types';
import type { Pair } from '../../core/partners/types';
import { fail, ok } from '../../core/result';
import { online, type SyncDeps } from './deps';
import { tr } from '../../core/i18n';
import { isRefused, type NoteKind, type NoteOnServer, type Remote } from './remote';

/**
 * The two halves every note about a partner's commitment shares (issue 11: a repair granted, an easing approved):
 * written by one member when asked, read by the other on a pull. Ending the pair deletes them (remote endPair).
 */

/** Writes a note for the partner in `pairId`; a refusal (the rules) is said in `refusedWords`. */
export async function sendNote(
  deps: SyncDeps,
  kind: NoteKind,
  note: { pairId: string; commitmentId: string; day: string },
  refusedWords: (partnerName: string) => string,
): Promise<Result<null>> {
  const pair = await deps.db.pairs.get(note.pairId);
  if (!pair || pair.ended) return fail(tr('notes_that_partnership_has_ended'));
  return online(deps, async () => {
    const r = await deps.remote();
    try {
      await r.writeNote(kind, note.pairId, note.commitmentId, note.day);
    } catch (e) {
      if (!isRefused(e)) throw e;
      return fail(refusedWords(pair.partnerName));
    }
    return ok(null);
  });
}

/** The partner's notes of this kind in the pair (one's own are ignored); none when the read is refused (ended). */
export async function notesFromPartner(r: Remote, kind: NoteKind, pair: Pair): Promise<NoteOnServer[]> {
  try {
    return (await r.readNotes(kind, pair.id)).filter((n) => n.by === pair.partnerUid);
  } catch (e) {
    if (isRefused(e)) return []; // the pair has ended: the pull tells that
    throw e;
  }
}
