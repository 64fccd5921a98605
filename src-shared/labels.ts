// The label set a new library starts with; keys 1–5 follow this order.
import type { LabelRecord } from './model';

export const DEFAULT_LABELS: readonly LabelRecord[] = [
  { id: 'claim', name: 'Claim', color: '#f2c94c', order: 0 },
  { id: 'statistic', name: 'Statistic', color: '#56ccf2', order: 1 },
  { id: 'quote', name: 'Quote', color: '#6fcf97', order: 2 },
  { id: 'opinion', name: 'Opinion', color: '#f2994a', order: 3 },
  { id: 'prediction', name: 'Prediction', color: '#bb6bd9', order: 4 },
];
