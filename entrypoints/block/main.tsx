import '@/components/styles.css';

// The app's modules (~200 KB) are fetched and compiled only once block-early.js has painted the first frame or found
// nothing to paint: loaded alongside it, they held that frame back by ~10 ms on a 2-core machine (docs/architecture.md).
// Without block-early.js (it failed to run), at once.
void (window.tandemBlockFirstFrame ?? Promise.resolve())
  .then(() => import('./start'))
  .then(({ start }) => start());
