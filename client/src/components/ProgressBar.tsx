/** Progress 0–100 as a bar with the number beside it, announced as a progressbar. */
export function ProgressBar({ value, label = 'Progress', compact = false }: { value: number; label?: string; compact?: boolean }) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className={compact ? 'progress progress--compact' : 'progress'}>
      <div className="progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={clamped}>
        <div className="progress__fill" style={{ width: `${clamped}%` }} />
      </div>
      <span className="progress__value">{clamped}%</span>
    </div>
  );
}
