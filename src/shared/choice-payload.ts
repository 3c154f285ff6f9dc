/**
 * Choice payloads that carry a value ("report:cat:relic-harm"), built and read back in one place instead of
 * `startsWith` + `slice` at every reader. With `values`, reading also checks the value is one of them and types it.
 *
 * @example
 * const CATEGORY = choicePayload("report:cat");
 * CATEGORY.of("relic-harm")             // "report:cat:relic-harm"
 * CATEGORY.read("report:cat:relic-harm") // "relic-harm"
 * CATEGORY.read("menu:report")           // undefined
 */
export interface ChoicePayload<V extends string = string> {
  readonly prefix: string;
  /** The payload for `value`. */
  of(value: V): string;
  /** The value of a payload of this family, or undefined for any other payload. */
  read(payload: string | undefined): V | undefined;
}

export function choicePayload<V extends string = string>(prefix: string, values?: readonly V[]): ChoicePayload<V> {
  const head = `${prefix}:`;
  return {
    prefix,
    of: (value) => `${head}${value}`,
    read(payload) {
      if (!payload?.startsWith(head)) return undefined;
      const value = payload.slice(head.length);
      return !values || (values as readonly string[]).includes(value) ? (value as V) : undefined;
    },
  };
}
