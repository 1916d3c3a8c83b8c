// The demo's staff controls, through the reference backend's staff APIs (server/README.md): start
// and end emergency mode ("Emergency mode"), act on public-records requests ("Public records",
// Staff), and publish a city form from its definition ("City forms"). The token is sent, never
// stored.
const tokenInput = document.getElementById('staff-token');
const form = document.getElementById('emergency-form');
const status = document.getElementById('emergency-status');
const result = document.getElementById('staff-result');
const banner = document.querySelector('civic-alert-banner');

async function showEmergency() {
  const res = await fetch('/alerts/v1/emergency.json');
  const { emergency } = await res.json();
  status.textContent = emergency
    ? `In force: ${emergency.name}, until ${new Date(emergency.ends).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}.`
    : 'No emergency is in force.';
}

/** The token typed at the top, or `undefined` after saying in `where` that it is missing. */
function staffToken(where) {
  const token = tokenInput.value.trim();
  if (token) return token;
  where.textContent = 'Error: enter the staff token.';
  tokenInput.focus();
  return undefined;
}

/** The contract's error words (`errors[].description` for alerts, `errors[].field/message` for records, `errors[].message` for forms). */
function problemOf(answer, status) {
  const said = (answer.errors ?? []).map((e) => e.description ?? (e.field ? `${e.field}: ${e.message}` : e.message)).join(' ');
  return `Error: ${said || `the server answered ${status}.`}`;
}

async function send(body) {
  const token = staffToken(result);
  if (!token) return;
  const res = await fetch('/alerts/v1/emergency.json', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) {
    result.textContent = problemOf(answer, res.status);
    return;
  }
  result.textContent = body.action === 'start' ? `Emergency started: ${answer.emergency.name}.` : `Emergency ended: ${answer.ended}.`;
  await Promise.all([showEmergency(), banner?.refresh()]);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const hours = Number(form.elements.hours.value);
  const ends = new Date(Date.now() + (Number.isFinite(hours) && hours > 0 ? hours : 48) * 3_600_000);
  void send({ action: 'start', name: form.elements.name.value.trim(), ends: ends.toISOString(), everyday: form.elements.everyday.value });
});
document.getElementById('end-emergency').addEventListener('click', () => void send({ action: 'end' }));
void showEmergency();

// Public-records requests.
const recordsList = document.getElementById('records-list');
const recordsStatus = document.getElementById('records-status');
const FINISHED = new Set(['released', 'denied', 'closed']);
const STATUS_WORDS = {
  submitted: 'Submitted',
  acknowledged: 'Acknowledged',
  clarification_requested: 'Waiting for clarification',
  fee_estimate: 'Waiting for fee payment',
  extended: 'Extended',
  partially_released: 'Partly released',
  reopened: 'Reopened',
};
const ACTIONS = [
  { type: 'acknowledged', label: 'Acknowledge', done: 'Acknowledged' },
  { type: 'clarification_requested', label: 'Ask for clarification', done: 'Clarification asked for' },
  { type: 'fee_estimate', label: 'Set fee', done: 'Fee estimate sent' },
  { type: 'released', label: 'Release document', done: 'Document released' },
  { type: 'closed', label: 'Close', done: 'Closed' },
];

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, '');
    else if (value !== false && value !== undefined) node.setAttribute(name, value);
  }
  // Requesters' words arrive as text, never as markup.
  node.append(...children);
  return node;
}

function field(id, label, control, hint) {
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return el('div', {}, el('label', { for: id }, label), ...(hint ? [el('p', { class: 'hint', id: hintId }, hint)] : []), control);
}

