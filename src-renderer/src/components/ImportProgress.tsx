// The progress of large imports, wherever the window mounts it: the file, how much of it the
// importer has read, the articles found so far, and a way to stop it.
import type { ReactElement } from 'react';
import { cancelImportJob, useImportJobs, type ImportJobView } from '../app/import-files';
import './import-progress.css';

const STAGE_TEXT: Partial<Record<ImportJobView['stage'], string>> = {
  cancelling: 'Cancelling…',
  storing: 'Adding to the library…',
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const count = (n: number): string => n.toLocaleString('en');

function ImportJob({ job }: { job: ImportJobView }): ReactElement {
  // Storing in steps (a large new file): the bar counts articles stored, not bytes read.
  const storingInSteps = job.stage === 'storing' && job.stored > 0 && job.articles > 0;
  const fraction = storingInSteps
    ? job.stored / job.articles
    : job.totalBytes > 0
      ? job.bytes / job.totalBytes
      : 0;
  const percent = Math.min(100, Math.round(fraction * 100));
  const found = `${count(job.articles)} article${job.articles === 1 ? '' : 's'} found`;
  const read = storingInSteps
    ? `${count(job.stored)} of ${count(job.articles)} articles added to the library`
    : `${mb(job.bytes)} of ${mb(job.totalBytes)}`;
  return (
    <li className="cd-notice cd-import-job">
      <span className="cd-import-name" title={job.name}>
        {job.name}
      </span>
      <div
        className="cd-import-bar"
        role="progressbar"
        aria-label={`Importing ${job.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${read}, ${found}`}
      >
        <div className="cd-import-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="cd-import-detail">
        {storingInSteps
          ? `Adding to the library… ${count(job.stored)} of ${count(job.articles)}`
          : (STAGE_TEXT[job.stage] ?? `${read} · ${found}`)}
      </span>
      <button type="button" onClick={() => cancelImportJob(job.jobId)} disabled={job.stage !== 'parsing'}>
        Cancel import
      </button>
    </li>
  );
}

export function ImportProgress(): ReactElement | null {
  const jobs = useImportJobs();
  if (jobs.length === 0) return null;
  return (
    <section className="cd-import-progress" aria-label="Imports in progress">
      <ul>
        {jobs.map((job) => (
          <ImportJob key={job.jobId} job={job} />
        ))}
      </ul>
    </section>
  );
}
