/**
 * Partner sync's services, one file per job in utils/services/partners/ (docs/sync.md): pairing, the outbox
 * (queue and deliver), pull, ending, the pairs kept on this device, and the `Remote` they talk to. This is
 * their public face for the worker, the tests and the benchmark.
 */
export type { SyncDeps, StateStore } from './partners/deps';
export type { Remote, InviteOnServer, PairOnServer } from './partners/remote';
export { RemoteError, isOffline, isRefused } from './partners/remote';
export { setName, createInvite, cancelInvite, redeemInvite } from './partners/pairing';
export { queueSummaries, deliver } from './partners/outbox';
export { pull } from './partners/pull';
export { grantRepair, receiveGrants } from './partners/grants';
export { approveEasing, receiveApprovals } from './partners/approvals';
export { endPair } from './partners/ending';
export { dismissEnded, setShared, setPrimary, pullWanted, hasPartners, partnerBadge } from './partners/pairs';
export { queueReviews, setReviewShare, markReviewRead } from './partners/review-share';
export { sendToPartner, unsend } from './partners/messages';
export { notifyTogether } from './partners/talk';
