import type { TestProject } from 'vitest/node';
import { createPgDatabase } from './pg-admin';

declare module 'vitest' {
  export interface ProvidedContext { sharedPgUrl: string | undefined }
}

/** One PostgreSQL database for the whole run, dropped at its end (even when tests fail). */
export default async function setup(project: TestProject) {
  if (!process.env.TEST_DATABASE_URL) {
    project.provide('sharedPgUrl', undefined);
    return;
  }
  const created = await createPgDatabase();
  project.provide('sharedPgUrl', created.url);
  return () => created.drop();
}
