import type { Commitment, CommitmentDraft, Result } from '../core/types';
import { trackedSitesOf } from '../core/requirements';
import { attempt, send } from '../messages';
import { requestSiteAccess } from './permissions';

/** Saves a commitment from a form: site access first (inside the click), then the worker stores it. */
export async function saveFromForm(draft: CommitmentDraft, id?: string): Promise<Result<Commitment>> {
  // Work sites are watched, so they need access too.
  const access = await requestSiteAccess([...draft.sites, ...trackedSitesOf(draft.requirement)]);
  if (!access.ok) return access;
  return attempt(send('commitment.save', { id, draft }));
}
