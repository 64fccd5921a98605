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

function ImportJob({ job }: { job: ImportJobView }): ReactElement {
  const percent = job.totalBytes > 0 ? Math.min(100, Math.round((job.bytes / job.totalBytes) * 100)) : 0;
  const found = `${job.articles} article${job.articles === 1 ? '' : 's'} found`;
  const read = `${mb(job.bytes)} of ${mb(job.totalBytes)}`;
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
      <span className="cd-import-detail">{STAGE_TEXT[job.stage] ?? `${read} · ${found}`}</span>
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
