import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { attempt, RETRY_DELAYS_MS, send } from '@/utils/messages';
import { tr } from '@/utils/core/i18n';

// A person never reads a browser's or a library's error message: what a page shows for a failed action is Tandem's.
describe('what a page shows when an action fails', () => {
  afterEach(() => {
    fakeBrowser.reset();
    vi.useRealTimers();
  });

  it("shows the worker's words for a failure it answered", async () => {
    fakeBrowser.runtime.sendMessage = (async () => ({ failure: 'That commitment no longer exists.' })) as never;
    expect(await attempt(send('focus.start', { commitmentId: 'deep' }))).toEqual({ ok: false, error: 'That commitment no longer exists.' });
  });

  it('says in plain words that Tandem could not finish when the browser keeps throwing, never its message', async () => {
    vi.useFakeTimers();
    let calls = 0;
    fakeBrowser.runtime.sendMessage = (() => {
      calls++;
      throw new Error('Extension context invalidated.');
    }) as never;
    const result = attempt(send('focus.start', { commitmentId: 'deep' }));
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: false, error: tr('messages_tandem_could_not_finish_that') });
    expect(calls).toBe(RETRY_DELAYS_MS.length + 1);
  });

  it("never passes on an unexpected error's own message", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await attempt(Promise.reject(new Error('QuotaExceededError: The quota has been exceeded.')));
    expect(result).toEqual({ ok: false, error: tr('messages_something_went_wrong_on_tandems') });
  });
});
