import { EmulatorError } from '../errors.js';

/** A JSON object received in a request body. */
export type JsonObject = Record<string, unknown>;

/** Checks that a parsed body is a JSON object; throws {@link EmulatorError} 400 otherwise. */
export function asObject(value: unknown): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmulatorError(400, 'Request body must be a JSON object');
  }
  return value as JsonObject;
}

/** A required non-empty string field. */
export function requiredString(input: JsonObject, field: string): string {
  const value = input[field];
  if (typeof value !== 'string' || !value) throw new EmulatorError(400, `${field} must be a non-empty string`);
  return value;
}

/** An optional string field. */
export function optionalString(input: JsonObject, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new EmulatorError(400, `${field} must be a string`);
  return value;
}

/** An optional number field, checked by `isValid`. */
export function optionalNumber(
  input: JsonObject,
  field: string,
  isValid: (value: number) => boolean = Number.isFinite
): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !isValid(value)) throw new EmulatorError(400, `${field} is not a valid number`);
  return value;
}
