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

/**
 * One run of `fn` at a time, shared by whoever asks while it waits. `next()` is a run that starts after the
 * call (what a caller that has just written needs: the run must see the write); callers that ask while such a run
 * is still queued share it, so a burst of events costs two runs at most. `current()` joins the run in progress
 * (what a caller that wrote nothing needs, e.g. the worker's own start-up and a page asking for the gate).
 */
export function coalesced<T>(fn: () => Promise<T>): { next(): Promise<T>; current(): Promise<T> } {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const run: Promise<T> = fn().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  };
  const next = (): Promise<T> => {
    if (queued) return queued;
    if (!running) return start();
    queued = running.catch(() => undefined).then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
  return { next, current: () => running ?? next() };
}
