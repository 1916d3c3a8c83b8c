/**
 * The one-file build (`dist/civic-elements.all.js`): every element registered at once, Spanish
 * included, with no static imports — for a web team that can upload only one file. Only the map
 * (Leaflet and its kit) stays a separate chunk, imported next to this file when a map is shown;
 * without it, maps say so and the typed address and list view still work.
 */
import { registerMessages } from './core/i18n.js';
import { es } from './core/locales/es.js';
import { es as locationPickerEs } from './components/civic-location-picker/strings.es.js';
import { es as requestMapEs } from './components/civic-request-map/strings.es.js';
import { es as serviceRequestEs } from './components/civic-service-request/strings.es.js';
import { es as statusTrackerEs } from './components/civic-status-tracker/strings.es.js';

export * from './index.js';

// Bundled in, so no language needs a second file; the widgets' own Spanish loaders then resolve
// from this same file.
registerMessages({ es: { ...es, ...locationPickerEs, ...requestMapEs, ...serviceRequestEs, ...statusTrackerEs } });
