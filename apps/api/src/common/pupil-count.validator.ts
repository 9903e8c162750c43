import { ValidateBy, type ValidationOptions } from 'class-validator';
import { PUPIL_COUNT_MAX, PUPIL_COUNT_MIN, pupilCountProblem } from '@partnerships/domain';

/**
 * A number of pupils, with the one set of limits every input uses (`pupilCountProblem`: a whole
 * number from 0 to 10,000): a census figure, a school's correction, the calculator, the planner
 * and a credit note's corrected number accept and refuse the same values, with the same words.
 */
export function IsPupilCount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPupilCount',
      constraints: [PUPIL_COUNT_MIN, PUPIL_COUNT_MAX],
      validator: {
        validate: (value: unknown) => pupilCountProblem(value) === null,
        defaultMessage: (args) => pupilCountProblem(args?.value) ?? 'The number of pupils is not valid',
      },
    },
    options,
  );
}
