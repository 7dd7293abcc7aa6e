// UI strings in the language the user chose (remembered), else the browser's. Keys are flat; {name}
// placeholders are filled by t(). This file holds the interview page's strings and those every page shares;
// other pages add theirs with addStrings().
const strings = {
  en: {
    'skip.link': 'Skip to content',
    'nav.label': 'Main',
    'nav.interview': 'Interview',
    'nav.progress': 'My progress',
    'nav.batch': 'Batch grading',
    'nav.calibrate': 'Calibration',
    'nav.sessions': 'Interviews',
    'nav.invitations': 'Invitations',
    'nav.import': 'Import a guide',
    'nav.language': 'Language',
    'reviewer.title': 'Reviewer key',
    'reviewer.label': 'Reviewer key',
    'reviewer.placeholder': 'Paste the reviewer key',
    'reviewer.hint': 'Kept in this browser tab only and sent to the server with each request.',
    'reviewer.saved': 'The reviewer key is set for this tab.',
    'reviewer.change': 'Change key',
    'reviewer.save': 'Use this key',
    'reviewer.forget': 'Forget key',
    'reviewer.missing': 'Enter the reviewer key first.',
    'reviewer.refused': 'The reviewer key was not accepted. Enter it again.',
    'reviewer.unavailable': 'Reviewer access is not set up on this server (no reviewer keys are configured).',
    'http.unreachable': 'The server could not be reached.',
    'http.status': 'The server answered {status}.',
    'common.defaultGrader': '{name} (default)',
    'common.loadBanksFailed': 'The question banks could not be loaded.',
    'setup.title': 'Practice interview',
    'setup.intro': 'Choose a question bank and how many questions you want. Each answer is graded against the key points an interviewer looks for, with a follow-up question on what is missing.',
    'setup.bank': 'Question bank',
    'setup.count': 'Number of questions',
    'setup.categories': 'Categories',
    'setup.name': 'Your name (optional)',
    'setup.start': 'Start interview',
    'setup.starting': 'Starting…',
    'setup.loading': 'Loading question banks…',
    'setup.noBanks': 'No question bank is available on this server.',
    'setup.banksFailed': 'The question banks could not be loaded. Reload the page to try again.',
    'setup.noCategory': 'Choose at least one category.',
    'setup.badCount': 'The number of questions must be between {min} and {max}.',
    'setup.resumeFailed': 'Your previous interview could not be resumed; you can start a new one.',
    'interview.progress': 'Question {index} of {total}',
    'interview.new': 'New interview',
    'interview.newConfirm': 'Leave this interview and start a new one? Your answers so far stay saved on the server.',
    'interview.transcript': 'Conversation',
    'interview.interviewer': 'Interviewer',
    'interview.followUp': 'Follow-up question',
    'interview.question': 'Question {index} of {total}',
    'interview.you': 'You',
    'interview.answer': 'Your answer',
    'interview.hint': 'Press Ctrl+Enter to send.',
    'interview.count': '{count} / {max} characters',
    'interview.send': 'Send answer',
    'interview.skip': 'Skip question',
    'interview.end': 'End interview',
    'interview.endConfirm': 'End the interview now and see the summary?',
    'interview.sending': 'Sending…',
    'interview.queued': 'Waiting for the connection to send your answer…',
    'interview.grading': 'Grading your answer…',
    'interview.loading': 'Resuming your interview…',
    'grade.title': 'Grade',
    'grade.questionScore': 'Question score: {score} / 100',
    'grade.questionScoreChange': 'Question score: {before} → {after} ({gained})',
    'grade.received': 'Answer received.',
    'grade.weight': '(weight {weight})',
    'grade.targets': 'What the follow-up asked about',
    'grade.rule': 'The question score weighs each key point by its weight: covered counts in full, partly covered counts in part (more the more of it you said), missing counts nothing; a follow-up can only raise the points it asks about.',
    'grade.anchoring': 'Scored against the hiring team\'s own scored answers: their scale moves the key-point score by {shift} points, and the closest of their answers count for {weight} % of the score.',
    'summary.answered': 'answered',
    'summary.not_reached': 'not reached',
    'summary.answeredCount': '{answered} of {total} answered',
    'summary.received': 'Interview finished',
    'summary.noStrengths': 'No answered question reached 80 yet.',
    'grade.keyPoints': 'Key points',
    'grade.covered': 'Covered',
    'grade.partial': 'Partly covered',
    'grade.missing': 'Missing',
    'grade.evidence': 'Your words: ',
    'grade.degraded': 'The main grader was unavailable; this grade comes from the keyword grader.',
    'grade.anchors': 'Closest scored answers: ',
    'grade.anchor': '{id} scored {score}/{max} (similarity {similarity})',
    'grade.flag.empty': 'The answer is empty.',
    'grade.flag.too_short': 'The answer is too short to show understanding.',
    'grade.flag.keyword_stuffing': 'The answer reads like a list of terms rather than an explanation.',
    'grade.flag.unverified_evidence': 'Some claimed evidence was not found in your answer and was not counted.',
    'grade.flag.unsupported_evidence': 'Some quoted passages do not show the key point and were not counted.',
    'grade.flag.prompt_injection': 'Parts of the answer address the grader instead of the question; they earned nothing.',
    'summary.title': 'Interview summary',
    'summary.overall': 'Overall score: {score} / 100',
    'summary.questions': 'Questions',
    'summary.question': 'Question',
    'summary.score': 'Score',
    'summary.skipped': 'skipped',
    'summary.followUpAsked': 'with a follow-up question',
    'summary.ended': 'The interview was ended before the last question.',
    'summary.study': 'What a complete answer says',
    'interview.skipped': 'Question skipped.',
    'summary.strengths': 'Strengths',
    'summary.gaps': 'To work on',
    'conn.connecting': 'Connecting to the server…',
    'conn.reconnecting': 'Connection lost. Reconnecting… Your answer is kept and will be sent when the connection is back.',
    'conn.reconnected': 'Connected again.',
    'conn.closed': 'Cannot reach the server. Trying again…',
    'error.empty': 'Write an answer before sending it.',
    'error.tooLong': 'The answer is too long: {count} characters, at most {max}.',
    'error.not_found': 'That interview no longer exists or could not be found.',
    'error.invalid_input': 'The server did not accept that input.',
    'error.forbidden': 'You are not allowed to do that.',
    'error.rate_limited': 'Too many messages in a short time. Wait a moment and try again.',
    'error.conflict': 'That action does not fit the interview’s current state (it may already be over).',
    'error.gradeFailed': 'Your answer could not be graded. Please send it again.',
    'error.unknown': 'Something went wrong on the server. Try again.',
    'error.detail': 'Server said: {detail}',
  },
  es: {
    'skip.link': 'Saltar al contenido',
    'nav.label': 'Principal',
    'nav.interview': 'Entrevista',
    'nav.progress': 'Mi progreso',
    'nav.batch': 'Corrección por lotes',
    'nav.calibrate': 'Calibración',
    'nav.sessions': 'Entrevistas',
    'nav.invitations': 'Invitaciones',
    'nav.import': 'Importar guía',
    'nav.language': 'Idioma',
    'reviewer.title': 'Clave de revisor',
    'reviewer.label': 'Clave de revisor',
    'reviewer.placeholder': 'Pega la clave de revisor',
    'reviewer.hint': 'Se guarda solo en esta pestaña del navegador y se envía al servidor con cada petición.',
    'reviewer.saved': 'La clave de revisor está puesta para esta pestaña.',
    'reviewer.change': 'Cambiar la clave',
    'reviewer.save': 'Usar esta clave',
    'reviewer.forget': 'Olvidar la clave',
    'reviewer.missing': 'Escribe primero la clave de revisor.',
    'reviewer.refused': 'La clave de revisor no es válida. Vuelve a escribirla.',
    'reviewer.unavailable': 'El acceso de revisores no está configurado en este servidor (no hay claves de revisor).',
    'http.unreachable': 'No se puede contactar con el servidor.',
    'http.status': 'El servidor ha respondido {status}.',
    'common.defaultGrader': '{name} (predeterminado)',
    'common.loadBanksFailed': 'No se pudieron cargar los bancos de preguntas.',
    'setup.title': 'Entrevista de práctica',
    'setup.intro': 'Elige un banco de preguntas y cuántas preguntas quieres. Cada respuesta se corrige según los puntos clave que busca un entrevistador, con una pregunta de seguimiento sobre lo que falte.',
    'setup.bank': 'Banco de preguntas',
    'setup.count': 'Número de preguntas',
    'setup.categories': 'Categorías',
    'setup.name': 'Tu nombre (opcional)',
    'setup.start': 'Empezar la entrevista',
    'setup.starting': 'Empezando…',
    'setup.loading': 'Cargando los bancos de preguntas…',
    'setup.noBanks': 'No hay ningún banco de preguntas en este servidor.',
    'setup.banksFailed': 'No se pudieron cargar los bancos de preguntas. Recarga la página para volver a intentarlo.',
    'setup.noCategory': 'Elige al menos una categoría.',
    'setup.badCount': 'El número de preguntas debe estar entre {min} y {max}.',
    'setup.resumeFailed': 'No se pudo reanudar tu entrevista anterior; puedes empezar una nueva.',
    'interview.progress': 'Pregunta {index} de {total}',
    'interview.new': 'Nueva entrevista',
    'interview.newConfirm': '¿Dejar esta entrevista y empezar otra? Tus respuestas quedan guardadas en el servidor.',
    'interview.transcript': 'Conversación',
    'interview.interviewer': 'Entrevistador',
    'interview.followUp': 'Pregunta de seguimiento',
    'interview.question': 'Pregunta {index} de {total}',
    'interview.you': 'Tú',
    'interview.answer': 'Tu respuesta',
    'interview.hint': 'Pulsa Ctrl+Intro para enviar.',
    'interview.count': '{count} / {max} caracteres',
    'interview.send': 'Enviar respuesta',
    'interview.skip': 'Saltar pregunta',
    'interview.end': 'Terminar la entrevista',
    'interview.endConfirm': '¿Terminar la entrevista ahora y ver el resumen?',
    'interview.sending': 'Enviando…',
    'interview.queued': 'Esperando a la conexión para enviar tu respuesta…',
    'interview.grading': 'Corrigiendo tu respuesta…',
    'interview.loading': 'Reanudando tu entrevista…',
    'grade.title': 'Corrección',
    'grade.questionScore': 'Puntuación de la pregunta: {score} / 100',
    'grade.questionScoreChange': 'Puntuación de la pregunta: {before} → {after} ({gained})',
    'grade.received': 'Respuesta recibida.',
    'grade.weight': '(peso {weight})',
    'grade.targets': 'Lo que preguntaba el seguimiento',
    'grade.rule': 'La puntuación de la pregunta pondera cada punto clave por su peso: cubierto cuenta entero, cubierto en parte cuenta una parte (más cuanto más dijiste) y falta no cuenta; una pregunta de seguimiento solo puede subir los puntos por los que pregunta.',
    'grade.anchoring': 'Puntuada con las respuestas que el equipo de selección ya puntuó: su escala mueve la puntuación de los puntos clave {shift} puntos, y las respuestas suyas más parecidas cuentan un {weight} % de la puntuación.',
    'summary.answered': 'respondida',
    'summary.not_reached': 'no alcanzada',
    'summary.answeredCount': '{answered} de {total} respondidas',
    'summary.received': 'Entrevista terminada',
    'summary.noStrengths': 'Ninguna pregunta respondida llega todavía a 80.',
    'grade.keyPoints': 'Puntos clave',
    'grade.covered': 'Cubierto',
    'grade.partial': 'Cubierto en parte',
    'grade.missing': 'Falta',
    'grade.evidence': 'Tus palabras: ',
    'grade.degraded': 'El corrector principal no estaba disponible; esta nota la ha dado el corrector por palabras clave.',
    'grade.anchors': 'Respuestas puntuadas más parecidas: ',
    'grade.anchor': '{id}: {score}/{max} (similitud {similarity})',
    'grade.flag.empty': 'La respuesta está vacía.',
    'grade.flag.too_short': 'La respuesta es demasiado corta para mostrar que entiendes el tema.',
    'grade.flag.keyword_stuffing': 'La respuesta parece una lista de términos más que una explicación.',
    'grade.flag.unverified_evidence': 'Parte de la evidencia señalada no estaba en tu respuesta y no se ha contado.',
    'grade.flag.unsupported_evidence': 'Algunos fragmentos citados no muestran el punto clave y no se han contado.',
    'grade.flag.prompt_injection': 'Partes de la respuesta se dirigen al evaluador en lugar de a la pregunta; no han puntuado.',
    'summary.title': 'Resumen de la entrevista',
    'summary.overall': 'Puntuación global: {score} / 100',
    'summary.questions': 'Preguntas',
    'summary.question': 'Pregunta',
    'summary.score': 'Puntuación',
    'summary.skipped': 'saltada',
    'summary.followUpAsked': 'con pregunta de seguimiento',
    'summary.ended': 'La entrevista se terminó antes de la última pregunta.',
    'summary.study': 'Qué dice una respuesta completa',
    'interview.skipped': 'Pregunta saltada.',
    'summary.strengths': 'Puntos fuertes',
    'summary.gaps': 'Para mejorar',
    'conn.connecting': 'Conectando con el servidor…',
    'conn.reconnecting': 'Se ha perdido la conexión. Reconectando… Tu respuesta se conserva y se enviará cuando vuelva la conexión.',
    'conn.reconnected': 'Conexión recuperada.',
    'conn.closed': 'No se puede contactar con el servidor. Reintentando…',
    'error.empty': 'Escribe una respuesta antes de enviarla.',
    'error.tooLong': 'La respuesta es demasiado larga: {count} caracteres, como máximo {max}.',
    'error.not_found': 'Esa entrevista ya no existe o no se ha encontrado.',
    'error.invalid_input': 'El servidor no ha aceptado esos datos.',
    'error.forbidden': 'No tienes permiso para hacer eso.',
    'error.rate_limited': 'Demasiados mensajes en poco tiempo. Espera un momento y vuelve a intentarlo.',
    'error.conflict': 'Esa acción no encaja con el estado de la entrevista (puede que ya haya terminado).',
    'error.gradeFailed': 'No se pudo corregir tu respuesta. Vuelve a enviarla.',
    'error.unknown': 'Algo ha fallado en el servidor. Vuelve a intentarlo.',
    'error.detail': 'El servidor ha dicho: {detail}',
  },
};

