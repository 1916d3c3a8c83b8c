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

/** English now; other languages load when a widget speaks them (see `registerMessages`). */
export const reportCardMessages = { en, es: () => import('./strings.es.js').then((m) => m.es) };

export type ReportCardMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends ReportCardMessages {}
}
