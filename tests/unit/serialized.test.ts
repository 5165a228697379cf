import { describe, expect, it } from 'vitest';
import { coalesced, serialized } from '@/utils/core/serialized';

it('runs calls one at a time, in order, and a failure does not block the next', async () => {
  const log: string[] = [];
  let n = 0;
  const run = serialized(async () => {
    const i = ++n;
    log.push(`start ${i}`);
    await new Promise((r) => setTimeout(r, 5));
    log.push(`end ${i}`);
    if (i === 2) throw new Error('boom');
    return i;
  });
  const results = await Promise.allSettled([run(), run(), run()]);
  expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
});

describe('coalesced', () => {
  /** A run that records what it saw: the value of `written` when it started. */
  function counter() {
    const state = { written: 0, runs: [] as number[] };
    const runs = coalesced(async () => {
      const saw = state.written;
      state.runs.push(saw);
      await new Promise((r) => setTimeout(r, 5));
      return saw;
    });
    return { state, runs };
  }

  it('gives a caller that has just written a run that starts after its write, and shares a queued run', async () => {
    const { state, runs } = counter();
    const first = runs.next();
    state.written = 1; // written while the first run is under way: the first run cannot have seen it
    const [a, b] = [runs.next(), runs.next()];
    expect(await first).toBe(0);
    expect(await a).toBe(1);
    expect(await b).toBe(1);
    expect(state.runs).toEqual([0, 1]); // a burst costs two runs, not three
  });

  it('lets a caller that wrote nothing join the run in progress', async () => {
    const { state, runs } = counter();
    const first = runs.next();
    const joined = runs.current();
    expect(await joined).toBe(await first);
    expect(state.runs).toHaveLength(1);
    await runs.current(); // nothing running: a new run
    expect(state.runs).toHaveLength(2);
  });

  it('starts the queued run even when the one before it failed', async () => {
    let n = 0;
    const runs = coalesced(async () => {
      if (++n === 1) throw new Error('cut off');
      return n;
    });
    const [failed, after] = [runs.next(), runs.next()];
    await expect(failed).rejects.toThrow('cut off');
    expect(await after).toBe(2);
  });
});
