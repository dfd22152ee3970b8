import type { WaitingDiagnosis } from '../core/diagnosis.js';

/**
 * How the panel names the day news is expected: in the past tense only once that day has gone by. The day the
 * diagnosis was made for (`date`, the user's "today" or the asOf asked for) decides, not the browser's clock.
 */
export function expectedByLabel(diagnosis: Pick<WaitingDiagnosis, 'expectedBy' | 'date'>): string {
  if (diagnosis.expectedBy > diagnosis.date) return 'News is expected around';
  if (diagnosis.expectedBy === diagnosis.date) return 'News is due around';
  return 'News was due around';
}
