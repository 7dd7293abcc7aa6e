// HTTP calls to the service: the reviewer key (kept per tab in sessionStorage), Problem Details turned into
// one readable message, and downloads of reviewer-only files.
import { t } from './i18n.js';

const keyStorage = 'interviewer.reviewerKey';
const keyListeners = new Set();

/**
 * An error to show the user: message is already in the UI language or the server's own words; status is 0 when the
 * server could not be reached, and keyRefused says the reviewer key sent was refused (and has been forgotten).
 */
export class ApiError extends Error {
  constructor(message, status = 0, { keyRefused = false } = {}) {
    super(message);
    this.status = status;
    this.keyRefused = keyRefused;
  }
}

export const reviewerKey = {
  get() {
    try {
      return sessionStorage.getItem(keyStorage) ?? '';
    } catch {
      return '';
    }
  },
  set(value) {
    const key = String(value ?? '').trim();
    try {
      if (key) sessionStorage.setItem(keyStorage, key);
      else sessionStorage.removeItem(keyStorage);
    } catch {
      // Storage disabled: the key has to be entered again on the next page.
    }
    for (const listener of keyListeners) listener(key);
  },
  /** Calls back when the key is set, changed or refused (empty). */
  onChange(listener) {
    keyListeners.add(listener);
  },
};

/** "Title: detail" from a Problem Details answer, or the status when the body says nothing. */
export async function problemMessage(response) {
  try {
    const problem = JSON.parse(await response.text());
    const text = [problem.title, problem.detail].filter(Boolean).join(': ');
    if (text) return text;
  } catch {
    // Not JSON: fall through to the status.
  }
  return t('http.status', { status: response.status });
}

/**
 * fetch() that sends the reviewer key when asked to and throws an ApiError for any answer but 2xx.
 * A refused key is forgotten, so that the key field asks for it again.
 */
export async function apiFetch(url, { reviewer = false, ...init } = {}) {
  const headers = new Headers(init.headers);
  if (reviewer) {
    const key = reviewerKey.get();
    if (!key) throw new ApiError(t('reviewer.missing'), 401);
    headers.set('Authorization', `Bearer ${key}`);
  }
  let response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch {
    throw new ApiError(t('http.unreachable'));
  }
  if (response.ok) return response;
  // A refused key comes with WWW-Authenticate; any other 403 is the route's answer and says why.
  if (reviewer && (response.status === 401 || (response.status === 403 && response.headers.has('WWW-Authenticate')))) {
    reviewerKey.set('');
    throw new ApiError(t('reviewer.refused'), response.status, { keyRefused: true });
  }
  if (reviewer && response.status === 503) throw new ApiError(t('reviewer.unavailable'), 503);
  throw new ApiError(await problemMessage(response), response.status);
}

export async function getJson(url, options = {}) {
  const response = await apiFetch(url, { ...options, headers: { Accept: 'application/json', ...options.headers } });
  return response.json();
}

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a reviewer-only file (the key goes in a header, so a plain link cannot fetch it). */
export async function download(url, name) {
  const response = await apiFetch(url, { reviewer: true });
  saveBlob(await response.blob(), name);
}
