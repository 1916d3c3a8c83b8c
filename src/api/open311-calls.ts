/**
 * The call modules a page may not have imported up front (see `calls` in `open311.ts`): each
 * registers itself as it runs. Loaded by the client when it makes a call whose module is absent.
 */
import './open311-services.js';
import './open311-requests.js';
import './open311-statistics.js';
