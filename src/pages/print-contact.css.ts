import type { APIRoute } from 'astro';
import { getSettings } from '../lib/site.ts';

/** CSS strings need quotes and backslashes escaped. */
const cssString = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

/**
 * Puts the referral phone number and email in the top margin of every printed page (CSS page
 * margin boxes), built from the settings so it always matches what the site shows. A fixed
 * element would print over the text; a margin box sits outside it.
 */
export const GET: APIRoute = async () => {
  const settings = await getSettings();
  const line = `${settings.organisationName} · Referrals: ${settings.phone} · ${settings.referralEmail}`;
  const css = `@page {\n  margin: 2cm 1.5cm;\n  @top-center {\n    content: ${cssString(line)};\n    font: 9pt system-ui, sans-serif;\n  }\n}\n`;
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
