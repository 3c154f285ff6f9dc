// A lone surrogate (half of a UTF-16 pair) cannot be encoded: encodeURIComponent throws a URIError on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `encodeURIComponent` that never throws: a lone surrogate (possible in a platform's sender id) becomes U+FFFD.
 *
 * @example `/admin/inbox/${uriComponent(key)}`
 */
export function uriComponent(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD"));
}
