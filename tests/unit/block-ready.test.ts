import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaKey, FIRST_READ_KEYS, GATE_KEY } from '@/utils/storage-keys';

// public/block-ready.js is a plain script outside the bundle: it names the storage keys itself.
describe('block-ready.js', () => {
  it('starts the read of exactly the keys the block page finishes it with, in their order', () => {
    const script = readFileSync('public/block-ready.js', 'utf8');
    const keys = JSON.parse(script.match(/storage\.local\.get\((\[[^\]]*\])\)/)![1]!.replace(/'/g, '"'));
    expect(keys).toEqual(FIRST_READ_KEYS.map(areaKey));
    expect(areaKey(GATE_KEY)).toBe('gate');
  });
});
