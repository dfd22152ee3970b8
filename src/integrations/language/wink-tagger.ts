import { createRequire } from 'node:module';
import type WinkFn from 'wink-nlp';
import type { PartOfSpeechTagger } from '../../core/ports.js';

type Nlp = ReturnType<typeof WinkFn>;

/**
 * The PartOfSpeechTagger port on wink-nlp and its English model. The model takes about a quarter of a
 * second to load, so it is loaded on the first text (through `require`, which keeps `tag` synchronous) and
 * then reused by every analysis in the process.
 */
export const winkTagger: PartOfSpeechTagger = createWinkTagger();

function createWinkTagger(): PartOfSpeechTagger {
  let nlp: Nlp | undefined;
  const load = (): Nlp => {
    if (nlp === undefined) {
      const require = createRequire(import.meta.url);
      const winkNLP = require('wink-nlp') as typeof WinkFn;
      const model = require('wink-eng-lite-web-model') as Parameters<typeof WinkFn>[0];
      nlp = winkNLP(model, ['pos']);
    }
    return nlp;
  };
  return {
    tag(text) {
      const loaded = load();
      const tokens = loaded.readDoc(text).tokens();
      const values = tokens.out() as string[];
      const tags = tokens.out(loaded.its.pos) as string[];
      return values.map((value, index) => ({ value, pos: tags[index] ?? 'X' }));
    },
  };
}
