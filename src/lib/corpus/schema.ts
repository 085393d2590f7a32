import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { DIRECTIONS, PRECISIONS } from '../atlas/contract.ts';
import { ROLES } from '../atlas/roles.ts';
import { calendarProblem } from './dates.ts';

// The input files' shapes. Validated at the boundary so the rest of the code can trust the types.
const isoDate = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';
/** A date field: written as an ISO prefix, and a day the calendar has (no 1962-02-31). */
const calendarDate = { type: 'string', pattern: isoDate, format: 'calendar-date' };
const id = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** A file directly in geodata/sources/: no folders, no leading dot (so no "..", no hidden files). */
const SOURCE_NAME = '^[A-Za-z0-9_][A-Za-z0-9_.-]*$';
const lonLat = {
  type: 'array',
  items: [
    { type: 'number', minimum: -180, maximum: 180 },
    { type: 'number', minimum: -90, maximum: 90 },
  ],
  minItems: 2,
  maxItems: 2,
};
/** A zone's outline may run on past ±180 to cross the meridian (it is cut there when drawn; see polygon-checks.ts). */
const zoneLonLat = {
  ...lonLat,
  items: [
    { type: 'number', minimum: -360, maximum: 360 },
    { type: 'number', minimum: -90, maximum: 90 },
  ],
};
const quote = {
  type: 'object',
  required: ['exact'],
  additionalProperties: false,
  properties: {
    exact: { type: 'string', minLength: 1 },
    prefix: { type: 'string' },
    suffix: { type: 'string' },
  },
};
const period = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: calendarDate,
    to: calendarDate,
    approximate: { type: 'boolean' },
  },
};
/** A draft's marks (corpus:suggest): allowed by the schema so that load.ts can refuse them with the fix. */
const draft = {
  status: { enum: ['suggested', 'reviewed'] },
  confidence: { type: 'number', minimum: 0, maximum: 1 },
  why: { type: 'string' },
};
const naturalEarth = {
  type: 'object',
  required: ['natural_earth_id', 'natural_earth_name'],
  additionalProperties: false,
  properties: {
    natural_earth_id: { type: 'string', pattern: '^\\d{3}$' },
    natural_earth_name: { type: 'string' },
    clip: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 },
    merge: { type: 'array', items: { type: 'string', pattern: '^\\d{3}$' }, minItems: 1, uniqueItems: true },
  },
};
const circleSpec = {
  type: 'object',
  required: ['center', 'radius_km'],
  additionalProperties: false,
  properties: { center: lonLat, radius_km: { type: 'number', exclusiveMinimum: 0, maximum: 3000 } },
};

export const documentMetaSchema = {
  type: 'object',
  required: ['id', 'title', 'date', 'originator', 'archive', 'citation', 'language', 'source'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: id },
    title: { type: 'string', minLength: 1 },
    date: calendarDate,
    originator: { type: 'string' },
    originator_es: { type: 'string', minLength: 1 },
    recipient: { type: 'string' },
    classification: { type: 'string' },
    archive: { type: 'string' },
    recordId: { type: 'string' },
    translator: { type: 'string' },
    citation: { type: 'string' },
    language: { type: 'string' },
    language_es: { type: 'string', minLength: 1 },
    source: { type: 'string', pattern: SOURCE_NAME },
    summary: { type: 'string' },
    notes: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
};

export const placesSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'name', 'kind', 'precision', 'source'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: id },
      name: { type: 'string', minLength: 1 },
      label: { type: 'string', minLength: 1 },
      name_es: { type: 'string', minLength: 1 },
      label_es: { type: 'string', minLength: 1 },
      name_es_source: { type: 'string', minLength: 1 },
      aliases: { type: 'array', items: { type: 'string', minLength: 1 } },
      kind: { enum: ['city', 'site', 'country', 'region'] },
      precision: { enum: [...PRECISIONS] },
      point: lonLat,
      country: naturalEarth,
      area: {
        type: 'object',
        additionalProperties: false,
        properties: {
          circle: circleSpec,
          polygon: { type: 'array', items: zoneLonLat, minItems: 3 },
          country: naturalEarth,
          parts: {
            type: 'array',
            minItems: 2,
            items: {
              type: 'object',
              additionalProperties: false,
              minProperties: 1,
              maxProperties: 1,
              properties: { circle: circleSpec, polygon: { type: 'array', items: lonLat, minItems: 3 } },
            },
          },
        },
        minProperties: 1,
        maxProperties: 1,
      },
      source: { type: 'string', minLength: 1 },
      wikidata: { type: 'string', pattern: '^Q\\d+$' },
      geonames: { type: 'integer' },
      note: { type: 'string' },
      note_es: { type: 'string', minLength: 1 },
      ...draft,
    },
  },
};

