/**
 * Entry of the one-file build's Spanish chunk (`civic-elements.all.es-<hash>.js`): every Spanish
 * catalog in one self-contained module, which the one-file build imports in place of each of them
 * when a widget on the page speaks Spanish. Each catalog is keyed by its own messages, so the
 * merge loses nothing.
 */
import { es as core } from './es.js';
import { es as locationPicker } from '../../components/civic-location-picker/strings.es.js';
import { es as requestMap } from '../../components/civic-request-map/strings.es.js';
import { es as serviceRequest } from '../../components/civic-service-request/strings.es.js';
import { es as statusTracker } from '../../components/civic-status-tracker/strings.es.js';

export const es = { ...core, ...locationPicker, ...requestMap, ...serviceRequest, ...statusTracker };
