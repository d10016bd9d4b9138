// @vitest-environment jsdom
// The same cases under jsdom, whose DOM is closer to a browser's: DOMPurify does the work there.
import { sanitizerSuite } from './safe-html.cases';

sanitizerSuite('jsdom', { fidelity: true });
