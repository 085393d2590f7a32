import { inject } from 'vitest';
import type { Atlas } from '../../src/lib/atlas/contract.ts';

/**
 * The bundled corpus as the build derives it: derived once per run by real-atlas-setup.ts and handed to each test file
 * as a fresh copy, so a test that changes it changes only its own.
 */
export const realAtlas = (): Atlas => inject('realAtlas');