function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** One open request: what it asks, when it is due, and a form of actions on it. */
function requestItem(request, index) {
  const id = `records-${index}`;
  const headingId = `${id}-title`;
  const due = request.due_date ? `, due ${request.due_date}` : '';
  const who = [request.requester?.name_first, request.requester?.name_last].filter(Boolean).join(' ') || request.requester?.email || 'anonymous requester';
  const outcome = el('p', { role: 'status', id: `${id}-result` });
  const actionsForm = el(
    'form',
    { class: 'staff-form', 'aria-labelledby': headingId, novalidate: true, 'data-tracking': request.tracking_number },
    field(`${id}-message`, 'Message to the requester (optional)', el('textarea', { id: `${id}-message`, name: 'message' }), 'Goes with the action you choose.'),
    field(`${id}-fee`, 'Fee in dollars (for “Set fee”)', el('input', { id: `${id}-fee`, name: 'fee', type: 'text', inputmode: 'decimal', autocomplete: 'off' })),
    field(`${id}-document`, 'Document (for “Release document”)', el('input', { id: `${id}-document`, name: 'document', type: 'file' })),
    el(
      'div',
      { class: 'check' },
      el('input', { id: `${id}-public`, name: 'public', type: 'checkbox' }),
      el('label', { for: `${id}-public` }, 'Publish the document in the public log (otherwise only the requester can open it)'),
    ),
    el('div', { class: 'staff-actions' }, ...ACTIONS.map((a) => el('button', { type: 'button', class: 'end', 'data-type': a.type }, a.label))),
  );
  // Enter in the fee field would submit the form: only a button sends an action, never a guess.
  actionsForm.addEventListener('submit', (event) => event.preventDefault());
  actionsForm.addEventListener('click', (event) => {
    const type = event.target.closest?.('button[data-type]')?.dataset.type;
    if (type) void act(actionsForm, type, outcome);
  });
  return el(
    'li',
    {},
    el('h3', { id: headingId }, `${request.tracking_number}: ${STATUS_WORDS[request.status] ?? request.status}${due}`),
    el('p', {}, request.request_description),
    el('p', { class: 'hint' }, `From ${who}, received ${request.received_date}.`),
    actionsForm,
    outcome,
  );
}

