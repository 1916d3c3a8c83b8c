// Emergency mode publishes into notifications: staff start an emergency, and everyone confirmed
// on the emergency alerts topic gets its alert by email at once, in their own language; those
// on other topics get nothing. Email goes through a real SMTP server process.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DATABASES, describeOn } from './helpers.js';
import { postJson, staff, startNotifyServer, subscribeAndConfirm, to, type NotifyHarness } from './notify-helpers.js';

for (const db of DATABASES) {
  describeOn(db, 'an emergency goes to the emergency alerts topic', () => {
    let h: NotifyHarness;
    before(async () => {
      h = await startNotifyServer(db);
    });
    after(async () => {
      await h?.stop();
    });

    test('starting one emails its alert to each confirmed subscriber of the topic, in their language, and to no one else', async () => {
      const emergencyTopic = { topics: [{ id: 'emergency-alerts', frequency: 'immediate' }] };
      await subscribeAndConfirm(h, 'ana@example.net', emergencyTopic);
      await subscribeAndConfirm(h, 'luis@example.net', { ...emergencyTopic, language: 'es' });
      await subscribeAndConfirm(h, 'roads-only@example.net');
      const before = h.sink.messages().length;

      const started = await postJson(`${h.server.base}/alerts/v1/emergency.json`, { action: 'start', name: 'Tropical Storm Elsa', ends: new Date(Date.now() + 7_200_000).toISOString() }, staff);
      assert.equal(started.status, 201, started.text);

      const [english] = await h.sink.waitFor(1, { match: (m) => to('ana@example.net')(m) && /Tropical Storm Elsa/.test(m.subject) });
      assert.equal(english!.subject, 'Emergency: Tropical Storm Elsa');
      assert.match(english!.text, /call the utility and 911/);
      assert.ok(english!.header('List-Unsubscribe'), 'with its one-click unsubscribe');
      const [spanish] = await h.sink.waitFor(1, { match: (m) => to('luis@example.net')(m) && /Tropical Storm Elsa/.test(m.subject) });
      assert.equal(spanish!.subject, 'Emergencia: Tropical Storm Elsa');
      assert.match(spanish!.text, /llame a la compañía eléctrica y al 911/);

      // Both emergency messages arrived; the road-closures subscriber got nothing new. Wait until
      // the queue is empty, so a late message to them would have been sent already.
      await h.server.notify.idle();
      const since = h.sink.messages().slice(before);
      assert.deepEqual(since.filter(to('roads-only@example.net')), []);
      assert.equal(since.filter((m) => /Tropical Storm Elsa/.test(m.subject)).length, 2);
    });
  });
}
