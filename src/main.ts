import { mount } from 'svelte';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import './ui/global.css';
import App from './ui/App.svelte';

mount(App, { target: document.getElementById('app')! });
