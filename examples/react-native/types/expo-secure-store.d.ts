// The part of expo-secure-store's types this example uses (see react-native.d.ts for why).
export type KeychainAccessibilityConstant = number;
export declare const WHEN_UNLOCKED_THIS_DEVICE_ONLY: KeychainAccessibilityConstant;
export interface SecureStoreOptions {
  keychainService?: string;
  keychainAccessible?: KeychainAccessibilityConstant;
  requireAuthentication?: boolean;
}
export declare function getItemAsync(
  key: string,
  options?: SecureStoreOptions,
): Promise<string | null>;
export declare function setItemAsync(
  key: string,
  value: string,
  options?: SecureStoreOptions,
): Promise<void>;
export declare function deleteItemAsync(key: string, options?: SecureStoreOptions): Promise<void>;
