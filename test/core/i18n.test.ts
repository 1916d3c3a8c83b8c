import { expect } from '@open-wc/testing';
import {
  catalogFor,
  formatDate,
  formatMessage,
  formatNumber,
  formatRelative,
  languageReady,
  nearestLang,
  registerCatalog,
  resolveLocale,
  translate,
} from '../../src/core/i18n.js';
import { en } from '../../src/core/locales/en.js';
import { enForms } from '../../src/core/locales/en-forms.js';
import { enMap } from '../../src/core/locales/en-map.js';
// The form engine's English is registered by the form modules (a page without a form does not load it).
import '../../src/core/forms/messages.js';
import { es } from '../../src/core/locales/es.js';
import '../../src/components/civic-status-tracker/civic-status-tracker.js';
import '../../src/components/civic-request-map/civic-request-map.js';
import { statusTrackerMessages } from '../../src/components/civic-status-tracker/strings.js';
import { serviceRequestMessages } from '../../src/components/civic-service-request/strings.js';
import { serviceRequestLaterMessages } from '../../src/components/civic-service-request/strings-later.js';
import { locationPickerMessages } from '../../src/components/civic-location-picker/strings.js';
import { requestMapMessages } from '../../src/components/civic-request-map/strings.js';
import { requestMapLaterMessages } from '../../src/components/civic-request-map/strings-later.js';
import { es as statusTrackerEs } from '../../src/components/civic-status-tracker/strings.es.js';
import { es as serviceRequestEs } from '../../src/components/civic-service-request/strings.es.js';
import { es as serviceRequestLaterEs } from '../../src/components/civic-service-request/strings-later.es.js';
import { es as locationPickerEs } from '../../src/components/civic-location-picker/strings.es.js';
import { es as requestMapEs } from '../../src/components/civic-request-map/strings.es.js';

describe('i18n: a language loads on first use', () => {
  // Runs first in this file: nothing has asked for Spanish yet.
  it('knows Spanish without fetching it, then fetches every loaded widget\'s Spanish at once', async () => {
    expect(resolveLocale('es-MX')).to.equal('es-MX');
    expect(translate('tryAgain', undefined, 'es')).to.equal(en.tryAgain);
    const loading = languageReady('es-MX');
    expect(loading).to.be.instanceOf(Promise);
    expect(languageReady('es')).to.equal(loading);
    await loading;
    expect(translate('tryAgain', undefined, 'es')).to.equal(es.tryAgain);
    expect(translate('trackerTitle', undefined, 'es')).to.equal(statusTrackerEs.trackerTitle);
    expect(languageReady('es')).to.equal(undefined);
    expect(languageReady('en')).to.equal(undefined);
  });
});

