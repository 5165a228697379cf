import { render } from 'preact';
import '@/components/styles.css';
import { OptionsApp } from './App';

render(<OptionsApp />, document.getElementById('app')!);
