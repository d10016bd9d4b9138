// @vitest-environment happy-dom
import { sanitizerSuite } from './safe-html.cases';

// Safety properties must hold even where DOMPurify is unreliable (happy-dom).
sanitizerSuite('happy-dom', { fidelity: false });
