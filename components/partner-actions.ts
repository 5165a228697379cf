import { attempt, send } from '@/utils/messages';
import { openPage } from '@/utils/browser/pages';
import { setPartnerNotifications } from '@/utils/browser/permissions';
import type { PartnerActions } from './partners-data';

/**
 * The partner actions of a real page: the worker through the message protocol, the browser through its
 * adapters. Only entrypoints import this; the components get it as `actions`.
 */
export const partnerActions: PartnerActions = {
  name: (name) => attempt(send('partner.name', { name })),
  invite: () => attempt(send('partner.invite', {})),
  cancel: () => attempt(send('partner.cancelInvite', {})),
  redeem: (code) => attempt(send('partner.redeem', { code })),
  end: (pairId) => attempt(send('partner.end', { pairId })),
  dismiss: (pairId) => attempt(send('partner.dismiss', { pairId })),
  share: (commitmentId, pairId, shared) => attempt(send('partner.share', { commitmentId, pairId, shared })),
  primary: (pairId) => attempt(send('partner.primary', { pairId })),
  refresh: (reason) => attempt(send('partner.pull', { reason })),
  setNotifications: (on) => attempt(setPartnerNotifications(on)),
  openOptions: () => void openPage('/options.html'),
  grant: (pairId, commitmentId, day) => attempt(send('partner.grant', { pairId, commitmentId, day })),
  approve: (pairId, commitmentId, day) => attempt(send('partner.approve', { pairId, commitmentId, day })),
  send: (pairId, kind, text) => attempt(send('partner.send', { pairId, kind, text })),
  unsend: (pairId, messageId) => attempt(send('partner.unsend', { pairId, messageId })),
  reviewRead: (pairId) => attempt(send('partner.reviewRead', { pairId })),
  reviewShare: (choice) => attempt(send('partner.reviewShare', choice)),
  openReview: () => void openPage('/review.html'),
};
