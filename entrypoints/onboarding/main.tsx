import { render } from 'preact';
import '@/components/styles.css';
import { OnboardingApp } from './App';

render(<OnboardingApp />, document.getElementById('app')!);
