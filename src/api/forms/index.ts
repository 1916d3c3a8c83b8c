export {
  FormsClient,
  type FormReceipt,
  type FormsBackend,
  type FormsClientOptions,
  type FormSubmissionInput,
  type FormSubmissionStatus,
  type FormSubmitOptions,
  type FormSummary,
} from './client.js';
export { fetchWithProgress, type UploadProgress } from './upload.js';