describe('i18n', () => {
  before(() => languageReady('es'));

  describe('language resolution', () => {
    it('keeps languages that have a catalog, with their region', () => {
      expect(resolveLocale('es')).to.equal('es');
      expect(resolveLocale('es-MX')).to.equal('es-MX');
      expect(resolveLocale('ES_us')).to.equal('es-US');
      expect(resolveLocale('en-GB')).to.equal('en-GB');
    });

    it('falls back to English for unknown, empty or invalid languages', () => {
      expect(resolveLocale('fr')).to.equal('en');
      expect(resolveLocale('')).to.equal('en');
      expect(resolveLocale(undefined)).to.equal('en');
      expect(resolveLocale('not a language tag')).to.equal('en');
    });

    it('uses the Spanish catalog for a Spanish region', () => {
      expect(catalogFor('es-MX')).to.equal(catalogFor('es'));
      expect(catalogFor('es')).to.include(es);
      expect(catalogFor('fr')).to.equal(catalogFor('en'));
      expect(catalogFor('en')).to.include(en);
    });

    it('finds the nearest lang across shadow roots', () => {
      const outer = document.createElement('div');
      outer.lang = 'es-MX';
      const host = document.createElement('div');
      outer.append(host);
      const inner = document.createElement('span');
      host.attachShadow({ mode: 'open' }).append(inner);
      expect(nearestLang(inner)).to.equal('es-MX');
      inner.lang = 'en';
      expect(nearestLang(inner)).to.equal('en');
    });

    it('accepts a catalog registered for another language', () => {
      expect(resolveLocale('de-AT')).to.equal('en');
      registerCatalog('de', { ...en, tryAgain: 'Erneut versuchen' });
      expect(resolveLocale('de-AT')).to.equal('de-AT');
      expect(translate('tryAgain', undefined, 'de-AT')).to.equal('Erneut versuchen');
    });
  });

  describe('messages and plurals', () => {
    it('chooses singular and plural forms in English', () => {
      expect(translate('charactersRemaining', { count: 1 }, 'en')).to.equal('You have 1 character remaining');
      expect(translate('charactersRemaining', { count: 10 }, 'en')).to.equal('You have 10 characters remaining');
      expect(translate('charactersRemaining', { count: 0 }, 'en')).to.equal('You have 0 characters remaining');
      expect(translate('charactersOverLimit', { count: 5 }, 'en')).to.equal('You have 5 characters too many');
      expect(translate('charactersOverLimit', { count: 1 }, 'en')).to.equal('You have 1 character too many');
    });

    it('chooses singular and plural forms in Spanish', () => {
      expect(translate('charactersRemaining', { count: 1 }, 'es')).to.equal('Le queda 1 carácter');
      expect(translate('charactersRemaining', { count: 10 }, 'es-MX')).to.equal('Le quedan 10 caracteres');
      expect(translate('charactersOverLimit', { count: 5 }, 'es')).to.equal('Tiene 5 caracteres de más');
    });

    it('formats numbers in placeholders for the locale', () => {
      expect(translate('characterCountLimit', { count: 1200 }, 'en')).to.equal('You can enter up to 1,200 characters');
      expect(translate('serviceListCount', { count: 12000 }, 'es')).to.equal('12.000 servicios');
    });

    it('leaves a placeholder without a value visible', () => {
      expect(formatMessage('Hello {name}', {}, 'en')).to.equal('Hello {name}');
    });

    it('prefers override strings, in order, over the catalog', () => {
      expect(translate('tryAgain', undefined, 'es', { tryAgain: 'Reintentar' }, { tryAgain: 'Otra vez' })).to.equal('Reintentar');
      expect(translate('tryAgain', undefined, 'es', undefined, { tryAgain: 'Otra vez' })).to.equal('Otra vez');
      expect(translate('charactersRemaining', { count: 1 }, 'en', { charactersRemaining: { one: '{count} left', other: '{count} left in all' } })).to.equal('1 left');
    });

    it('has a Spanish translation for every English message, shared and each widget\'s', () => {
      const sameInBothLanguages = new Set(['errorPrefix', 'errorTitlePrefix']);
      // Only placeholders and punctuation, e.g. '{category}, {status}: {address}': nothing to translate.
      const hasWords = (message: unknown) => /\p{L}/u.test(JSON.stringify(message).replace(/\{\w+\}|"(zero|one|two|few|many|other)":/g, ''));
      const catalogs: Array<{ en: Record<string, unknown>; es: Record<string, unknown> }> = [
        // The shared Spanish (es.ts) covers the core, form engine and map English.
        { en: { ...en, ...enForms, ...enMap }, es },
        { en: statusTrackerMessages.en, es: statusTrackerEs },
        { en: serviceRequestMessages.en, es: serviceRequestEs },
        { en: serviceRequestLaterMessages.en, es: serviceRequestLaterEs },
        { en: locationPickerMessages.en, es: locationPickerEs },
        // The map's Spanish covers the words it loads after its first screen too.
        { en: { ...requestMapMessages.en, ...requestMapLaterMessages.en }, es: requestMapEs },
      ];
      let checked = 0;
      for (const catalog of catalogs) {
        expect(Object.keys(catalog.es).sort()).to.deep.equal(Object.keys(catalog.en).sort());
        for (const key of Object.keys(catalog.en)) {
          if (sameInBothLanguages.has(key) || !hasWords(catalog.en[key])) continue;
          expect(JSON.stringify(catalog.es[key]), key).to.not.equal(JSON.stringify(catalog.en[key]));
          checked++;
        }
      }
      expect(checked).to.be.greaterThan(150);
    });

    it('knows every widget\'s messages once the widget is loaded, in both languages', () => {
      expect(translate('requestMapShowList', undefined, 'en')).to.equal('Show as list');
      expect(translate('requestMapShowList', undefined, 'es-MX')).to.equal(requestMapEs.requestMapShowList);
      expect(translate('trackerProcessingTitle', undefined, 'es')).to.equal('Su solicitud todavía se está procesando');
    });
  });

  describe('dates, relative times and numbers', () => {
    const date = new Date(2025, 2, 3, 14, 30);

    it('formats dates in English and Spanish', () => {
      expect(formatDate(date, 'en')).to.equal('March 3, 2025');
      expect(formatDate(date, 'es')).to.equal('3 de marzo de 2025');
      expect(formatDate(date.toISOString(), 'en', { dateStyle: 'short' })).to.equal('3/3/25');
    });

    it('returns nothing for an unreadable date', () => {
      expect(formatDate('not a date', 'en')).to.equal('');
      expect(formatRelative('not a date', 'en')).to.equal('');
    });

    it('says how long ago, in words', () => {
      const now = new Date(2025, 2, 6, 14, 30);
      expect(formatRelative(date, 'en', now)).to.equal('3 days ago');
      expect(formatRelative(date, 'es', now)).to.equal('hace 3 días');
      expect(formatRelative(new Date(2025, 2, 5, 14, 30), 'en', now)).to.equal('yesterday');
      expect(formatRelative(new Date(2025, 2, 5, 14, 30), 'es', now)).to.equal('ayer');
      expect(formatRelative(new Date(2025, 2, 6, 16, 30), 'en', now)).to.equal('in 2 hours');
      expect(formatRelative(new Date(2025, 2, 6, 16, 30), 'es', now)).to.equal('dentro de 2 horas');
      expect(formatRelative(new Date(2025, 1, 6, 14, 30), 'en', now)).to.equal('4 weeks ago');
      expect(formatRelative(new Date(2024, 2, 6, 14, 30), 'es', now)).to.equal('el año pasado');
    });

    it('formats numbers', () => {
      expect(formatNumber(1234.5, 'en')).to.equal('1,234.5');
      expect(formatNumber(1234.5, 'es')).to.equal('1234,5');
      expect(formatNumber(12345.5, 'es')).to.equal('12.345,5');
    });
  });
});
