import { earlyReads } from '@/src/ui/panel/early';

// Loaded by sidepanel.html ahead of the panel's modules: see src/ui/panel/early.ts.
export default defineUnlistedScript(() => {
  void earlyReads();
});
