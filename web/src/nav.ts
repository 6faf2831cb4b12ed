/** Navigation: views are addressed by the hash (#/view?query), so every state is a shareable link. */
export function href(view: string, params: Record<string, string | undefined | null> = {}): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) u.set(k, v);
  const s = u.toString();
  return `#/${view}${s ? `?${s}` : ''}`;
}

export function go(view: string, params: Record<string, string | undefined | null> = {}): void {
  location.hash = href(view, params);
}