/** Sends one staff event for the request of `actionsForm`, and says what happened in `outcome`. */
async function act(actionsForm, type, outcome) {
  const action = ACTIONS.find((a) => a.type === type);
  const token = action && staffToken(outcome);
  if (!token) return;
  const tracking = actionsForm.dataset.tracking;
  const message = actionsForm.elements.message.value.trim();
  if (type === 'clarification_requested' && !message) {
    outcome.textContent = 'Error: write what you need to know in the message to the requester.';
    actionsForm.elements.message.focus();
    return;
  }
  const body = { type, ...(message ? { message } : {}) };
  if (type === 'fee_estimate') {
    body.fee_amount = actionsForm.elements.fee.value.trim().replace(/^\$/, '');
    if (!/^\d{1,7}(\.\d{1,2})?$/.test(body.fee_amount)) {
      outcome.textContent = 'Error: enter the fee in dollars, for example 25.00.';
      actionsForm.elements.fee.focus();
      return;
    }
  }
  if (type === 'released') {
    const file = actionsForm.elements.document.files[0];
    if (!file) {
      outcome.textContent = 'Error: choose the document to release.';
      actionsForm.elements.document.focus();
      return;
    }
    body.documents = [{ name: file.name, content_type: file.type || 'application/octet-stream', content_base64: await readBase64(file), public: actionsForm.elements.public.checked }];
  }
  outcome.textContent = 'Sending…';
  const res = await fetch(`/records/v1/requests/${encodeURIComponent(tracking)}/events.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) {
    // Keep what was typed, so the action can be sent again once corrected.
    outcome.textContent = problemOf(answer, res.status);
    return;
  }
  outcome.textContent = `${action.done}: ${tracking}.`;
  actionsForm.elements.message.value = '';
  const heading = actionsForm.parentElement.querySelector('h3');
  const due = answer.due_date ? `, due ${answer.due_date}` : '';
  heading.textContent = `${tracking}: ${FINISHED.has(answer.status) ? answer.status.replace(/^./, (c) => c.toUpperCase()) : STATUS_WORDS[answer.status] ?? answer.status}${due}`;
}

async function loadRecords() {
  const token = staffToken(recordsStatus);
  if (!token) return;
  recordsStatus.textContent = 'Loading requests…';
  const res = await fetch('/records/v1/staff/requests.json', { headers: { Authorization: `Bearer ${token}` } });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) {
    recordsStatus.textContent = problemOf(answer, res.status);
    return;
  }
  const open = (answer.requests ?? []).filter((r) => !FINISHED.has(r.status)).reverse();
  recordsList.replaceChildren(...open.map(requestItem));
  recordsStatus.textContent = open.length === 1 ? '1 open request.' : `${open.length} open requests.`;
}

document.getElementById('records-load').addEventListener('click', () => void loadRecords());

/** `fetch`, or `undefined` after saying in `where` that the server could not be reached. */
async function reach(url, init, where) {
  try {
    return await fetch(url, init);
  } catch {
    const words = 'Error: the server could not be reached. Check the connection and try again; nothing was changed.';
    if (where.localName === 'p') where.textContent = words;
    else where.replaceChildren(el('p', {}, words));
    return undefined;
  }
}

// City forms: check and publish a definition file (PUT /forms/v1/forms/{slug}.json).
const formsForm = document.getElementById('forms-publish');
const formsResult = document.getElementById('forms-result');

function formsSay(...children) {
  formsResult.replaceChildren(...children);
}

/** Publishes `definition` (from `source`, a file name) and says in `where` what happened. */
async function publishDefinition(definition, source, where, token) {
  const say = (...children) => where.replaceChildren(...children);
  const slug = typeof definition?.slug === 'string' ? definition.slug : '';
  if (!/^[a-z0-9-]+$/.test(slug)) {
    say(el('p', {}, `Error: ${source} has no slug of lowercase letters, digits and hyphens (for example "block-party-permit"), so it has no address to publish at.`));
    return false;
  }
  say(el('p', {}, 'Checking and publishing…'));
  const res = await reach(`/forms/v1/forms/${slug}.json`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(definition),
  }, where);
  if (!res) return false;
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) {
    const problems = answer.errors ?? [];
    // Where and what, one line each: the definition's own words for its own mistakes.
    say(
      el('p', {}, problems.length ? `Not published: ${source} has ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}. Mend ${problems.length === 1 ? 'it' : 'them'} and choose the file again.` : problemOf(answer, res.status)),
      ...(problems.length ? [el('ul', { class: 'staff-problems' }, ...problems.map((e) => el('li', {}, el('code', {}, e.path ?? e.field ?? ''), `: ${e.message ?? e.description ?? ''}`)))] : []),
    );
    return false;
  }
  const name = definition.name?.en ?? slug;
  void listForms();
  say(
    el('p', {}, `Published: ${name}, version ${answer.version}. It is in the forms catalog now. `, el('a', { href: `/forms/${slug}.html` }, `Open the page of ${name}`), '.'),
    el('p', {}, 'To put it on a page of your own site, paste this inside the page’s ', el('code', {}, '<civic-hall forms-endpoint="…">'), ':'),
    el('pre', {}, el('code', {}, `<civic-form form="${slug}"></civic-form>`)),
  );
  return true;
}

async function publishForm() {
  const fileInput = formsForm.elements.definition;
  const file = fileInput.files[0];
  if (!file) {
    formsSay(el('p', {}, 'Error: choose the definition file to publish.'));
    fileInput.focus();
    return;
  }
  const token = staffToken(formsResult);
  if (!token) return;
  let definition;
  try {
    definition = JSON.parse(await file.text());
  } catch (error) {
    formsSay(el('p', {}, `Error: ${file.name} is not JSON (${error.message}). Save the definition as a .json file and choose it again.`));
    return;
  }
  if (await publishDefinition(definition, file.name, formsResult, token)) fileInput.value = '';
}

// A draft from a PDF or a Form.io form (POST /forms/v1/import.json): its report, a download, and
// publishing it as it is.
const draftForm = document.getElementById('forms-draft');
const draftResult = document.getElementById('draft-result');
let draftUrl;

async function makeDraft() {
  const fileInput = draftForm.elements.source;
  const file = fileInput.files[0];
  if (!file) {
    draftResult.replaceChildren(el('p', {}, 'Error: choose the PDF or the Form.io file to draft from.'));
    fileInput.focus();
    return;
  }
  const token = staffToken(draftResult);
  if (!token) return;
  const pdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  draftResult.replaceChildren(el('p', {}, `Reading ${file.name}…`));
  const res = await reach(`/forms/v1/import.json?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': pdf ? 'application/pdf' : 'application/json', Authorization: `Bearer ${token}` },
    body: file,
  }, draftResult);
  if (!res) return;
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) {
    draftResult.replaceChildren(el('p', {}, `No draft: ${(answer.errors ?? []).map((e) => e.message).join(' ') || `the server answered ${res.status}.`}`));
    return;
  }
  const { definition, report } = answer;
  if (draftUrl) URL.revokeObjectURL(draftUrl);
  draftUrl = URL.createObjectURL(new Blob([`${JSON.stringify(definition, null, 2)}\n`], { type: 'application/json' }));
  const fileName = `${definition.slug}.json`;
  // Inside #draft-result, a live region already: what publishing says is announced with it.
  const outcome = el('div', { class: 'draft-outcome' });
  const publishButton = el('button', { type: 'button', class: 'end' }, 'Publish this draft as it is');
  let publishing = false;
  publishButton.addEventListener('click', async () => {
    const now = !publishing && staffToken(outcome);
    if (!now) return;
    // One press, one version.
    publishing = true;
    try {
      await publishDefinition(definition, fileName, outcome, now);
    } finally {
      publishing = false;
    }
  });
  draftResult.replaceChildren(
    el('p', {}, `Draft of ${definition.name?.en ?? definition.slug} (${definition.pages.length === 1 ? '1 page' : `${definition.pages.length} pages`}). ${report.length === 1 ? '1 thing needs' : `${report.length} things need`} a person before residents see it:`),
    el('ul', { class: 'staff-problems' }, ...report.map((r) => el('li', {}, el('code', {}, r.where), `: ${r.what}`))),
    el('p', {}, el('a', { href: draftUrl, download: fileName }, `Download the draft (${fileName})`), ' to translate and edit it, then publish it below; or publish it now, in English only.'),
    el('div', { class: 'staff-actions' }, publishButton),
    outcome,
  );
}

draftForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void makeDraft();
});

let publishingFile = false;
formsForm.addEventListener('submit', (event) => {
  event.preventDefault();
  // One press, one version: a second Enter while the first is on its way does nothing.
  if (publishingFile) return;
  publishingFile = true;
  void publishForm().finally(() => (publishingFile = false));
});

// Submissions: a form's CSV export (GET /forms/v1/forms/{slug}/submissions.csv), downloaded with
// the token in a header rather than in an address.
const exportForm = document.getElementById('forms-export');
const exportResult = document.getElementById('export-result');

async function listForms() {
  const res = await fetch('/forms/v1/forms.json').catch(() => undefined);
  const answer = res?.ok ? await res.json().catch(() => ({})) : {};
  const chosen = exportForm.elements.form.value;
  exportForm.elements.form.replaceChildren(...(answer.forms ?? []).map((f) => el('option', { value: f.slug, selected: f.slug === chosen }, f.title)));
  if (!answer.forms) exportResult.textContent = 'Error: the forms catalog did not load. Reload the page to try again.';
}

/**
 * The chosen form's staff call `file` (`submissions.csv`, `submissions.json`), saying `busy`
 * meanwhile; `undefined` after saying what is missing or that the server could not be reached.
 */
async function chosenFormGet(file, busy) {
  const slug = exportForm.elements.form.value;
  if (!slug) {
    exportResult.textContent = 'Error: choose a form.';
    exportForm.elements.form.focus();
    return undefined;
  }
  const token = staffToken(exportResult);
  if (!token) return undefined;
  exportResult.textContent = busy;
  const res = await reach(`/forms/v1/forms/${slug}/${file}`, { headers: { Authorization: `Bearer ${token}` } }, exportResult);
  return res && { res, slug };
}

