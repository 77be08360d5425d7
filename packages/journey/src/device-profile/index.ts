// @journeykit/journey/device-profile: answers AM's DeviceProfileCallback (the Device Profile
// Collector node) with a profile from a source for the runtime: browser, React Native or Node.
export {
  answerDeviceProfile,
  collectDeviceProfile,
  DEVICE_ID_KEY,
  deviceIdentifier,
  deviceProfileAnswer,
  deviceProfileCallbacks,
  deviceProfileRequest,
} from './profile';
export type {
  DeviceLocation,
  DeviceProfile,
  DeviceProfileOptions,
  DeviceProfileRequest,
  DeviceSource,
} from './profile';
export { browserDeviceSource } from './browser';
export type { BrowserDeviceOptions } from './browser';
export { reactNativeDeviceSource } from './react-native';
export type {
  DeviceInfoLike,
  ExpoDeviceLike,
  ExpoLocationLike,
  ReactNativeDeviceModules,
} from './react-native';
export { nodeDeviceSource } from './node';
export type { OsLike } from './node';
export type { CallbackAnswer, FoundCallback } from '../integrations/callbacks';
