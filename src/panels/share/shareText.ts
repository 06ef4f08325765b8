import { useCallback } from 'react';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import type { ModelMessageKey } from '../../model';
import type { LessonMessageKey } from '../../model/lesson';
import type { MessageParams, ShareMessageKey } from '../../share';
import { isolateParams } from '../Name';

// Compile-time proof that the dictionaries have every key share/, the model and lessons explain
// themselves with: a key added there without a translation stops this line from type-checking.
const translated: (key: ShareMessageKey | ModelMessageKey | LessonMessageKey) => MessageKey = (key) => key;

export interface Said {
  key: ShareMessageKey | ModelMessageKey | LessonMessageKey;
  params?: MessageParams;
  path?: string;
}

/** `say(x)`: what share/ (or the model it validates with) says, in the user's language. */
export function useSay(): (x: Said) => string {
  const t = useT();
  // names from files and links are isolated: a bidi control in one cannot reverse the sentence
  return useCallback((x: Said) => t(translated(x.key), x.params && isolateParams(x.params)), [t]);
}
