import { render } from 'preact';
import '@/components/styles.css';
import { BlockApp } from './App';

render(<BlockApp />, document.getElementById('app')!);
// The benchmark measures navigation start → this point (see scripts/bench.mjs).
performance.mark('tandem:block-ready');
