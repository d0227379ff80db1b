/** URL slug for a label: lower case, ASCII letters and digits joined by hyphens ("Schools and children’s homes" → "schools-and-childrens-homes"). */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
