/**
 * Types for the few files of `natural` we import directly.
 *
 * Why not `import natural from "natural"`: its index pulls in every storage backend, each of which runs
 * `dotenv.config()`, and dotenv 17 prints a banner to **stdout** five times (that would corrupt
 * `npm run classify`), and loading it all costs about 0.5 s.
 */

declare module "natural/lib/natural/distance/jaro-winkler_distance.js" {
  /** Jaro–Winkler similarity in 0..1 (1 = identical). */
  export default function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean; dj?: number }): number;
}

declare module "natural/lib/natural/tokenizers/aggressive_tokenizer_vi.js" {
  /** natural's Vietnamese tokenizer: splits on anything that is not a (precomposed) Vietnamese letter or digit. */
  export default class AggressiveTokenizerVi {
    tokenize(text: string): string[];
  }
}
