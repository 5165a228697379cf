import { render } from 'preact';
import '@/components/styles.css';
import { OptionsApp } from './App';
import { installBrowserMessages } from '@/utils/browser/i18n';

installBrowserMessages('page_title_options');

render(<OptionsApp />, document.getElementById('app')!);
