import { render } from 'preact';
import '@/components/styles.css';
import '@/components/review/review.css';
import { startReviewReads } from '@/components/review/review-data';
import { ReviewApp } from './App';
import { installBrowserMessages } from '@/utils/browser/i18n';

installBrowserMessages('page_title_review');

// The database and settings reads start now, while the first (empty) render and paint happen.
startReviewReads();
render(<ReviewApp />, document.getElementById('app')!);
