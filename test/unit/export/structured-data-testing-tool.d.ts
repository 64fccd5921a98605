// The parts of structured-data-testing-tool (no types of its own) that the ClaimReview check uses.
declare module 'structured-data-testing-tool' {
  export function structuredDataTest(input: string, options: { presets: unknown[] }): Promise<unknown>;
}
declare module 'structured-data-testing-tool/presets/google/schemas/ClaimReview' {
  export const ClaimReview: unknown;
}
