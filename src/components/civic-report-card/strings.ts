import type { Message } from '../../core/locales/en.js';

/**
 * `<civic-report-card>`'s messages (registered when the element's module loads). English is the
 * source of truth for the keys: Spanish is typed against it.
 */
const en = {
  reportCardTitle: '311 report card',
  reportCardIntro: 'How quickly the city acknowledges and closes the requests residents send.',
  reportCardWindowLabel: 'Period',
  reportCardWindow30: 'Last 30 days',
  reportCardWindow90: 'Last 90 days',
  reportCardWindow365: 'Last 12 months',
  reportCardLoading: 'Loading the report card…',
  reportCardProgress: {
    one: 'Loaded {count} request so far ({percent} of the period)',
    other: 'Loaded {count} requests so far ({percent} of the period)',
  },
  reportCardEmpty: 'No requests were received in this period, so there is nothing to report yet.',
  reportCardFresh: 'Figures computed on {date} for {from} to {to}.',
  reportCardSourceServer: "Computed by the city's 311 system.",
  reportCardSourceBrowser: {
    one: 'Computed in your browser from {count} request.',
    other: 'Computed in your browser from {count} requests.',
  },
  reportCardIncomplete: 'Only the {count} most recent requests could be loaded, so these figures leave out older ones.',
  reportCardCaption: 'Requests by category, {period}',
  reportCardColCategory: 'Category',
  reportCardColReceived: 'Received',
  reportCardColClosed: 'Closed',
  reportCardColOpen: 'Still open',
  reportCardColOverdue: 'Overdue',
  reportCardColOnTime: 'On time',
  reportCardColAckMedian: 'Days to acknowledge (median)',
  reportCardColAckP90: 'Days to acknowledge (90th percentile)',
  reportCardColCloseMedian: 'Days to close (median)',
  reportCardColCloseP90: 'Days to close (90th percentile)',
  reportCardColReopened: 'Reopened',
  reportCardAll: 'All categories',
  reportCardNotEnough: 'Not enough data',
  reportCardNotAvailable: 'Not available',
  reportCardNotKnown: 'Not known',
  reportCardChartOnTime: 'Share of requests handled on time, by category',
  reportCardChartClose: 'Median days to close, by category',
  reportCardChartNote: 'Categories with fewer than {count} requests are left out of the charts.',
  reportCardCsv: 'Download these figures (CSV)',
  reportCardCsvName: 'report-card-{days}-days.csv',
  reportCardHowTitle: 'How each figure is computed',
  reportCardHowCohort: 'Every figure is about the requests received in the period; one received earlier is not counted, even if it closed during the period.',
  reportCardHowReceived: 'Closed and Still open split the requests received by their status now.',
  reportCardHowOverdue: "Overdue: still open after the expected date (the request's own, or the category's service-level target).",
  reportCardHowOnTime: 'On time: closed by the expected date, divided by all closed on time, closed late or overdue. Requests without an expected date are left out.',
  reportCardHowAck: 'Days to acknowledge: from receipt to the first update after the opening one (assigned, inspected or closed); none when the system publishes no updates.',
  reportCardHowClose: 'Days to close: from receipt to the closing update (or the last update, when there are none).',
  reportCardHowPercentiles: 'Median: half the requests took this long or less. 90th percentile: 9 in 10 took this long or less.',
  reportCardHowReopened: 'Reopened: closed requests worked on again, where the updates show it.',
  reportCardHowMinimum: 'Under {count} requests a category shows "Not enough data" instead of shares and days, so one quick fix cannot flatter it.',
  reportCardAnnounce: {
    one: 'Report card ready: {count} request received in this period.',
    other: 'Report card ready: {count} requests received in this period.',
  },
} satisfies Record<string, Message>;

