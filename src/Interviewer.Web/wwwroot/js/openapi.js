// The /openapi/ page: Swagger UI (served from this service, no CDN) over /openapi/v1.json. The document follows the
// management rules: with the tab's reviewer key, or without one on the management port. Try-it-out calls carry the key.
import { getJson, reviewerKey } from './api.js';
import { initReviewerPage } from './reviewer-page.js';
import { statusLine } from './status-line.js';
import openapiStrings from './strings/openapi.js';

initReviewerPage(openapiStrings);

const { say } = statusLine(document.getElementById('openapi-message'));

async function load() {
  say('oa.loading');
  let spec;
  try {
    spec = await getJson('/openapi/v1.json', { reviewer: Boolean(reviewerKey.get()) });
  } catch (error) {
    // 404: served on the management port only; 401 or a refused key (forgotten, so the key field asks again): a key is needed.
    if (error.status === 404) say('oa.managementPort');
    else if (error.status === 401 || error.keyRefused) say('oa.needKey');
    else say('oa.failed', { error: error.message });
    return;
  }
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
