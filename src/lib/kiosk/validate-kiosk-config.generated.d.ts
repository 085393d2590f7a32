// Types for the module src/build/kiosk-validator.ts generates (Ajv standalone code of config-schema.ts).
import type { ErrorObject } from 'ajv';

interface StandaloneValidate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export declare const validate: StandaloneValidate;
export default validate;
