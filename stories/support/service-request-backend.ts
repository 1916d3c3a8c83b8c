import type { CivicBackend } from '../../src/api/backend.js';
import { NetworkError, TimeoutError } from '../../src/api/errors.js';
import { Open311Error } from '../../src/api/open311-error.js';
import type { ServiceAttribute, ServiceDefinition, ServiceRequest, SubmitInput, SubmitResult } from '../../src/api/types.js';
import type { Draft } from '../../src/components/civic-service-request/model.js';
import { saveDraft } from '../../src/core/storage/drafts.js';
import { sampleServices } from './sample-backend.js';

/** One question of every GeoReport datatype, as a service definition would ask them. */
export const everyDatatype: ServiceAttribute[] = [
  { variable: false, code: 'INFO', datatype: 'text', required: false, order: 1, description: 'Report each pothole separately. If a pothole damaged your car, file a claim with the City Clerk.', values: [] },
  { variable: true, code: 'SIZE', datatype: 'singlevaluelist', required: true, order: 2, description: 'How big is the pothole?', values: [{ key: 'S', name: 'Smaller than a dinner plate' }, { key: 'M', name: 'About the size of a car tire' }, { key: 'L', name: 'Larger than a car tire' }] },
  { variable: true, code: 'LANE', datatype: 'singlevaluelist', required: false, order: 3, description: 'Which street is it on?', values: ['Main Street', 'Asylum Avenue', 'Farmington Avenue', 'Capitol Avenue', 'Park Street', 'Broad Street', 'Zion Street'].map((n, i) => ({ key: `ST${i}`, name: n })) },
  { variable: true, code: 'HAZARDS', datatype: 'multivaluelist', required: true, order: 4, description: 'What else do you see?', values: [{ key: 'WATER', name: 'Standing water' }, { key: 'CONE', name: 'A cone or barrier' }, { key: 'DAMAGE', name: 'A damaged car' }] },
  { variable: true, code: 'POLE', datatype: 'string', required: false, order: 5, datatype_description: 'The number on the nearest lamp post, for example HFD-10234.', description: 'Nearest pole number', values: [] },
  { variable: true, code: 'DEPTH', datatype: 'number', required: true, order: 6, datatype_description: 'In inches, for example 4.', description: 'How deep is it?', values: [] },
  { variable: true, code: 'SINCE', datatype: 'datetime', required: true, order: 7, description: 'When did you first see it?', values: [] },
  { variable: true, code: 'NOTES', datatype: 'text', required: false, order: 8, description: 'Anything else the crew should know?', values: [] },
];

const nearby: ServiceRequest[] = [
  { service_request_id: '100231', status: 'open', service_code: 'POTHOLE', service_name: 'Pothole', description: 'Deep pothole in the travel lane, cars swerving around it.', address: '512 Main Street', lat: 41.7661, long: -72.6734, requested_datetime: new Date(Date.now() - 3 * 86_400_000).toISOString() },
  { service_request_id: '100198', status: 'open', service_code: 'POTHOLE', service_name: 'Pothole', description: 'Several potholes near the crosswalk.', address: '540 Main Street', lat: 41.7664, long: -72.6736, requested_datetime: new Date(Date.now() - 9 * 86_400_000).toISOString() },
];

export type SubmitOutcome = 'success' | 'token' | 'server-error' | 'timeout' | 'offline' | 'rejected';

export interface StoryBackendOptions {
  submit?: SubmitOutcome;
  media?: boolean;
  nearby?: boolean;
  contactPolicy?: ServiceDefinition['contact_policy'];
  /** POTHOLE's questions; every datatype by default. */
  attributes?: ServiceAttribute[];
}

/** A backend for stories: the sample services, every datatype for POTHOLE, and a chosen submit outcome. */
export function storyBackend(options: StoryBackendOptions = {}): CivicBackend {
  return {
    discovery: async () => ({ endpoints: [] }),
    supports: async (ext) => ext === 'media' ? (options.media ?? true) : ext === 'bbox',
    services: async () => sampleServices,
    serviceDefinition: async (code) => ({
      service_code: code,
      attributes: code === 'POTHOLE' ? (options.attributes ?? everyDatatype) : [],
      ...(options.contactPolicy ? { contact_policy: options.contactPolicy } : {}),
    }),
    requests: async () => (options.nearby ? nearby : []),
    request: async (id) => nearby.find((r) => r.service_request_id === id),
    submit: async (input: SubmitInput): Promise<SubmitResult> => {
      switch (options.submit ?? 'success') {
        case 'server-error':
          throw new Open311Error(500, [{ code: '500', description: 'server: Something went wrong on the server.' }]);
        case 'timeout':
          throw new TimeoutError(15_000);
        case 'offline':
          throw new NetworkError();
        case 'rejected':
          throw new Open311Error(400, [{ code: '400', description: 'attribute[DEPTH]: Enter a number of inches between 1 and 48.' }]);
        case 'token':
          return { token: '7c9e6679-7425-40de-944b', service_notice: 'Bulky items are collected on your next trash day.' };
        default:
          return { service_request_id: '100423', service_notice: `Potholes are usually filled within 5 business days.${input.description ? '' : ''}` };
      }
    },
    requestIdForToken: async () => undefined,
  };
}

/** A backend whose services never arrive: the loading state. */
export const pendingRequestBackend = (): CivicBackend => ({ ...storyBackend(), services: () => new Promise(() => {}) });

/** A backend with no services: the empty state. */
export const emptyRequestBackend = (): CivicBackend => ({ ...storyBackend(), services: async () => [] });

/** A backend that cannot be reached. */
export const downRequestBackend = (): CivicBackend => ({
  ...storyBackend(),
  services: async () => {
    throw new NetworkError();
  },
});

/** A report answered up to `step`, stored as the element's draft under `key` (a story's loader). */
export async function seedDraft(key: string, step: Draft['step'], changes: Partial<Draft> = {}): Promise<void> {
  const draft: Draft = {
    step,
    serviceCode: 'POTHOLE',
    answers: { SIZE: 'L', HAZARDS: ['WATER'], DEPTH: '4', SINCE: { day: '3', month: '11', year: '2026', time: '08:30' }, NOTES: 'It is right by the bus stop.' },
    location: { lat: 41.7662, long: -72.6735, address: '550 Main Street, Hartford' },
    address: '',
    description: 'Deep hole in the right lane, getting bigger after the rain.',
    contact: { first_name: 'Ana', last_name: 'Ruiz', email: 'ana.ruiz@example.org', phone: '' },
    ...changes,
  };
  await saveDraft(`civic-service-request:${key}`, draft);
}
