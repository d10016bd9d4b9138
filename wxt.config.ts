import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
export default defineConfig({ vite: () => ({ plugins: [preact()] }) });
