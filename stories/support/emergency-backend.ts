import type { CivicBackend } from '../../src/api/backend.js';
import type { Service } from '../../src/api/types.js';
import { storyBackend } from './service-request-backend.js';

const GROUP = 'Tropical Storm Elsa';

const stormServices: Service[] = [
  { service_code: 'STORM_TREE', service_name: 'Downed tree or large limb', description: 'A tree or a large branch down on a street, sidewalk or park.', metadata: false, type: 'realtime', keywords: ['tree'], group: GROUP },
  { service_code: 'STORM_FLOOD', service_name: 'Flooded street', description: 'Water over the road or a blocked storm drain.', metadata: false, type: 'realtime', keywords: ['flood'], group: GROUP },
  { service_code: 'STORM_DEBRIS', service_name: 'Storm debris pickup', description: 'Branches and storm debris put at the curb for collection.', metadata: false, type: 'realtime', keywords: ['debris'], group: GROUP },
  { service_code: 'STORM_POWERLINE', service_name: 'Power line down: call the utility and 911', description: 'Stay at least 35 feet away, call 911, then the electric utility.', metadata: false, type: 'realtime', keywords: ['power'], group: GROUP },
];

/** The emergency's alert as the reference backend's `/alerts/v1/active.json` has it, as a data: URL (stories have no server). */
const alertsUrl = `data:application/json,${encodeURIComponent(
  JSON.stringify({
    alerts: [
      {
        identifier: 'story-elsa',
        sender: 'alerts@hartford.ct.us',
        sent: new Date().toISOString(),
        status: 'Actual',
        msgType: 'Alert',
        scope: 'Public',
        references: [],
        emergency: true,
        info: [
          {
            language: 'en-US', category: ['Met'], event: GROUP, urgency: 'Immediate', severity: 'Severe', certainty: 'Observed',
            expires: new Date(Date.now() + 48 * 3_600_000).toISOString(),
            headline: `Emergency: ${GROUP}`,
            instruction: 'Report storm damage with this form. For a downed power line, stay away and call the utility and 911.',
          },
          {
            language: 'es-US', category: ['Met'], event: GROUP, urgency: 'Immediate', severity: 'Severe', certainty: 'Observed',
            expires: new Date(Date.now() + 48 * 3_600_000).toISOString(),
            headline: `Emergencia: ${GROUP}`,
            instruction: 'Reporte los daños de la tormenta con este formulario. Si ve un cable eléctrico caído, aléjese y llame a la compañía eléctrica y al 911.',
          },
        ],
      },
    ],
  }),
)}`;

/** The story backend during an emergency: discovery announces it, its storm services come first. */
export function emergencyBackend(): CivicBackend {
  const base = storyBackend();
  return {
    ...base,
    discovery: async () => ({
      endpoints: [],
      emergency: { name: GROUP, group: GROUP, service_codes: stormServices.map((s) => s.service_code), alert: 'story-elsa', alerts_url: alertsUrl },
    }),
    services: async () => [...stormServices, ...(await base.services())],
  };
}
