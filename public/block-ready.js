// A plain script, outside the bundle, so it runs as soon as the block page is committed and before the
// app's modules have loaded: the gate's work ends here (the static message in block.html is showing).
// The benchmark reads this mark; the page marks 'tandem:block-rendered' once it shows the commitment.
performance.mark('tandem:block-ready');
// The page's one storage read starts here, while block-early.js is still being fetched and compiled: the gate, the
// settings and the worker's block preview (FIRST_READ_KEYS in utils/storage-keys.ts; tests/unit/block-ready.test.ts).
try {
  window.tandemBlockRead = (globalThis.browser ?? chrome).storage.local.get(['gate', 'settings', 'blockPreview']);
} catch {
  // block-early.js reads them itself.
}
