import type { Commitment, CommitmentDraft, Result } from '../core/types';
import { send } from '../messages';
import { requestSiteAccess } from './pages';

/** Saves a commitment from a form: site access first (inside the click), then the worker stores it. */
export async function saveFromForm(draft: CommitmentDraft, id?: string): Promise<Result<Commitment>> {
  const access = await requestSiteAccess(draft.sites);
  if (!access.ok) return access;
  return send('commitment.save', { id, draft });
}
