import { describe, expect, it, vi } from 'vitest';
import { refocusOnArrival } from '@/utils/browser/visit-events';
import type { Handlers } from '@/utils/messages';

const page = { views: [], turnedBack: { today: 0, week: 0 } };
const handlers = {
  'block.arrive': async () => ({ attempts: [{ id: 'a1' }], page }),
  'block.view': async () => page,
  'gate.refresh': async () => null,
} as unknown as Handlers;

// The tab going to the block page is looked at when the page arrives, not while it loads (utils/browser/visit-events.ts).
describe('refocusOnArrival', () => {
  it('answers an arrival and a view once the tab in front has been looked at, with the handler’s own answer', async () => {
    let looked = 0;
    let release = () => {};
    const refocus = () => new Promise<void>((resolve) => (release = () => (looked++, resolve())));
    const wrapped = refocusOnArrival(handlers, refocus);
    let answered = false;
    const answer = wrapped['block.arrive']({ commitmentIds: ['deep'] }, { id: 'r1' }).then((a) => ((answered = true), a));
    await new Promise((r) => setTimeout(r, 5));
    expect(answered).toBe(false); // a worker stopped before the look leaves the page asking again
    release();
    expect(await answer).toEqual({ attempts: [{ id: 'a1' }], page });
    const view = wrapped['block.view']({ commitmentIds: ['deep'], attemptIds: ['a1'] }, { id: 'r2' });
    release();
    expect(await view).toEqual(page);
    expect(looked).toBe(2);
    expect(wrapped['gate.refresh']).toBe(handlers['gate.refresh']);
  });

  it('still answers when the look fails (logged)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wrapped = refocusOnArrival(handlers, () => Promise.reject(new Error('No tab with id')));
    expect(await wrapped['block.arrive']({ commitmentIds: ['deep'] }, { id: 'r1' })).toEqual({ attempts: [{ id: 'a1' }], page });
    expect(log).toHaveBeenCalled();
  });
});
