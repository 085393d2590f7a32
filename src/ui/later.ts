import { t } from '../lib/i18n/locale.svelte.ts';
import type { RestStatus } from '../lib/state/atlas-data.ts';

/** What the page says while the routes, journeys and documents follow the first view, or why they could not come. */
export const laterMessage = (later: RestStatus): string | null =>
  later ? (later.state === 'failed' ? t('later.failed', { reason: later.message }) : t('later.loading')) : null;
