/** URL of the reference backend that web-test-runner started for this run (no trailing slash). */
export const BACKEND_URL: string = (window as unknown as { CIVIC_TEST_BACKEND: string }).CIVIC_TEST_BACKEND;

/** The backend's GeoReport v2 endpoint, as a widget's `endpoint` attribute would name it. */
export const OPEN311_ENDPOINT = `${BACKEND_URL}/open311/v2`;

/** The backend's records contract. */
export const RECORDS_ENDPOINT = `${BACKEND_URL}/records/v1`;

/** The staff token web-test-runner gives the backend, for tests that play the city's side. */
export const STAFF_TOKEN = 'wtr-staff-token-not-a-secret';

/** The backend's notifications contract. */
export const NOTIFY_ENDPOINT = `${BACKEND_URL}/notify/v1`;
/** The backend's forms contract. */
export const FORMS_ENDPOINT = `${BACKEND_URL}/forms/v1`;
