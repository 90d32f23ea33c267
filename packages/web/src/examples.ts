import jetTagger from '../../../examples/jet-tagger.json?raw';
import svhnCnn from '../../../examples/svhn-cnn.json?raw';

/** The example models shipped with hlsest, bundled into the page. */
export const EXAMPLES: Readonly<Record<string, { label: string; text: string }>> = {
  'jet-tagger': { label: 'Jet tagger, 16→64→32→32→5 (Dense)', text: jetTagger },
  'svhn-cnn': { label: 'SVHN-style CNN, 32×32×3 (Conv2D)', text: svhnCnn },
};
