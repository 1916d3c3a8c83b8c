import type { CivicBackend } from '../../src/api/backend.js';
import { NetworkError } from '../../src/api/errors.js';
import type { Service } from '../../src/api/types.js';

/** A few of the reference city's services, so stories render without a running backend. */
export const sampleServices: Service[] = [
  { service_code: 'POTHOLE', service_name: 'Pothole', description: 'A hole or sunken area in the road surface.', metadata: true, type: 'realtime', keywords: ['road'], group: 'Streets & Sidewalks' },
  { service_code: 'STLIGHT', service_name: 'Streetlight Out', description: 'A streetlight that is out, flickering or damaged.', metadata: true, type: 'realtime', keywords: ['light'], group: 'Streets & Sidewalks' },
  { service_code: 'MISSED', service_name: 'Missed Trash or Recycling Pickup', description: 'Your cart was out on time but was not collected.', metadata: true, type: 'realtime', keywords: ['trash'], group: 'Sanitation' },
  { service_code: 'GRAFFITI', service_name: 'Graffiti Removal', description: 'Graffiti on public property, or on private property visible from the street.', metadata: true, type: 'realtime', keywords: [], group: 'Graffiti' },
  { service_code: 'OTHER', service_name: 'Something else', metadata: false, keywords: [] },
];

type ServicesOnly = Pick<CivicBackend, 'services'>;

/** A backend that answers `services()` with `services`. */
export const servicesBackend = (services: Service[]): CivicBackend =>
  ({ services: async () => services }) satisfies ServicesOnly as unknown as CivicBackend;

/** A backend that never answers: the loading state. */
export const pendingBackend = (): CivicBackend =>
  ({ services: () => new Promise<Service[]>(() => {}) }) satisfies ServicesOnly as unknown as CivicBackend;

/** A backend that cannot be reached: the "backend down" state. */
export const unreachableBackend = (): CivicBackend =>
  ({
    services: async () => {
      throw new NetworkError();
    },
  }) satisfies ServicesOnly as unknown as CivicBackend;
