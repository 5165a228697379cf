import { render } from 'preact';
import '@/components/styles.css';
import { startTodayReads } from '@/components/today';
import { PopupApp } from './App';

// The database and settings reads start now, while the first (empty) render and paint happen.
startTodayReads();
render(<PopupApp />, document.getElementById('app')!);
