import { mount } from 'svelte';
import './ui/fonts.css';
import './ui/global.css';
import App from './ui/App.svelte';
import { firstLocaleReady } from './lib/i18n/locale.svelte.ts';

// In the visitor's language from the first frame: a language other than the default is one small fetch away.
void firstLocaleReady.then(() => mount(App, { target: document.getElementById('app')! }));
