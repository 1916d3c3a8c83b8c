/**
 * Side effect: widgets given an `endpoint` talk Open311 GeoReport v2 to it. Imported by the
 * elements that need a backend (their `define/` modules), so the Open311 client loads only with them.
 */
import { Open311Client } from '../api/open311.js';
import { setBackendFactory } from './backend-factory.js';

setBackendFactory(
  ({ endpoint, jurisdictionId, apiKey }) =>
    new Open311Client({ endpoint, ...(jurisdictionId ? { jurisdictionId } : {}), ...(apiKey ? { apiKey } : {}) }),
);
