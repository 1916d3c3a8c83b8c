import type { Message } from '../../core/locales/en.js';
import type { ReportCardMessages } from './strings.js';

/**
 * Spanish: civic Spanish, addressing the resident as "usted". A chunk of its own, loaded only
 * when a widget on the page speaks Spanish.
 */
export const es: Record<keyof ReportCardMessages, Message> = {
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
