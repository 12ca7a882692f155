// Applies a clinic configuration to an assembled site folder (build/site or a copy of it):
// /clinic.json (checked), /css/clinic.css (the brand colours), /img/clinic-logo.svg, the app icons
// drawn in the brand colour (/img/icon-192.png, -512, and the maskable pair) and the web app
// manifest. scripts/build can call it so the development site matches production:
//
//   node scripts/dist/site.mjs build/site      (the configuration: $HIPCHECK_CLINIC or clinic/clinic.json)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clinicCss, clinicFile, requireClinic } from './clinic.mjs';
import { iconPng } from './png.mjs';

export const ICONS = [
  { file: 'img/icon-192.png', size: 192, maskable: false },
  { file: 'img/icon-512.png', size: 512, maskable: false },
  { file: 'img/icon-maskable-192.png', size: 192, maskable: true },
  { file: 'img/icon-maskable-512.png', size: 512, maskable: true },
];

export function manifestFor(template, config) {
  const manifest = { ...template };
  manifest.name = config.name === 'Hip Check' ? 'Hip Check' : `Hip Check · ${config.name}`;
  manifest.short_name = config.shortName;
  manifest.lang = config.locale;
  manifest.theme_color = config.colours.brand;
  manifest.background_color = config.colours.background;
  return manifest;
}

/** Writes the clinic's files into `site`. Returns the loaded configuration. */
export function applyClinic(site, file = clinicFile()) {
  const { config, logoSvg } = requireClinic(file);
  if (!existsSync(join(site, 'index.html'))) throw new Error(`${site} has no index.html: run scripts/build first`);
  mkdirSync(join(site, 'css'), { recursive: true });
  mkdirSync(join(site, 'img'), { recursive: true });
  writeFileSync(join(site, 'clinic.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(join(site, 'css/clinic.css'), clinicCss(config));
  if (logoSvg) writeFileSync(join(site, 'img/clinic-logo.svg'), logoSvg);
  for (const icon of ICONS) {
    writeFileSync(
      join(site, icon.file),
      iconPng(icon.size, { background: config.colours.brand, foreground: config.colours.brandText, maskable: icon.maskable }),
    );
  }
  const templateFile = join(site, 'manifest.webmanifest');
  const template = existsSync(templateFile) ? JSON.parse(readFileSync(templateFile, 'utf8')) : {};
  writeFileSync(templateFile, `${JSON.stringify(manifestFor(template, config), null, 2)}\n`);
  return config;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = resolve(process.argv[2] ?? 'build/site');
  try {
    const config = applyClinic(site);
    console.log(`clinic: ${config.name} applied to ${site}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