export const languages = Object.keys(strings);
export const languageNames = { en: 'English', es: 'Español' };

const storageKey = 'interviewer.language';
const listeners = new Set();

function stored() {
  try {
    const value = localStorage.getItem(storageKey);
    return value in strings ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag ?? '').toLowerCase().split('-')[0];
    if (base in strings) return base;
  }
  return 'en';
}

let current = stored() ?? browserLanguage();

/** Adds a page's strings: { en: {...}, es: {...} }. */
export function addStrings(more) {
  for (const [lang, entries] of Object.entries(more)) Object.assign(strings[lang] ??= {}, entries);
}

/** The UI language for a bank language: the bank's own when the UI has it, else English. */
export function uiLanguageFor(bankLanguage) {
  const base = String(bankLanguage ?? '').toLowerCase().split('-')[0];
  return base in strings ? base : 'en';
}

export function language() {
  return current;
}

/** True when the user picked the language with the switch (it then wins over any hint). */
export function languageChosen() {
  return stored() !== null;
}

/** The user's choice: remembered in localStorage, applied to every page from now on. */
export function chooseLanguage(lang) {
  try {
    localStorage.setItem(storageKey, uiLanguageFor(lang));
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
  setLanguage(lang);
}

/** A hint from the content (an interview bank's language), followed only while the user has not chosen. */
export function suggestLanguage(lang) {
  setLanguage(languageChosen() ? current : lang);
}

/** Calls back after every language change, so that a page can re-render what it built with t(). */
export function onLanguageChange(callback) {
  listeners.add(callback);
}

/** Switches the UI language and re-labels every element marked with data-i18n attributes. */
export function setLanguage(lang, root = document) {
  const previous = current;
  current = uiLanguageFor(lang);
  document.documentElement.lang = current;
  applyStrings(root);
  if (previous !== current) for (const callback of listeners) callback(current);
}

/** Fills data-i18n (text), data-i18n-aria-label, data-i18n-placeholder and data-i18n-title under root. */
export function applyStrings(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) {
    el.setAttribute('title', t(el.dataset.i18nTitle));
  }
  const title = document.querySelector('meta[name="i18n-title"]')?.content;
  if (root === document && title) document.title = `${t(title)} · Interviewer`;
}

export function t(key, params = {}) {
  const text = strings[current]?.[key] ?? strings.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** A score such as 62.5 written the UI language's way (62,5 in Spanish). */
export function formatScore(value) {
  const number = Number(value);
  if (value === null || value === undefined || !Number.isFinite(number)) return '—';
  return new Intl.NumberFormat(current, { maximumFractionDigits: 1 }).format(number);
}

/** A number with a fixed count of decimals, the UI language's way. */
export function formatNumber(value, digits = 2) {
  const number = Number(value);
  if (value === null || value === undefined || !Number.isFinite(number)) return '—';
  return new Intl.NumberFormat(current, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(number);
}

/** A date and time, short, in the UI language. */
export function formatDate(value) {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
