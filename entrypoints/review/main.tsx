import { render } from 'preact';
import '@/components/styles.css';
import '@/components/review/review.css';
import { startReviewReads } from '@/components/review/review-data';
import { ReviewApp } from './App';

// The database and settings reads start now, while the first (empty) render and paint happen.
startReviewReads();
render(<ReviewApp />, document.getElementById('app')!);
