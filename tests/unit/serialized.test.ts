import { expect, it } from 'vitest';
import { serialized } from '@/utils/core/serialized';

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
