/** Clutter engine: detect (pure), then mark/hide reversibly. */
export { findClutter, findClutterIn, linkDensity, type ClutterHit } from './detect';
export { markClutter, setHiding, setShown, unmarkAll, HIDE_CSS, CLUTTER_ATTR, RULE_ATTR, SHOWN_ATTR, HIDE_ATTR, WRAP_ATTR } from './hide';
export { earlyCss, siteRulesFor } from './sites';
export { TEXT_RULES, CLASS_RULES, THRESHOLDS } from './rules';
