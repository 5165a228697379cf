import { render } from 'preact';
import '@/components/styles.css';
import { startTodayReads } from '@/components/today';
import { PopupApp } from './App';
import { installBrowserMessages } from '@/utils/browser/i18n';

installBrowserMessages();

// The database and settings reads start now, while the first (empty) render and paint happen.
startTodayReads();
render(<PopupApp />, document.getElementById('app')!);
