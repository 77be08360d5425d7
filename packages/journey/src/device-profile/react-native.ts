import { localeAndZone, megabytes } from './locale';
import type { DeviceLocation, DeviceSource } from './profile';

/** What this source reads of `expo-device` (the module itself, as the app imports it). */
export interface ExpoDeviceLike {
  brand?: string | null;
  manufacturer?: string | null;
  modelName?: string | null;
  modelId?: string | null;
  deviceName?: string | null;
  osName?: string | null;
  osVersion?: string | null;
  totalMemory?: number | null;
}

/** What this source reads of `react-native-device-info` (its default export). */
export interface DeviceInfoLike {
  getBrand(): string;
  getModel(): string;
  getDeviceId(): string;
  getSystemName(): string;
  getSystemVersion(): string;
  getDeviceName(): Promise<string>;
  getManufacturer(): Promise<string>;
  getTotalMemory(): Promise<number>;
}

/** What this source uses of `expo-location`. */
export interface ExpoLocationLike {
  requestForegroundPermissionsAsync(): Promise<{ granted: boolean }>;
  getCurrentPositionAsync(options?: object): Promise<{
    coords: { latitude: number; longitude: number };
  }>;
}

export interface ReactNativeDeviceModules {
  /** `import * as Device from 'expo-device'`. */
  device?: ExpoDeviceLike;
  /** `import DeviceInfo from 'react-native-device-info'` (used when `device` is not given). */
  deviceInfo?: DeviceInfoLike;
  /** `import * as Location from 'expo-location'`; without it no location is sent. */
  location?: ExpoLocationLike;
  /** `Dimensions.get('screen')` from react-native, for the display size. */
  screen?: { width: number; height: number };
}

/** Device fields from whichever module the app has, in the mobile SDKs' shape. */
async function fields(modules: ReactNativeDeviceModules) {
  const { device, deviceInfo: info } = modules;
  if (device)
    return {
      platform: device.osName ?? null,
      version: device.osVersion ?? null,
      device: device.modelId ?? null,
      deviceName: device.deviceName ?? device.modelName ?? null,
      model: device.modelName ?? null,
      brand: device.brand ?? null,
      manufacturer: device.manufacturer ?? null,
      memory: megabytes(device.totalMemory),
    };
  if (info)
    return {
      platform: info.getSystemName(),
      version: info.getSystemVersion(),
      device: info.getDeviceId(),
      deviceName: await info.getDeviceName(),
      model: info.getModel(),
      brand: info.getBrand(),
      manufacturer: await info.getManufacturer(),
      memory: megabytes(await info.getTotalMemory()),
    };
  throw new TypeError('reactNativeDeviceSource needs expo-device or react-native-device-info');
}

/**
 * What a React Native app knows, from modules it passes in (never imported here): `expo-device`
 * or `react-native-device-info` for the device, `expo-location` for the position.
 */
export function reactNativeDeviceSource(modules: ReactNativeDeviceModules): DeviceSource {
  return {
    async metadata() {
      const { manufacturer, memory, ...platform } = await fields(modules);
      return {
        platform: { ...platform, ...localeAndZone() },
        hardware: {
          manufacturer,
          memory,
          ...(modules.screen && {
            display: { width: modules.screen.width, height: modules.screen.height },
          }),
        },
      };
    },
    async location(): Promise<DeviceLocation | null> {
      const location = modules.location;
      if (!location || !(await location.requestForegroundPermissionsAsync()).granted) return null;
      const { coords } = await location.getCurrentPositionAsync();
      return { latitude: coords.latitude, longitude: coords.longitude };
    },
  };
}
