import { expect } from '@open-wc/testing';
import { Open311Client } from '../../src/api/open311.js';
import { acceptLanguage } from '../../src/api/http.js';
import { OPEN311_ENDPOINT } from '../helpers/backend.js';

/** The real fetch, recording the headers of every call. */
function recording() {
  const headers: Array<{ method: string; headers: Headers }> = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    headers.push({ method: init?.method ?? 'GET', headers: new Headers(init?.headers) });
    return globalThis.fetch(input, init);
  }) as typeof globalThis.fetch;
  return { fetch, headers };
}

describe('Open311Client: the reader\'s language', () => {
  it('sends Accept-Language on every call, GET and POST, and the reference backend answers in it', async () => {
    const rec = recording();
    const client = new Open311Client({ endpoint: OPEN311_ENDPOINT, language: 'es-MX', fetch: rec.fetch });
    const services = await client.services();
    expect(services.find((s) => s.service_code === 'POTHOLE')!.service_name).to.equal('Bache');
    const definition = await client.serviceDefinition('POTHOLE');
    expect(definition.attributes.find((a) => a.code === 'SIZE')!.description).to.equal('¿Qué tamaño tiene el bache?');
    const sent = await client.submit({ service_code: 'SNOWPLOW', address_string: '550 Main Street' });
    expect(sent.service_notice).to.equal('Primero se limpian las vías principales y después las calles residenciales.');
    const request = await client.request(sent.service_request_id!, { extensions: true });
    expect(request!.notes![0]!.summary).to.equal('Solicitud recibida');
    expect(rec.headers.map((h) => h.method)).to.include('POST');
    for (const h of rec.headers) expect(h.headers.get('accept-language')).to.equal('es-MX, es;q=0.9');
  });

  it('without a language sends none, and the backend answers in English', async () => {
    const rec = recording();
    const services = await new Open311Client({ endpoint: OPEN311_ENDPOINT, fetch: rec.fetch }).services();
    expect(services.find((s) => s.service_code === 'POTHOLE')!.service_name).to.equal('Pothole');
    for (const h of rec.headers) expect(h.headers.has('accept-language')).to.be.false;
  });

  it('words the header with the language as a fallback, in characters the CORS safelist allows', () => {
    expect(acceptLanguage('es')).to.equal('es');
    expect(acceptLanguage('es-MX')).to.equal('es-MX, es;q=0.9');
    expect(acceptLanguage('zh-Hant-TW')).to.equal('zh-Hant-TW, zh;q=0.9');
    expect(acceptLanguage('es"MX<')).to.equal('esMX');
  });
});
