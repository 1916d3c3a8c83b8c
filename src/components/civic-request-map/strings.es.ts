import type { Message } from '../../core/locales/en.js';
import type { RequestMapMessages } from './strings.js';
import type { RequestMapLaterMessages } from './strings-later.js';

/**
 * Spanish: civic Spanish, addressing the resident as "usted". A chunk of its own, loaded only
 * when a widget on the page speaks Spanish. It covers `strings-later.ts` too (the words the
 * element shows after its first screen): one Spanish chunk, fetched before the first render.
 */
export const es: Record<keyof RequestMapMessages | keyof RequestMapLaterMessages, Message> = {
  requestMapTitle: 'Problemas reportados',
  requestMapFilters: 'Filtrar solicitudes',
  requestMapAllCategories: 'Todas las categorías',
  requestMapOtherGroup: 'Otros',
  requestMapAnyStatus: 'Abiertas y cerradas',
  requestMapStatusOpen: 'Abierta',
  requestMapStatusClosed: 'Cerrada',
  requestMapFrom: 'Reportadas desde',
  requestMapTo: 'Reportadas hasta',
  requestMapShowList: 'Ver como lista',
  requestMapShowMap: 'Ver mapa',
  requestMapLoading: 'Cargando solicitudes…',
  requestMapMapLoading: 'Cargando el mapa…',
  requestMapMapFailed: 'No se pudo cargar el mapa. Use «Ver como lista» para ver las mismas solicitudes.',
  requestMapTilesFailed: 'No se pudieron cargar las calles del mapa. Use «Ver como lista» para ver las mismas solicitudes con su dirección.',
  requestMapLabel: 'Mapa de problemas reportados. Las flechas mueven el mapa, más y menos cambian el zoom, Tab lleva a los marcadores y las flechas pasan de uno a otro.',
  requestMapCountAll: {
    one: '{count} solicitud en esta zona',
    other: '{count} solicitudes en esta zona',
  },
  requestMapCountOpen: {
    one: '{count} solicitud abierta en esta zona',
    other: '{count} solicitudes abiertas en esta zona',
  },
  requestMapCountClosed: {
    one: '{count} solicitud cerrada en esta zona',
    other: '{count} solicitudes cerradas en esta zona',
  },
  requestMapEmpty: 'Ninguna solicitud de esta zona coincide con estos filtros.',
  requestMapCapped: 'En esta zona hay más solicitudes de las que el mapa puede mostrar a la vez. Acerque el mapa o use los filtros para verlas todas.',
  requestMapCluster: {
    one: '{count} solicitud aquí. Pulse Intro para acercar.',
    other: '{count} solicitudes aquí. Pulse Intro para acercar.',
  },
  requestMapMarker: '{category}, {status}: {address}',
  requestMapNoAddress: 'Sin dirección',
  requestMapUnknownCategory: 'Solicitud',
  requestMapClosePopup: 'Cerrar detalles',
  requestMapColStatus: 'Estado',
  requestMapColCategory: 'Categoría',
  requestMapColAddress: 'Dirección',
  requestMapColDate: 'Fecha del reporte',
  requestMapColDetails: 'Detalles',
  requestMapFollow: 'Seguir esta solicitud',
  requestMapFollowId: 'Seguir la solicitud {id}',
  requestMapListCaption: 'Solicitudes en la zona del mapa',
  requestMapShowMore: 'Mostrar {count} más',
};
