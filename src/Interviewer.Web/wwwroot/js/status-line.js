// A page's status line: a message from the strings is said again in the new language when the language changes; a
// server's message is shown as it came (it is in the server's own words).
import { t, onLanguageChange } from './i18n.js';

/** The status line shown in `target`: say(key, params, isError) from the strings, sayError(text) as it is; say(null) clears it. */
export function statusLine(target) {
  let said = null;
  const line = {
    say(key, params = {}, isError = false) {
      said = key ? { key, params, isError } : null;
      target.textContent = key ? t(key, params) : '';
      target.classList.toggle('error', isError);
    },
    sayError(text) {
      said = null;
      target.textContent = text;
      target.classList.add('error');
    },
  };
  onLanguageChange(() => { if (said) line.say(said.key, said.params, said.isError); });
  return line;
}
