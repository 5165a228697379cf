// Browsers kept open from one round of a benchmark to the next, so that rounds can be short and many (with
// --against, a build's browser waits idle while the other build's is measured) without paying for a launch,
// onboarding and warm-ups each time. With one round a browser is closed at the end of its run, as before.

/** @template {{ close: () => Promise<void> }} T */
export class Pool {
  /** @type {Map<string, T>} */
  #open = new Map();

  /** The browser under `key`, launched by `launch` the first time. @param {string} key @param {() => Promise<T>} launch */
  async get(key, launch) {
    let s = this.#open.get(key);
    if (!s) this.#open.set(key, (s = await launch()));
    return s;
  }

  /** Closes `key`'s browser unless more rounds follow. @param {string} key @param {{ round: number, rounds: number }} ctx */
  async done(key, { round, rounds }) {
    if (round < rounds - 1) return;
    await this.#open.get(key)?.close().catch(() => {});
    this.#open.delete(key);
  }

  /** Closes every browser still open (teardown, also after a failed run). */
  async closeAll() {
    for (const s of this.#open.values()) await s.close().catch(() => {});
    this.#open.clear();
  }
}
