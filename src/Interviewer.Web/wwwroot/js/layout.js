// The header every page shares: skip link, brand, the menu to every page and the language switch.
// Each page has <header class="site-header"></header> and calls initLayout() once.
import { language, languages, languageNames, chooseLanguage, applyStrings, onLanguageChange } from './i18n.js';
import { node } from './dom.js';

const pages = [
  { href: '/', key: 'nav.interview', paths: ['/', '/index.html'] },
  { href: '/progress.html', key: 'nav.progress', paths: ['/progress', '/progress.html'] },
  { href: '/sessions.html', key: 'nav.sessions', paths: ['/sessions', '/sessions.html'] },
  { href: '/invitations.html', key: 'nav.invitations', paths: ['/invitations', '/invitations.html'] },
  { href: '/batch.html', key: 'nav.batch', paths: ['/batch', '/batch.html'] },
  { href: '/calibrate.html', key: 'nav.calibrate', paths: ['/calibrate', '/calibrate.html'] },
  { href: '/import.html', key: 'nav.import', paths: ['/import', '/import.html'] },
];

/** Builds the shared header into the page's <header class="site-header"> and labels the page in the current language. */
export function initLayout() {
  const header = document.querySelector('header.site-header');
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const nav = node('nav', { class: 'site-nav', 'data-i18n-aria-label': 'nav.label' },
    node('ul', {}, ...pages.map((page) => {
      const link = node('a', { href: page.href, 'data-i18n': page.key });
      if (page.paths.includes(path)) link.setAttribute('aria-current', 'page');
      return node('li', {}, link);
    })));
  const select = node('select', { id: 'language', class: 'language-select', autocomplete: 'off' },
    ...languages.map((lang) => node('option', { value: lang, lang }, languageNames[lang] ?? lang)));
  select.value = language();
  select.addEventListener('change', () => chooseLanguage(select.value));
  onLanguageChange((lang) => { select.value = lang; });
  const switcher = node('div', { class: 'language' }, node('label', { for: 'language', 'data-i18n': 'nav.language' }), select);
  header.replaceChildren(node('a', { class: 'brand', href: '/' }, 'Interviewer'), nav, switcher);
  header.before(node('a', { class: 'skip-link', href: '#main', 'data-i18n': 'skip.link' }));
  document.documentElement.lang = language();
  applyStrings(document);
}
