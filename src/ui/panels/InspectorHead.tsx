/** An inspector's head: its title, what it shows (`where`) and a close button. */
export function InspectorHead({
  title,
  where,
  closeLabel,
  onClose,
}: {
  title: string;
  where: string;
  closeLabel: string;
  onClose(): void;
}) {
  return (
    <header className="inspector-head">
      <h2>{title}</h2>
      <span className="inspector-where">{where}</span>
      <button
        type="button"
        className="inspector-close"
        aria-label={closeLabel}
        title={closeLabel}
        onClick={onClose}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </header>
  );
}
