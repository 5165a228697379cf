import { render } from 'preact';
import '@/components/styles.css';
import { OnboardingApp } from './App';
import { installBrowserMessages } from '@/utils/browser/i18n';

installBrowserMessages('page_title_onboarding');

render(<OnboardingApp />, document.getElementById('app')!);
