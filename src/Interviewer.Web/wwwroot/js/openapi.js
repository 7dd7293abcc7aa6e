// The /openapi/ page: Swagger UI (served from this service, no CDN) over /openapi/v1.json. The document follows the
// management rules: with the tab's reviewer key, or without one on the management port. Try-it-out calls carry the key.
import { t, onLanguageChange } from './i18n.js';
import { reviewerKey, problemMessage } from './api.js';
import { initReviewerPage } from './reviewer-page.js';
import openapiStrings from './strings/openapi.js';

initReviewerPage(openapiStrings);

const message = document.getElementById('openapi-message');
let said = null;

function say(key, params = {}) {
  said = key ? { key, params } : null;
  message.textContent = key ? t(key, params) : '';
}

onLanguageChange(() => { if (said) say(said.key, said.params); });

async function load() {
  say('oa.loading');
  const key = reviewerKey.get();
  let response;
  try {
    response = await fetch('/openapi/v1.json', { headers: key ? { Authorization: `Bearer ${key}` } : {} });
  } catch {
    say('oa.failed', { error: t('http.unreachable') });
    return;
  }
  if (response.status === 404) {
    say('oa.managementPort');
    return;
  }
  if (response.status === 401 || (response.status === 403 && response.headers.has('WWW-Authenticate'))) {
    if (key) reviewerKey.set(''); // refused: the key field asks again
    say('oa.needKey');
    return;
  }
  if (!response.ok) {
    say('oa.failed', { error: await problemMessage(response) });
    return;
  }
  const spec = await response.json();
  say(null);
  window.SwaggerUIBundle({
    spec,
    domNode: document.getElementById('openapi-ui'),
    deepLinking: false,
    tryItOutEnabled: false,
    requestInterceptor: (request) => {
      const key = reviewerKey.get();
      if (key && !request.headers.Authorization) request.headers.Authorization = `Bearer ${key}`;
      return request;
    },
  });
}

reviewerKey.onChange(() => load());
window.addEventListener('load', () => load());
