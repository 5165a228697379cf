import { render } from 'preact';
import '@/components/styles.css';
import { PopupApp } from './App';

render(<PopupApp />, document.getElementById('app')!);
