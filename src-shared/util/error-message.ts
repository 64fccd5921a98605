// What to tell the analyst about something thrown: an Error's message, anything else as text.
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
