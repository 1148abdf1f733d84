import classes from "./ui.module.css";

/** A small filled circle in a CSS colour; decorative unless given a label. */
export function Dot({ color, label }: { color: string; label?: string }) {
  return label ? (
    <span className={classes.dot} style={{ background: color }} role="img" aria-label={label} />
  ) : (
    <span className={classes.dot} style={{ background: color }} aria-hidden />
  );
}
