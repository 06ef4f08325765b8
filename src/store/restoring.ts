// The document validators (see validators.ts): importing this module provides them.
import { restoreScenario } from '../model';
import { restoreLesson } from '../model/schemas/lesson';
import { provideValidators } from './validators';

provideValidators({ restoreScenario, restoreLesson });

/** Something to import by name (a bare import of a side-effect-free module would be left out of the build). */
export const validatorsReady = true;
