/**
 * The JSDoc in src/functions/functions.ts is the contract Excel sees: this runs the same metadata
 * generator as the build and checks what it declares for every function.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as functionsModule from '../../src/functions/functions';
import { FUNCTION_SPECS, type ParameterSpec } from '../../src/functions/signatures';

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: 'scalar' | 'matrix';
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

const source = path.join(__dirname, '../../src/functions/functions.ts');

/** Expected signature of each function, from the one table (src/functions/signatures.ts). */
const EXPECTED = Object.fromEntries(
  Object.entries(FUNCTION_SPECS).map(([id, spec]) => {
    const params: readonly ParameterSpec[] = spec.params;
    return [
      id,
      {
        params: params.map((p) => p.name),
        matrix: params.filter((p) => p.matrix).map((p) => p.name),
        optional: params.filter((p) => p.optional).map((p) => p.name),
        spills: spec.spills,
      },
    ];
  }),
);

/** Each `@customfunction` JSDoc block of functions.ts, by Excel name. */
function jsdocBlocks(): Map<string, string> {
  const text = readFileSync(source, 'utf8');
  const blocks = new Map<string, string>();
  for (const match of text.matchAll(
    /\/\*\*((?:(?!\*\/)[\s\S])*?@customfunction (\w+)[\s\S]*?)\*\//g,
  ))
    blocks.set(match[2], match[1]);
  return blocks;
}

let metadata: FunctionMetadata[];
let errors: string[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(source, false);
  errors = generated.errors;
  metadata = JSON.parse(generated.metadataJson).functions;
}, 60_000);

describe('functions.json generated from functions.ts', () => {
  it('generates without errors', () => {
    expect(errors).toEqual([]);
  });

  it('declares exactly the expected functions', () => {
    expect(metadata.map((fn) => fn.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('declares every exported function of functions.ts', () => {
    const exported = Object.entries(functionsModule).filter(
      ([, value]) => typeof value === 'function',
    );
    expect(exported.length).toBe(metadata.length);
    // Each Excel name maps to an exported function (the map the stand-in and tests use).
    for (const fn of metadata) {
      expect(typeof (functionsModule.CAPITAL_FUNCTIONS as Record<string, unknown>)[fn.id]).toBe(
        'function',
      );
    }
  });

  it.each(Object.entries(EXPECTED))(
    '%s has its parameters, types, optional flags and descriptions',
    (id, expected) => {
      const fn = metadata.find((candidate) => candidate.id === id)!;
      expect(fn.name).toBe(id);
      expect(fn.description && fn.description.length).toBeGreaterThan(15);
      expect(fn.parameters.map((p) => p.name)).toEqual(expected.params);
      for (const parameter of fn.parameters) {
        expect(parameter.description && parameter.description.length).toBeGreaterThan(5);
        expect(parameter.dimensionality ?? 'scalar').toBe(
          expected.matrix.includes(parameter.name) ? 'matrix' : 'scalar',
        );
        expect(Boolean(parameter.optional)).toBe(expected.optional.includes(parameter.name));
        // Every argument is read and checked by the function itself, so Excel passes it as given.
        expect(parameter.type).toBe('any');
      }
      // Optional parameters come last, as Excel requires.
      const firstOptional = fn.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect(fn.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
      expect(fn.result.dimensionality === 'matrix').toBe(expected.spills);
    },
  );

  it.each(Object.entries(FUNCTION_SPECS))(
    "%s's JSDoc names the table's parameters, brackets the optional ones and mentions no other",
    (id, spec) => {
      const block = jsdocBlocks().get(id)!;
      const params: readonly ParameterSpec[] = spec.params;
      const documented = [...block.matchAll(/@param (\[?)(\w+)\]?/g)].map((m) => ({
        name: m[2],
        optional: m[1] === '[',
      }));
      expect(documented).toEqual(
        params.map((p) => ({ name: p.name, optional: Boolean(p.optional) })),
      );
      // A stale name such as FORMATMONEY's old `from_unit` is caught: every snake_case word is a parameter.
      const names = new Set(params.map((p) => p.name));
      const stray = [...block.matchAll(/\b[a-z]+_[a-z_]+\b/g)]
        .map((m) => m[0])
        .filter((w) => !names.has(w));
      expect(stray).toEqual([]);
    },
  );
});
