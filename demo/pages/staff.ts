import type { DemoPage } from '../../server/demo.js';

// City staff's controls for the reference backend's staff API (STAFF_TOKEN): not a resident page,
// so it is not in the navigation, and its words stay English.
const main = `
    <h1>Staff</h1>
    <div class="staff-form">
      <div>
        <label for="staff-token">Staff token</label>
        <p class="hint" id="staff-token-hint">The <code>STAFF_TOKEN</code> the server was started with, for every control on this page. It is not stored.</p>
        <input id="staff-token" name="token" type="password" autocomplete="off" aria-describedby="staff-token-hint" required>
      </div>
    </div>

    <h2>Emergency mode</h2>
    <p>Start an emergency to put the storm categories at the top of the 311 form and an emergency alert on every page of the site. It ends by itself at the end time, or when you end it here.</p>
    <p id="emergency-status" role="status">Checking for an emergency…</p>

    <form class="staff-form" id="emergency-form" novalidate>
      <div>
        <label for="emergency-name">Name of the emergency</label>
        <p class="hint" id="emergency-name-hint">For example, Tropical Storm Elsa.</p>
        <input id="emergency-name" name="name" type="text" aria-describedby="emergency-name-hint">
      </div>
      <div>
        <label for="emergency-hours">Ends in (hours)</label>
        <input id="emergency-hours" name="hours" type="number" min="1" max="336" value="48" inputmode="numeric">
      </div>
      <div>
        <label for="emergency-everyday">Everyday 311 categories</label>
        <select id="emergency-everyday" name="everyday">
          <option value="group">List them after the storm categories</option>
          <option value="hide">Hide them until the emergency ends</option>
        </select>
      </div>
      <div class="staff-actions">
        <button type="submit" class="start" name="action" value="start">Start emergency</button>
        <button type="button" class="end" id="end-emergency">End emergency</button>
      </div>
    </form>
    <p id="staff-result" role="status" aria-live="polite"></p>

    <h2>Public-records requests</h2>
    <p>The requests that are not yet released, denied or closed, oldest first. Each action is one step on the request's timeline, which the requester sees through their private link. A message you write goes to the requester with the action you choose; “Ask for clarification” sends it alone and pauses the clock until they answer.</p>
    <div class="staff-actions">
      <button type="button" class="end" id="records-load">Show open requests</button>
    </div>
    <p id="records-status" role="status" aria-live="polite"></p>
    <ul class="staff-records" id="records-list"></ul>

    <h2>City forms</h2>
    <h3>Draft a form from a PDF or a Form.io form</h3>
    <p>A fillable PDF (its form fields) or a Form.io form exported as JSON becomes a draft definition, with a list of what needs a person: labels, signatures, scripts that were not carried over. Nothing is published until you publish it.</p>
    <form class="staff-form" id="forms-draft" novalidate>
      <div>
        <label for="draft-file">Fillable PDF or Form.io form</label>
        <input id="draft-file" name="source" type="file" accept=".pdf,application/pdf,.json,application/json">
      </div>
      <div class="staff-actions">
        <button type="submit" class="end">Make a draft</button>
      </div>
    </form>
    <div id="draft-result" role="status" aria-live="polite"></div>

    <h3>Publish a form</h3>
    <p>Publish a form from its definition: a draft from above, a JSON file from <code>npx civic-elements import-pdf</code> or <code>import-formio</code>, or one you edited. It is checked first; a form already published gets a new version, and its earlier submissions keep the version they answered.</p>
    <form class="staff-form" id="forms-publish" novalidate>
      <div>
        <label for="form-file">Form definition (a JSON file)</label>
        <p class="hint" id="form-file-hint">Its <code>slug</code> becomes the form's address.</p>
        <input id="form-file" name="definition" type="file" accept=".json,application/json" aria-describedby="form-file-hint">
      </div>
      <div class="staff-actions">
        <button type="submit" class="end">Check and publish</button>
      </div>
    </form>
    <div id="forms-result" role="status" aria-live="polite"></div>

    <h3>Submissions</h3>
    <p>Every submission of a form, one row each, with a column per question, for a spreadsheet; or the newest fifty, to set each one's status. The resident sees the status in the tracker.</p>
    <form class="staff-form" id="forms-export" novalidate>
      <div>
        <label for="export-form">Form</label>
        <select id="export-form" name="form"></select>
      </div>
      <div class="staff-actions">
        <button type="submit" class="end">Download submissions (CSV)</button>
        <button type="button" class="end" id="submissions-load">Show submissions</button>
      </div>
    </form>
    <p id="export-result" role="status" aria-live="polite"></p>
    <ul class="staff-records" id="submissions-list"></ul>
    <script type="module" src="/staff.js"></script>`;

export default {
  path: '/staff.html',
  en: { label: 'Staff', main },
  es: { label: 'Personal', main: `\n    <div lang="en">${main}\n    </div>` },
} satisfies DemoPage;
