// The demo's outbox: the messages the reference backend kept instead of sending them
// (server/README.md, "Notifications at /notify/v1/", `GET outbox.json`). The token is sent, never stored.
const form = document.getElementById('outbox-form');
const status = document.getElementById('outbox-status');
const list = document.getElementById('outbox');

/** The message text with its links made clickable, built as DOM nodes (never as HTML). */
function textWithLinks(text) {
  const pre = document.createElement('pre');
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    pre.append(text.slice(last, m.index));
    const a = document.createElement('a');
    a.href = m[0];
    a.textContent = m[0];
    pre.append(a);
    last = m.index + m[0].length;
  }
  pre.append(text.slice(last));
  return pre;
}

function show(message) {
  const li = document.createElement('li');
  li.className = 'outbox-message';
  const h2 = document.createElement('h2');
  h2.textContent = message.channel === 'sms' ? `Text to ${message.to}` : message.subject ?? '(no subject)';
  const meta = document.createElement('p');
  meta.className = 'hint';
  const when = new Date(message.created_at).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  meta.textContent = `${message.channel === 'sms' ? 'SMS' : `Email to ${message.to}`} · ${message.language} · ${when}`;
  li.append(h2, meta, textWithLinks(message.text));
  const unsubscribe = message.headers?.['List-Unsubscribe'];
  if (unsubscribe) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = `List-Unsubscribe: ${unsubscribe}`;
    li.append(p);
  }
  return li;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = form.elements.token.value.trim();
  if (!token) {
    status.textContent = 'Error: enter the staff token.';
    form.elements.token.focus();
    return;
  }
  status.textContent = 'Loading…';
  const res = await fetch('/notify/v1/outbox.json?limit=100', { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } }).catch(() => undefined);
  const answer = res ? await res.json().catch(() => ({})) : {};
  if (!res?.ok) {
    const said = (answer.errors ?? []).map((e) => e.message).join(' ');
    status.textContent = `Error: ${said || (res ? `the server answered ${res.status}.` : 'the server could not be reached.')}`;
    return;
  }
  list.replaceChildren(...answer.messages.map(show));
  status.textContent = answer.messages.length === 1 ? '1 message.' : `${answer.messages.length} messages.`;
});
