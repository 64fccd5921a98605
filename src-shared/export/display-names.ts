// How statuses, priorities and evidence stances read in exported files and reports.
import type { EvidenceStance, Priority, Status } from '../model';

export const STATUS_NAMES: Readonly<Record<Status, string>> = {
  'to-check': 'To check',
  'in-progress': 'In progress',
  checked: 'Checked',
  published: 'Published',
};

export const PRIORITY_NAMES: Readonly<Record<Priority, string>> = {
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

export const STANCE_NAMES: Readonly<Record<EvidenceStance, string>> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
};
