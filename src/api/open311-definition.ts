/**
 * GET `services/{code}` (see `Open311Client#serviceDefinition`): a module of its own, loaded
 * when a resident picks a service that asks questions, so no page carries it up front.
 */
import type { DocumentKind } from './normalise.js';
import { readers } from './open311-requests.js';
import type { Open311Wire } from './open311.js';
import type { ServiceDefinition } from './types.js';

const DEFINITION: DocumentKind = { name: 'definition', keys: ['service_definition', 'attributes', 'service_code'] };

/** The questions of one request type, sorted by `order`. */
export async function serviceDefinition(wire: Open311Wire, serviceCode: string): Promise<ServiceDefinition> {
  const read = readers();
  const fmt = await wire.wireFormat();
  const [body, { serviceDefinitionFrom }] = await Promise.all([wire.get(`services/${encodeURIComponent(serviceCode)}.${fmt}`, fmt, DEFINITION), read]);
  return serviceDefinitionFrom(body, serviceCode);
}
