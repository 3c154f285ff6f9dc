/**
 * A PostgreSQL schema name, checked and quoted for use in SQL text. Identifiers cannot be query
 * parameters, so only plain names (letters, digits, underscore) are accepted rather than escaped.
 *
 * @example quoteSchema("public") // → "\"public\""
 */
export function quoteSchema(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(name)) throw new Error(`Invalid PostgreSQL schema name: ${JSON.stringify(name)} (letters, digits, _)`);
  return `"${name}"`;
}
