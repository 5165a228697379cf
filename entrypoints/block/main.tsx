import { render } from 'preact';
import '@/components/styles.css';
import { BlockApp } from './App';

render(<BlockApp />, document.getElementById('app')!);
