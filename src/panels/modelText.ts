import { useCallback } from 'react';
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/useLocale';
import type { Explanation, ModelMessageKey } from '../model';

// Compile-time proof that both dictionaries have every key the model explains itself with: if a key is
// added to MODEL_MESSAGE_KEYS without a translation, this line stops type-checking.
const everyModelKeyIsTranslated: (key: ModelMessageKey) => MessageKey = (key) => key;

/** `explain(e)`: an explanation from the model, in the user's language. */
export function useExplain(): (e: Explanation) => string {
  const t = useT();
  return useCallback((e: Explanation) => t(everyModelKeyIsTranslated(e.key), e.params), [t]);
}
