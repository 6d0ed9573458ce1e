export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1d4ed8" />
      <path d="M9 8h11l4 4v12H9z" fill="#fff" />
      <path d="M12 15h9M12 19h9M12 23h5" stroke="#1d4ed8" strokeWidth="2" />
    </svg>
  );
}
