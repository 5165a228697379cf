import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import * as clock from '@/utils/browser/clock';
import { RETRIED_EVENT } from '@/utils/messages';

/** Bridges a Dexie liveQuery to component state: re-renders whenever the tables it read change. */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('Tandem query failed', e) });
    const reread = () => void query().then(setValue, (e: unknown) => console.error('Tandem query failed', e));
    globalThis.addEventListener?.(RETRIED_EVENT, reread);
    return () => {
      sub.unsubscribe();
      globalThis.removeEventListener?.(RETRIED_EVENT, reread);
    };
  }, deps);
  return value;
}

/**
 * A value read once for the whole page and kept current, shared by the components that show it. Made with
 * `liveSource` or `storedSource`, it starts reading when made: a page can make it before its first render so the
 * reads overlap loading and rendering instead of waiting for an effect after the first paint.
 * It lives as long as the page (nothing unsubscribes).
 */
export interface Source<T> {
  readonly current: T | undefined;
  /** Calls `next` with each new value, at once with the current one if there is one; returns the unsubscribe. */
  subscribe(next: (value: T) => void): () => void;
}

function sourceOf<T>(start: (emit: (value: T) => void) => void): Source<T> {
  let current: T | undefined;
  const listeners = new Set<(value: T) => void>();
  start((value) => {
    current = value;
    for (const next of listeners) next(value);
  });
  return {
    get current() {
      return current;
    },
    subscribe(next) {
      listeners.add(next);
      if (current !== undefined) next(current);
      return () => void listeners.delete(next);
    },
  };
}

/**
 * A Dexie liveQuery as a Source: re-read whenever the tables it read change.
 * The first value comes from a plain read started at once: liveQuery starts its first query only from a timer,
 * and drops its result to read again when a write to those tables lands meanwhile (the worker writes on tab
 * and focus events). The live subscription starts when that value is in; its own first read, right after,
 * catches any write made since. Each read is given the time it runs at (components read the time only here).
 */
export function liveSource<T>(query: (now: number) => Promise<T>): Source<T> {
  return sourceOf((emit) => {
    const failed = (e: unknown) => console.error('Tandem query failed', e);
    const follow = () => void liveQuery(() => query(clock.now())).subscribe({ next: emit, error: failed });
    query(clock.now()).then(emit, failed).finally(follow);
    globalThis.addEventListener?.(RETRIED_EVENT, () => void query(clock.now()).then(emit, failed));
  });
}

/** A value from extension storage as a Source, following changes made anywhere. */
export function storedSource<T>(item: { getValue(): Promise<T>; watch(cb: (v: T) => void): () => void }): Source<T> {
  return sourceOf((emit) => {
    let changed = false;
    item.watch((v) => {
      changed = true;
      emit(v);
    });
    // A change seen by `watch` is newer than what getValue read: never put the older value back.
    void item.getValue().then((v) => changed || emit(v));
  });
}

/** A Source's value in a component: the current one at the first render, then every change. */
export function useSource<T>(source: Source<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(source.current);
  // A layout effect subscribes right after this render (not after the paint): a value that arrives in between is
  // delivered at once by subscribe.
  useLayoutEffect(() => source.subscribe(setValue), [source]);
  return value;
}

/**
 * The current time, refreshed every `everyMs` while the page is open (for countdowns; never stored): the one hook
 * components get the time from.
 */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(clock.now);
  useEffect(() => {
    const id = setInterval(() => setNow(clock.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** A value from extension storage that follows changes made anywhere. */
export function useStored<T>(item: { getValue(): Promise<T>; watch(cb: (v: T) => void): () => void }): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/**
 * Marks the moment a page first shows useful content (read by the benchmark through the Performance API):
 * when that content is in the DOM, the frame it paints in.
 */
export function useReadyMark(name: string, ready: boolean): void {
  useLayoutEffect(() => {
    if (ready && performance.getEntriesByName(name).length === 0) performance.mark(name);
  }, [ready]);
}

/**
 * False for the first paint, true right after: for secondary content (calendars, cards below the first screen)
 * that should not hold up what a person needs first (today's status and the next step). With `after`, counts
 * from the first paint at which `after` is true (e.g. the first paint with data), not the component's first.
 */
export function useAfterFirstPaint(after = true): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!after || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [after]);
  return painted;
}
