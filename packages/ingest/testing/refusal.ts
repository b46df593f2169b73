import { AppError } from '@jixiao/core';

/** The AppError a call refuses with; anything else it throws, or no refusal at all, fails the test. */
export const refusal = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};
