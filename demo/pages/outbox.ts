import type { DemoPage } from '../../server/demo.js';

// What the reference backend "sent" with no SMTP_URL or SMS_API_URL set: its outbox, read through
// the staff API (STAFF_TOKEN). Not a resident page, so not in the navigation; its words stay English.
const main = `
    <h1>Staff: outbox</h1>
    <p>Emails and texts the city sent, newest first, when the server has no mail server or SMS provider configured. Open a message's links to confirm or manage a subscription as a resident would.</p>
    <form class="staff-form" id="outbox-form" novalidate>
      <div>
        <label for="staff-token">Staff token</label>
        <p class="hint" id="staff-token-hint">The <code>STAFF_TOKEN</code> the server was started with. It is not stored.</p>
        <input id="staff-token" name="token" type="password" autocomplete="off" aria-describedby="staff-token-hint" required>
      </div>
      <div class="staff-actions">
        <button type="submit">Show the outbox</button>
      </div>
    </form>
    <p id="outbox-status" role="status" aria-live="polite"></p>
    <ol id="outbox" class="outbox"></ol>
    <script type="module" src="/outbox.js"></script>`;

export default {
  path: '/outbox.html',
  en: { label: 'Outbox', main },
  es: { label: 'Bandeja de salida', main: `\n    <div lang="en">${main}\n    </div>` },
} satisfies DemoPage;
