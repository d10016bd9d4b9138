/** Whether an article may be stored: global switch, per-site switch, never in private windows. */
import { featuresItem, siteKeyFor, sitesItem, withFeatureDefaults } from '../ui/settings';
import type { StorePolicy } from './service';

export const storePolicy: StorePolicy = {
  async shouldStore(url, privateTab) {
    if (privateTab) return false;
    const [features, sites] = await Promise.all([featuresItem.getValue(), sitesItem.getValue()]);
    if (!withFeatureDefaults(features).storeArticles) return false;
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return false;
    }
    // The content script only reports from sites that are on; a site switched off stores nothing.
    const key = siteKeyFor(sites ?? {}, host);
    return key == null || sites![key] !== false;
  },
};
