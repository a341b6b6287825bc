/** Loads the bundled fixtures for tests. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(root, name), 'utf8')) as T;
}

export interface DtiFixtureRow {
  id: string;
  name: string;
  region: string;
  year: number;
  framework: string;
  source: string;
  points?: Record<string, number>;
  values?: Record<string, number>;
}

export interface DbiFixtureRow {
  id: string;
  name: string;
  district: string;
  sector: string;
  size: string;
  year: number;
  framework: string;
  answers: Record<string, number>;
}
