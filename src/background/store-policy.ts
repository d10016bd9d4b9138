/** Whether an article may be stored: global switch, per-site switches, never in private windows. */
import { featuresItem, isStoreBlocked, noStoreSitesItem, siteKeyFor, sitesItem, withFeatureDefaults } from '../ui/settings';
import type { StorePolicy } from './service';

export const storePolicy: StorePolicy = {
  async whyNotStore(url, privateTab) {
    if (privateTab) return 'private';
    const [features, sites, noStore] = await Promise.all([featuresItem.getValue(), sitesItem.getValue(), noStoreSitesItem.getValue()]);
    if (!withFeatureDefaults(features).storeArticles) return 'off';
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return 'site';
    }
    if (isStoreBlocked(noStore ?? {}, host)) return 'site';
    // The content script only reports from sites that are on; a site switched off stores nothing.
    const key = siteKeyFor(sites ?? {}, host);
    return key == null || sites![key] !== false ? null : 'site';
  },
};
