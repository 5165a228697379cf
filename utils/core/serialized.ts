/**
 * Runs calls of `fn` one after another, never overlapping: two gate refreshes that overlapped would both
 * read the same DNR rules and the second update would fail on duplicate rule ids; two visit events would
 * both fold from the same stored tracker. A failed call does not block the next.
 */
export function serialized<A extends unknown[], T>(fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const call = () => fn(...args);
    const run = last.then(call, call);
    last = run.catch(() => undefined);
    return run;
  };
}
