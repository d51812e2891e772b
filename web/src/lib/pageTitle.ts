/** The document title of a page: "Browse numbers · NumNinja", or the bare brand. */
export function pageTitle(title: string | null | undefined): string {
  return title ? `${title} · NumNinja` : 'NumNinja';
}
