// Runs tasks one after another: each starts once the one before has settled, whether it
// succeeded or failed, and its caller sees its own result. For writes that must not interleave
// (one file written twice at once, two imports adding the same articles between their steps).
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function serialQueue(): SerialQueue {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = last.then(task, task);
    last = next.catch(() => undefined);
    return next;
  };
}
