/** Two overlapping circles: two people, and the common ground between them. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="16" r="9" fill="currentColor" />
      <circle cx="20" cy="16" r="9" fill="#e0a458" fillOpacity="0.9" />
    </svg>
  );
}
