/** URL of the reference backend that web-test-runner started for this run (no trailing slash). */
export const BACKEND_URL: string = (window as unknown as { CIVIC_TEST_BACKEND: string }).CIVIC_TEST_BACKEND;

/** The backend's GeoReport v2 endpoint, as a widget's `endpoint` attribute would name it. */
export const OPEN311_ENDPOINT = `${BACKEND_URL}/open311/v2`;
