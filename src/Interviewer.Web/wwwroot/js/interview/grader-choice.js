// The setup's grader menu: only the graders this server opens to practice (GET /api/graders), keyword first and chosen
// unless the candidate chose another; hidden when there is nothing to choose.
import { t, onLanguageChange } from '../i18n.js';
import { getJson } from '../api.js';
import { el } from '../render.js';
import { ui } from './view.js';

const keyword = 'keyword';

/** Fills the menu; keeps the remembered choice when it is still offered. Without the list the server's default is used. */
export async function loadGraders(remembered) {
  let practice = [];
  try {
    const graders = await getJson('/api/graders');
    practice = Array.isArray(graders.practice) ? graders.practice : [];
  } catch {
    practice = [];
  }
  const names = practice.includes(keyword) ? [keyword, ...practice.filter((name) => name !== keyword)] : practice;
  ui.grader.replaceChildren(...names.map((name) => el('option', { attrs: { value: name }, text: label(name) })));
  if (names.length > 0) ui.grader.value = names.includes(remembered) ? remembered : names[0];
  ui.graderField.hidden = names.length < 2;
}

/** The grader to ask for, or null to leave the choice to the server. */
export function chosenGrader() {
  return ui.grader.options.length > 0 ? ui.grader.value : null;
}

function label(name) {
  const key = `setup.grader.${name}`;
  const text = t(key);
  return text === key ? name : text;
}

onLanguageChange(() => {
  for (const option of ui.grader.options) option.textContent = label(option.value);
});
