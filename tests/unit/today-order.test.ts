import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inTodayOrder } from '@/utils/core/today-order';
import type { DayStatus } from '@/utils/core/types';

const STATUSES: DayStatus[] = ['not-today', 'paused', 'pending', 'in-progress', 'done', 'missed'];
const item = (id: string, status: DayStatus) => ({ id, today: { status } });
const order = (xs: { id: string; today: { status: DayStatus } }[]) => inTodayOrder(xs).map((x) => x.id);

describe("the popup's order", () => {
  it('puts what is still to do first, then done, then missed, then what does not apply today', () => {
    expect(order([item('a', 'done'), item('b', 'paused'), item('c', 'pending'), item('d', 'missed'), item('e', 'in-progress'), item('f', 'not-today')]))
      .toEqual(['c', 'e', 'a', 'd', 'b', 'f']);
  });

  it('keeps the given order (oldest first) within a group', () => {
    expect(order([item('a', 'done'), item('b', 'pending'), item('c', 'done'), item('d', 'pending')])).toEqual(['b', 'd', 'a', 'c']);
  });

  it('never puts a done commitment above one still to do, and loses or adds none', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES), { maxLength: 30 }), (statuses) => {
        const views = statuses.map((s, i) => item(String(i), s));
        const sorted = inTodayOrder(views);
        expect([...sorted].sort((a, b) => Number(a.id) - Number(b.id))).toEqual(views);
        const open = (s: DayStatus) => s === 'pending' || s === 'in-progress';
        const lastOpen = sorted.map((v) => open(v.today.status)).lastIndexOf(true);
        const firstDone = sorted.findIndex((v) => v.today.status === 'done');
        if (lastOpen >= 0 && firstDone >= 0) expect(lastOpen).toBeLessThan(firstDone);
      }),
    );
  });
});
