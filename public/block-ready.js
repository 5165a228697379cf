// A plain script, outside the bundle, so it runs as soon as the block page is committed and before the
// app's modules have loaded: the gate's work ends here (the static message in block.html is showing).
// The benchmark reads this mark; the app marks 'tandem:block-rendered' once it shows the commitment.
performance.mark('tandem:block-ready');
