// The check-worthiness model Claimdesk ships: the weights scripts/train-checkworthy.ts wrote
// (checkworthy-weights.json, bundled into the CLI and the renderer's worker), loaded once.
import { loadCheckworthyModel, type CheckworthyModel } from './checkworthy';
import weights from './checkworthy-weights.json';

let model: CheckworthyModel | null = null;

/** The shipped model, decoded on first use. */
export function defaultModel(): CheckworthyModel {
  model ??= loadCheckworthyModel(weights);
  return model;
}
