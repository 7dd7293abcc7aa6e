// Menus filled from the service: the question banks and the graders this server has configured.
import { t, onLanguageChange } from './i18n.js';
import { getJson } from './api.js';

function option(value, text) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

/**
 * Fills a bank menu (title and id), after an "any bank" choice labelled by the string key anyKey when given (relabelled on
 * a language change); keeps the current choice when it is still there. Returns the banks.
 */
export async function fillBanks(select, { anyKey = null } = {}) {
  const banks = await getJson('/api/banks');
  const previous = select.value;
  const any = anyKey ? option('', t(anyKey)) : null;
  any?.setAttribute('data-i18n', anyKey);
  select.replaceChildren(...(any ? [any] : []), ...banks.map((bank) => option(bank.id, `${bank.title} (${bank.id})`)));
  if ([...select.options].some((o) => o.value === previous)) select.value = previous;
  return banks;
}

/** Fills a grader menu with the configured graders only, the default first and marked. */
export async function fillGraders(select) {
  const graders = await getJson('/api/graders');
  const names = [graders.default, ...graders.names.filter((name) => name !== graders.default)];
  const previous = select.value;
  select.replaceChildren(...names.map((name) => option(name, name)));
  select.dataset.defaultGrader = graders.default;
  labelDefaultGrader(select);
  if (names.includes(previous)) select.value = previous;
  return graders;
}

function labelDefaultGrader(select) {
  const name = select.dataset.defaultGrader;
  const first = select.options[0];
  if (first?.value === name) first.textContent = t('common.defaultGrader', { name });
}

onLanguageChange(() => document.querySelectorAll('select[data-default-grader]').forEach(labelDefaultGrader));
