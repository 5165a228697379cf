import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockOf, systemTimeZone } from '@/utils/clock-of';
import { DEFAULT_SETTINGS } from '@/utils/core/types';

// Node reads TZ again when it is assigned, as Chromium follows the system's zone.
const original = process.env.TZ;
afterEach(() => {
  vi.useRealTimers();
  process.env.TZ = original;
});

describe('systemTimeZone', () => {
  it('is looked up once a minute: a move to another zone shows within a minute', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    vi.advanceTimersByTime(120_000);
    process.env.TZ = 'Europe/Berlin';
    expect(systemTimeZone()).toBe('Europe/Berlin');
    process.env.TZ = 'America/New_York';
    vi.advanceTimersByTime(30_000);
    expect(systemTimeZone()).toBe('Europe/Berlin');
    vi.advanceTimersByTime(30_000);
    expect(systemTimeZone()).toBe('America/New_York');
    expect(clockOf(DEFAULT_SETTINGS, 0).timeZone).toBe('America/New_York');
  });
});
