/** Longest message the core reads, in UTF-16 code units; the rest of a longer paste is ignored. */
export const MAX_MESSAGE_LENGTH = 16 * 1024;

/**
 * Bounds the input and folds compatibility forms (full-width digits and dots, ligatures) into their
 * plain forms, so `４.４.３１６` reads as `4.4.316`. NFKC keeps the string's meaning for every
 * language we read.
 */
export function normalizeMessage(text: string): string {
  return text.slice(0, MAX_MESSAGE_LENGTH).normalize('NFKC');
}

const COMBINING_MARKS = /\p{M}/gu;
const CURLY_APOSTROPHES = /[\u2018\u2019]/g;

/**
 * Case- and accent-insensitive form used to match vocabulary: "Conexión RECHAZADA" and
 * "conexion rechazada" fold to the same text. Letters without a decomposition (ł, ß) stay as they are.
 */
export function foldForMatching(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(CURLY_APOSTROPHES, "'");
}
