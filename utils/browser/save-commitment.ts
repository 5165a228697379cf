import type { Commitment, CommitmentDraft, Result } from '../core/types';
import { attempt, send } from '../messages';
import { requestSiteAccess } from './permissions';

/** Saves a commitment from a form: site access first (inside the click), then the worker stores it. */
export async function saveFromForm(draft: CommitmentDraft, id?: string): Promise<Result<Commitment>> {
  const work = draft.requirement.kind === 'site-time' ? draft.requirement.sites : [];
  const access = await requestSiteAccess([...draft.sites, ...work]);
  if (!access.ok) return access;
  return attempt(send('commitment.save', { id, draft }));
}
