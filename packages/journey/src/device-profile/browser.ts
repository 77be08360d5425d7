import type { DeviceLocation, DeviceSource } from './profile';

// The fields Ping's web SDKs collect, under the same names, so AM's device match and risk nodes
// read them as they read theirs.
const BROWSER = [
  'userAgent',
  'appName',
  'appCodeName',
  'appVersion',
  'appMinorVersion',
  'buildID',
  'product',
  'productSub',
  'vendor',
  'vendorSub',
  'browserLanguage',
];
const HARDWARE = ['cpuClass', 'deviceMemory', 'hardwareConcurrency', 'maxTouchPoints', 'oscpu'];
const PLATFORM = ['language', 'platform', 'userLanguage', 'systemLanguage'];
/** Font families whose presence is checked by measuring text (no font list API exists). */
const FONTS = [
  'Arial',
  'Arial Black',
  'Comic Sans MS',
  'Courier New',
  'Georgia',
  'Helvetica',
  'Impact',
  'Tahoma',
  'Times New Roman',
  'Trebuchet MS',
  'Verdana',
];

/** The named properties of an object; null for the ones it lacks, as AM's profiles have them. */
const pick = (from: object, names: string[]) =>
  Object.fromEntries(
    names.map((name) => {
      const value = (from as Record<string, unknown>)[name];
      return [name, ['string', 'number', 'boolean'].includes(typeof value) ? value : null];
    }),
  );

function deviceName(platform: string, userAgent: string): string {
  if (/^Mac/.test(platform)) return 'Mac (Browser)';
  if (/^(iPhone|iPad|iPod)/.test(platform)) return `${platform} (Browser)`;
  if (/^Win/.test(platform)) return 'Windows (Browser)';
  if (/Android/.test(platform + userAgent)) return 'Android (Browser)';
  if (/CrOS/.test(userAgent)) return 'Chrome OS (Browser)';
  if (/Linux/.test(platform)) return 'Linux (Browser)';
  return `${platform || 'Unknown'} (Browser)`;
}

/** The installed fonts among FONTS, `;`-separated: those that draw text wider or narrower than the fallback. */
function fonts(): string {
  const context = document.createElement('canvas').getContext?.('2d');
  if (!context) return '';
  const sample = 'mmmmmmmmmmlli0123456789';
  const width = (font: string) => {
    context.font = `72px ${font}`;
    return context.measureText(sample).width;
  };
  const fallback = width('monospace');
  return FONTS.filter((f) => width(`"${f}", monospace`) !== fallback)
    .map((f) => `${f};`)
    .join('');
}

export interface BrowserDeviceOptions {
  /** How long to wait for a position, in ms (default 10 s); the user may be asked first. */
  locationTimeout?: number;
}

/**
 * What a browser knows: hardware, browser and platform fields as Ping's web SDKs send them, and
 * the position from `navigator.geolocation` when the journey asks and the user allows it.
 */
export function browserDeviceSource(options: BrowserDeviceOptions = {}): DeviceSource {
  return {
    metadata() {
      const { screen } = globalThis;
      return {
        hardware: {
          ...pick(navigator, HARDWARE),
          display: {
            width: screen.width,
            height: screen.height,
            pixelDepth: screen.pixelDepth,
            angle: screen.orientation?.angle ?? 0,
          },
        },
        browser: {
          ...pick(navigator, BROWSER),
          plugins: Array.from(navigator.plugins ?? [], (p) => `${p.filename};`).join(''),
        },
        platform: {
          ...pick(navigator, PLATFORM),
          deviceName: deviceName(navigator.platform, navigator.userAgent),
          fonts: fonts(),
          timezone: new Date().getTimezoneOffset(),
        },
      };
    },
    location: () =>
      new Promise<DeviceLocation | null>((resolve) => {
        if (!navigator.geolocation) return resolve(null);
        navigator.geolocation.getCurrentPosition(
          ({ coords }) => resolve({ latitude: coords.latitude, longitude: coords.longitude }),
          () => resolve(null),
          { timeout: options.locationTimeout ?? 10_000, maximumAge: 0 },
        );
      }),
  };
}
