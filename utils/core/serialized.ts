/**
 * Runs calls of `fn` one after another, never overlapping: two gate refreshes that overlapped would both
 * read the same DNR rules and the second update would fail on duplicate rule ids. A failed call does not
 * block the next.
 */
export function serialized<T>(fn: () => Promise<T>): () => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const run = last.then(fn, fn);
    last = run.catch(() => undefined);
    return run;
  };
}
