import { parseSitePattern, type SitePattern } from './site-pattern';
import { PRESET_HOST_PERMISSIONS } from './presets';

/**
 * Host-permission match patterns a set of site patterns needs beyond those granted at install
 * (redirecting a site with declarativeNetRequest needs access to it). Sites are already validated.
 */
export function originsNeeded(sites: string[], granted: string[] = PRESET_HOST_PERMISSIONS): string[] {
  const grantedHosts = granted.map((g) => g.replace(/^\*:\/\//, '').replace(/\/\*$/, ''));
  const needed = new Set<string>();
  for (const site of sites) {
    const parsed = parseSitePattern(site);
    if (!parsed.ok) continue;
    if (!grantedHosts.some((g) => covers(g, parsed.value))) needed.add(originFor(parsed.value));
  }
  return [...needed];
}

function covers(granted: string, p: SitePattern): boolean {
  if (granted.startsWith('*.')) {
    const base = granted.slice(2);
    return p.host === base || p.host.endsWith(`.${base}`);
  }
  return !p.subdomains && p.host === granted;
}

function originFor(p: SitePattern): string {
  return `*://${p.subdomains ? '*.' : ''}${p.host}/*`;
}