/** Spanish: civic Spanish, addressing the resident as "usted". */
const es: Record<keyof typeof en, Message> = {
  reportCardTitle: 'Informe de resultados del 311',
  reportCardIntro: 'Con qué rapidez la ciudad atiende y cierra las solicitudes que envían los residentes.',
  reportCardWindowLabel: 'Período',
  reportCardWindow30: 'Últimos 30 días',
  reportCardWindow90: 'Últimos 90 días',
  reportCardWindow365: 'Últimos 12 meses',
  reportCardLoading: 'Cargando el informe…',
  reportCardProgress: {
    one: 'Se ha cargado {count} solicitud ({percent} del período)',
    other: 'Se han cargado {count} solicitudes ({percent} del período)',
  },
  reportCardEmpty: 'No se recibieron solicitudes en este período, así que todavía no hay nada que informar.',
  reportCardFresh: 'Cifras calculadas el {date} para el período del {from} al {to}.',
  reportCardSourceServer: 'Calculadas por el sistema 311 de la ciudad.',
  reportCardSourceBrowser: {
    one: 'Calculadas en su navegador a partir de {count} solicitud.',
    other: 'Calculadas en su navegador a partir de {count} solicitudes.',
  },
  reportCardIncomplete: 'Solo se pudieron cargar las {count} solicitudes más recientes, así que estas cifras no incluyen las anteriores.',
  reportCardCaption: 'Solicitudes por categoría, {period}',
  reportCardColCategory: 'Categoría',
  reportCardColReceived: 'Recibidas',
  reportCardColClosed: 'Cerradas',
  reportCardColOpen: 'Aún abiertas',
  reportCardColOverdue: 'Con retraso',
  reportCardColOnTime: 'A tiempo',
  reportCardColAckMedian: 'Días hasta la primera respuesta (mediana)',
  reportCardColAckP90: 'Días hasta la primera respuesta (percentil 90)',
  reportCardColCloseMedian: 'Días hasta el cierre (mediana)',
  reportCardColCloseP90: 'Días hasta el cierre (percentil 90)',
  reportCardColReopened: 'Reabiertas',
  reportCardAll: 'Todas las categorías',
  reportCardNotEnough: 'Datos insuficientes',
  reportCardNotAvailable: 'No disponible',
  reportCardNotKnown: 'Se desconoce',
  reportCardChartOnTime: 'Proporción de solicitudes atendidas a tiempo, por categoría',
  reportCardChartClose: 'Mediana de días hasta el cierre, por categoría',
  reportCardChartNote: 'Las categorías con menos de {count} solicitudes no aparecen en los gráficos.',
  reportCardCsv: 'Descargar estas cifras (CSV)',
  reportCardCsvName: 'informe-{days}-dias.csv',
  reportCardHowTitle: 'Cómo se calcula cada cifra',
  reportCardHowCohort: 'Todas las cifras se refieren a las solicitudes recibidas en el período; una recibida antes no se cuenta, aunque se cerrara durante el período.',
  reportCardHowReceived: 'Cerradas y Aún abiertas dividen las solicitudes recibidas según su estado actual.',
  reportCardHowOverdue: 'Con retraso: siguen abiertas después de la fecha prevista (la de la solicitud, o el plazo de servicio de la categoría).',
  reportCardHowOnTime: 'A tiempo: cerradas antes de la fecha prevista, divididas entre todas las cerradas a tiempo, cerradas tarde o con retraso. Las solicitudes sin fecha prevista no se cuentan.',
  reportCardHowAck: 'Días hasta la primera respuesta: desde la recepción hasta la primera novedad tras la apertura (asignada, inspeccionada o cerrada); no hay cifra si el sistema no publica novedades.',
  reportCardHowClose: 'Días hasta el cierre: desde la recepción hasta la novedad de cierre (o la última actualización, si no hay novedades).',
  reportCardHowPercentiles: 'Mediana: la mitad de las solicitudes tardó esto o menos. Percentil 90: 9 de cada 10 tardaron esto o menos.',
  reportCardHowReopened: 'Reabiertas: cerradas en las que se volvió a trabajar, cuando las novedades lo muestran.',
  reportCardHowMinimum: 'Con menos de {count} solicitudes, una categoría muestra «Datos insuficientes» en lugar de proporciones y días, para que un arreglo rápido no la embellezca.',
  reportCardAnnounce: {
    one: 'Informe listo: se recibió {count} solicitud en este período.',
    other: 'Informe listo: se recibieron {count} solicitudes en este período.',
  },
};

export const reportCardMessages = { en, es };

type ReportCardMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends ReportCardMessages {}
}
