import { afterAll } from 'vitest';
// The tagger's model and clusters, as Node reads them (the extension fetches them: entities/data.ts).
import '../../src/entities/node';

// Preact's effect scheduler keeps a 100 ms fallback timer after a component unmounts; let it run
// before the DOM environment of the file is torn down, or it fires into a missing window.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));
