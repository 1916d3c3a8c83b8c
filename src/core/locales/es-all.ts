/**
 * Entry of the one-file build's Spanish chunk (`civic-elements.all.es-<hash>.js`): every Spanish
 * catalog in one self-contained module, which the one-file build imports in place of each of them
 * when a widget on the page speaks Spanish. Each catalog is keyed by its own messages, so the
 * merge loses nothing; test/core/i18n.test.ts checks that every widget's Spanish file is here.
 */
import { es as core } from './es.js';
import { es as followStrings } from '../../components/civic-follow/strings.es.js';
import { es as formLaterStrings } from '../../components/civic-form/later-strings.es.js';
import { es as formListStrings } from '../../components/civic-form/list-strings.es.js';
import { es as formStrings } from '../../components/civic-form/strings.es.js';
import { es as locationPickerStrings } from '../../components/civic-location-picker/strings.es.js';
import { es as notifySignupStringsFirst } from '../../components/civic-notify-signup/strings-first.es.js';
import { es as notifySignupStringsPages } from '../../components/civic-notify-signup/strings-pages.es.js';
import { es as notifySignupStrings } from '../../components/civic-notify-signup/strings.es.js';
import { es as recordsRequestStrings } from '../../components/civic-records-request/strings.es.js';
import { es as recordsStatusStrings } from '../../components/civic-records-status/strings.es.js';
import { es as reportCardStrings } from '../../components/civic-report-card/strings.es.js';
import { es as requestMapStrings } from '../../components/civic-request-map/strings.es.js';
import { es as serviceRequestStringsLater } from '../../components/civic-service-request/strings-later.es.js';
import { es as serviceRequestStrings } from '../../components/civic-service-request/strings.es.js';
import { es as statusTrackerStrings } from '../../components/civic-status-tracker/strings.es.js';

export const es = { ...core, ...followStrings, ...formLaterStrings, ...formListStrings, ...formStrings, ...locationPickerStrings, ...notifySignupStringsFirst, ...notifySignupStringsPages, ...notifySignupStrings, ...recordsRequestStrings, ...recordsStatusStrings, ...reportCardStrings, ...requestMapStrings, ...serviceRequestStringsLater, ...serviceRequestStrings, ...statusTrackerStrings };
