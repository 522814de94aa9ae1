/** Receives one human-readable line per event. Lines never contain tokens. */
export type Logger = (line: string) => void;

/** A logger that drops everything. */
export const silentLogger: Logger = () => {};
