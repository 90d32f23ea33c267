import { Predictor, urlBundleSource } from '@hlsest/predictor';
import { h } from './dom.js';
import { mountApp } from './app.js';

const root = document.getElementById('app')!;
const started = performance.now();

/** The page loads the shipped bundle from its own origin; everything else happens locally. */
async function start(): Promise<void> {
  try {
    const predictor = await Predictor.load(urlBundleSource(new URL('./bundle/', document.baseURI)));
    mountApp(root, predictor, started);
  } catch (error) {
    root.replaceChildren(h('p', { className: 'error', 'data-testid': 'fatal' }, `The predictor could not start: ${(error as Error).message}`));
  }
}

void start();