export const claimsSchema = {
  type: 'object',
  required: ['document', 'claims'],
  additionalProperties: false,
  properties: {
    document: { type: 'string', pattern: id },
    claims: {
      type: 'array',
      items: {
        type: 'object',
        required: ['place', 'role', 'quote'],
        additionalProperties: false,
        properties: {
          place: { type: 'string' },
          role: { enum: [...ROLES] },
          quote,
          period,
          context: { type: 'array', items: quote, minItems: 1 },
          note: { type: 'string' },
          note_es: { type: 'string', minLength: 1 },
          ...draft,
        },
      },
    },
  },
};

export const routesSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'name', 'document', 'legs'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: id },
      name: { type: 'string', minLength: 1 },
      name_es: { type: 'string', minLength: 1 },
      document: { type: 'string', pattern: id },
      legs: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['from', 'to', 'quote'],
          additionalProperties: false,
          properties: {
            from: { type: 'string' },
            to: { type: 'string' },
            quote,
            direction: { enum: [...DIRECTIONS] },
            branch: { type: 'string', minLength: 1 },
            branch_es: { type: 'string', minLength: 1 },
            within: { type: 'boolean' },
            together: { type: 'boolean' },
            unstated: { type: 'array', items: { enum: ['from', 'to'] }, minItems: 1, uniqueItems: true },
            context: { type: 'array', items: quote, minItems: 1 },
            period,
            note: { type: 'string' },
            note_es: { type: 'string', minLength: 1 },
            ...draft,
          },
        },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true, strictTuples: false, verbose: true });
// Strings that do not match the ISO pattern pass here: the pattern's own message covers them.
ajv.addFormat('calendar-date', { type: 'string', validate: (s: string) => calendarProblem(s) === undefined });
export const validators = {
  documentMeta: ajv.compile(documentMetaSchema),
  places: ajv.compile(placesSchema),
  claims: ajv.compile(claimsSchema),
  routes: ajv.compile(routesSchema),
};

export interface SchemaProblem {
  path: Array<string | number>;
  message: string;
}

/** Turns Ajv's errors into a path plus a sentence that says what to write instead. */
export function schemaProblems(validate: ValidateFunction, data: unknown): SchemaProblem[] {
  if (validate(data)) return [];
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of validate.errors ?? []) {
    const problem = describe(error);
    const key = problem.path.join('/') + problem.message;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

function describe(error: ErrorObject): SchemaProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  const field = path.length ? `"${path.join('.')}"` : 'the file';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, message: `${field} is missing the field "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      if (p.additionalProperty === 'directed')
        return { path, message: `${field} uses "directed", which is now "direction": write direction: undirected where the words name both ends but not the order, or direction: round-trip where they give both ways (CURATING.md, "A leg's words")` };
      return { path, message: `${field} has an unknown field "${String(p.additionalProperty)}"; check its spelling` };
    case 'enum':
      return { path, message: `${field} must be one of: ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'pattern':
      if (error.schemaPath.includes('date') || String(p.pattern) === isoDate)
        return { path, message: `${field} must be a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 1962-04-14)` };
      if (String(p.pattern) === SOURCE_NAME)
        return { path, message: `${field} must be the name of a file in geodata/sources/: letters, digits, "_", "-" and ".", not starting with a dot, and no folders (for example "002_1dba2af539d1b6e3.txt")` };
      return { path, message: `${field} must be lower-case words joined by hyphens (for example "paris" or "rural-hills")` };
    case 'minimum':
    case 'maximum': {
      const which = path[path.length - 1] === 0 ? 'longitude' : path[path.length - 1] === 1 ? 'latitude' : 'value';
      return { path, message: `${field}: ${which} out of range, it ${error.message}; coordinates are written [longitude, latitude]` };
    }
    case 'minLength':
      if (p.limit === 1) return { path, message: `${field} is empty; write the text, or leave the field out` };
      return { path, message: `${field} ${error.message ?? 'is too short'}` };
    case 'format':
      if (p.format === 'calendar-date') return { path, message: `${field} is ${String(error.data)}, which is not in the calendar: ${calendarProblem(String(error.data))}` };
      return { path, message: `${field} ${error.message ?? 'is not valid'}` };
    default:
      return { path, message: `${field} ${error.message ?? 'is not valid'}` };
  }
}
