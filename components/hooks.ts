import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

/** Bridges a Dexie liveQuery to component state: re-renders whenever the tables it read change. */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('Tandem query failed', e) });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}

/** The current time, refreshed every `everyMs` while the page is open (for countdowns; never stored). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
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
 * False for the first paint, true right after: for secondary content (calendars) that should not hold up
 * what a person needs first (today's status and the next step).
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  return painted;
}
