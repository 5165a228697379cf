import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { blockPageFor, sweepTabs } from '@/utils/browser/gate-effects';
import type { GateState } from '@/utils/core/gate';

const closed: GateState = {
  closed: [{ commitmentId: 'deep', sites: ['mail.google.com', 'www.icloud.com/mail'] }],
  allowedHosts: ['outlook.office.com'],
  nextChangeAt: 0,
};

describe('sweeping open tabs when the gate closes or a tab is focused', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends only tabs on gated sites to the block page, keeping their full URL', async () => {
    const update = vi.fn(async () => ({}));
    fakeBrowser.tabs.update = update as never;
    await sweepTabs(closed, [
      { id: 1, url: 'https://mail.google.com/mail/u/0/#inbox' },
      { id: 2, url: 'https://example.org/?q=mail.google.com' },
      { id: 3, url: 'https://www.icloud.com/photos' },
      { id: 4, url: 'https://outlook.office.com/mail/' }, // let through by "go anyway"
      { id: 5 }, // a tab whose URL the extension may not see
      { id: 6, url: 'https://www.icloud.com/mail/inbox' },
    ]);
    expect(update.mock.calls).toEqual([
      [1, { url: blockPageFor('https://mail.google.com/mail/u/0/#inbox', { swept: true }) }],
      [6, { url: blockPageFor('https://www.icloud.com/mail/inbox', { swept: true }) }],
    ]);
    expect(blockPageFor('https://a.example/#x')).toMatch(/^chrome-extension:\/\/.+\/block\.html#https:\/\/a\.example\/#x$/);
  });

  it('does nothing while the gate is open', async () => {
    const update = vi.fn(async () => ({}));
    fakeBrowser.tabs.update = update as never;
    await sweepTabs({ ...closed, closed: [] }, [{ id: 1, url: 'https://mail.google.com/' }]);
    expect(update).not.toHaveBeenCalled();
  });
});
