import type { Message } from '../../core/locales/en.js';

/**
 * `<civic-request-map>`'s messages. They live with the widget, so a page pays only for the strings
 * of the widgets it uses; the element registers them (`registerMessages`) when its module
 * loads. English is the source of truth for the keys: Spanish is typed against it.
 */
const en = {
  requestMapTitle: 'Reported problems',
  requestMapFilters: 'Filter requests',
  requestMapAllCategories: 'All categories',
  requestMapOtherGroup: 'Other',
  requestMapAnyStatus: 'Open and closed',
  requestMapStatusOpen: 'Open',
  requestMapStatusClosed: 'Closed',
  requestMapFrom: 'Reported from',
  requestMapTo: 'Reported until',
  requestMapShowList: 'Show as list',
  requestMapShowMap: 'Show map',
  requestMapLoading: 'Loading requests…',
  requestMapMapLoading: 'Loading map…',
  requestMapMapFailed: "The map couldn't load. Use “Show as list” to see the same requests.",
  requestMapTilesFailed: "The map's pictures couldn't load. Use “Show as list” to see the same requests.",
  requestMapLabel: 'Map of reported problems. Arrow keys move the map, plus and minus zoom, Tab reaches the markers.',
  requestMapCountAll: {
    one: '{count} request in view',
    other: '{count} requests in view',
  },
  requestMapCountOpen: {
    one: '{count} open request in view',
    other: '{count} open requests in view',
  },
  requestMapCountClosed: {
    one: '{count} closed request in view',
    other: '{count} closed requests in view',
  },
  requestMapEmpty: 'No requests match these filters in this area.',
  requestMapCapped: 'There are more requests here than the map can show at once. Zoom in or narrow the filters to see them all.',
  requestMapCluster: {
    one: '{count} request here. Press Enter to zoom in.',
    other: '{count} requests here. Press Enter to zoom in.',
  },
  requestMapMarker: '{category}, {status}: {address}',
  requestMapNoAddress: 'No address given',
  requestMapUnknownCategory: 'Request',
  requestMapClosePopup: 'Close details',
  requestMapColStatus: 'Status',
  requestMapColCategory: 'Category',
  requestMapColAddress: 'Address',
  requestMapColDate: 'Reported',
  requestMapColDetails: 'Details',
  requestMapFollow: 'Follow this request',
  requestMapFollowId: 'Follow request {id}',
  requestMapListCaption: 'Requests in the map area',
  requestMapShowMore: 'Show {count} more',
} satisfies Record<string, Message>;

/** Spanish: civic Spanish, addressing the resident as "usted". */
const es: Record<keyof typeof en, Message> = {
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
  requestMapTilesFailed: 'No se pudieron cargar las imágenes del mapa. Use «Ver como lista» para ver las mismas solicitudes.',
  requestMapLabel: 'Mapa de problemas reportados. Las flechas mueven el mapa, más y menos cambian el zoom y Tab lleva a los marcadores.',
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

export const requestMapMessages = { en, es };

type RequestMapMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends RequestMapMessages {}
}