async function downloadSubmissions() {
  const got = await chosenFormGet('submissions.csv', 'Preparing the file…');
  if (!got) return;
  const { res, slug } = got;
  if (!res.ok) {
    exportResult.textContent = problemOf(await res.json().catch(() => ({})), res.status);
    return;
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `${slug}-submissions.csv`;
  const url = URL.createObjectURL(await res.blob());
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  exportResult.textContent = `Downloaded ${name}.`;
}

// A submission's status (PATCH /forms/v1/submissions/{reference}.json), which the tracker shows.
const submissionsList = document.getElementById('submissions-list');
const FORM_STATUSES = [
  ['received', 'Received'],
  ['in_review', 'In review'],
  ['action_needed', 'Action needed'],
  ['approved', 'Approved'],
  ['denied', 'Denied'],
  ['closed', 'Closed'],
];
const statusWords = (status) => FORM_STATUSES.find(([s]) => s === status)?.[1] ?? status;

function submissionItem(submission) {
  const id = `submission-${submission.reference}`;
  const heading = el('h4', { id: `${id}-title` }, `${submission.reference}: ${statusWords(submission.status)}`);
  const outcome = el('p', { role: 'status' });
  const select = el('select', { id: `${id}-status`, name: 'status' }, ...FORM_STATUSES.map(([value, words]) => el('option', { value, selected: value === submission.status }, words)));
  const statusForm = el(
    'form',
    { class: 'staff-form', 'aria-labelledby': `${id}-title`, novalidate: true },
    field(`${id}-status`, 'Status', select),
    el('div', { class: 'staff-actions' }, el('button', { type: 'submit', class: 'end' }, 'Set status')),
  );
  let sending = false;
  statusForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = !sending && staffToken(outcome);
    if (!token) return;
    sending = true;
    outcome.textContent = 'Sending…';
    const res = await reach(`/forms/v1/submissions/${encodeURIComponent(submission.reference)}.json`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ status: select.value }),
    }, outcome);
    sending = false;
    if (!res) return;
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) {
      outcome.textContent = problemOf(answer, res.status);
      return;
    }
    heading.textContent = `${submission.reference}: ${statusWords(answer.status)}`;
    outcome.textContent = `Status set: ${statusWords(answer.status)}. The resident sees it in the tracker.`;
  });
  const when = new Date(submission.submitted_at).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  return el('li', {}, heading, el('p', { class: 'hint' }, `Sent ${when}, in ${submission.language === 'es' ? 'Spanish' : 'English'}.`), statusForm, outcome);
}

async function loadSubmissions() {
  const got = await chosenFormGet('submissions.json', 'Loading submissions…');
  if (!got) return;
  const { res } = got;
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) {
    exportResult.textContent = problemOf(answer, res.status);
    return;
  }
  const newest = (answer.submissions ?? []).slice(0, 50);
  submissionsList.replaceChildren(...newest.map(submissionItem));
  const all = answer.submissions?.length ?? 0;
  exportResult.textContent = all === 0 ? 'No submissions yet.' : all === 1 ? '1 submission.' : all > 50 ? `${all} submissions; the newest 50 are shown.` : `${all} submissions.`;
}

document.getElementById('submissions-load').addEventListener('click', () => void loadSubmissions());

exportForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void downloadSubmissions();
});
void listForms();
