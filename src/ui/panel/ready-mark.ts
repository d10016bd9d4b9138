/**
 * User Timing mark the panel sets when the article's entity chips are in the DOM. A real side
 * panel cannot be scripted before it loads, so bench/panel.ts reads this mark afterwards to time
 * its opening.
 */
export const PANEL_READY_MARK = 'sorot-panel-ready';
