import { afterAll } from 'vitest';

// Preact's effect scheduler keeps a 100 ms fallback timer after a component unmounts; let it run
// before the DOM environment of the file is torn down, or it fires into a missing window.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));
