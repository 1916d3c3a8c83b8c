import { createContext } from '@lit/context';
import { HALL_CONTEXT } from './plain/hall.js';
import type { CivicBackend } from '../api/backend.js';
import type { NotifyBackend } from '../api/notify/client.js';
import type { FormsBackend } from '../api/forms/client.js';
import type { RecordsBackend } from '../api/records/client.js';
import type { Strings } from './i18n.js';

/**
 * What `<civic-hall>` shares with every widget inside it. A widget's own attributes and
 * properties win over these (see `CivicElement#config`).
 */
export interface CivicConfig {
  /** Open311 GeoReport v2 base URL, e.g. `https://city.example/open311/v2`. */
  endpoint?: string;
  /** GeoReport `jurisdiction_id`, for servers that host several cities. */
  jurisdictionId?: string;
  /** GeoReport `api_key` for POST. Public in page source: prefer a relay that adds it server side. */
  apiKey?: string;
  /** Any `CivicBackend` implementation; when set, `endpoint` & co. are not used to build a client. */
  backend?: CivicBackend;
  /** Base URL of the records contract (`https://city.example/records/v1`) for records widgets. */
  recordsEndpoint?: string;
  /** Any `RecordsBackend`; when set, `recordsEndpoint` is not used to build a client. */
  recordsBackend?: RecordsBackend;
  /** Base URL of the notifications contract (`https://city.example/notify/v1`) for sign-up and follow widgets. */
  notifyEndpoint?: string;
  /** Any `NotifyBackend`; when set, `notifyEndpoint` is not used to build a client. */
  notifyBackend?: NotifyBackend;
  /** Base URL of the forms contract (`https://city.example/forms/v1`) for forms widgets. */
  formsEndpoint?: string;
  /** Any `FormsBackend`; when set, `formsEndpoint` is not used to build a client. */
  formsBackend?: FormsBackend;
  /** Address search (geocoder) URL for location widgets. */
  geocoderUrl?: string;
  /** Map tile URL template (`https://…/{z}/{x}/{y}.png`) for map widgets. */
  tileUrl?: string;
  /** String overrides for every widget inside; a widget's own `strings` win over these. */
  strings?: Strings;
}

/**
 * The context key is a string, not a `Symbol`, on purpose: when two copies of the bundle run
 * on one CMS page, a `<civic-hall>` defined by one copy still reaches widgets defined by the
 * other (context keys are compared with `===`).
 */
export const civicConfigContext = createContext<CivicConfig>(HALL_CONTEXT);
