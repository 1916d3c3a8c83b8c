// The demo's staff controls: start and end the reference backend's emergency mode through its
// staff API (server/README.md, "Emergency mode"). The token is sent, never stored.
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

async function send(body) {
  const token = form.elements.token.value.trim();
  if (!token) {
    result.textContent = 'Error: enter the staff token.';
    form.elements.token.focus();
    return;
  }
  const res = await fetch('/alerts/v1/emergency.json', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) {
    const said = (answer.errors ?? []).map((e) => e.description).join(' ');
    result.textContent = `Error: ${said || `the server answered ${res.status}.`}`;
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
