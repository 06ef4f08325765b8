/**
 * The URL fragment's parameters (see url.ts), in a module of their own: the app's entry checks for a
 * link without loading the link's decoder.
 */
export const HASH_DATA = 's';
export const HASH_EMBED = 'embed';
