// The part of the Expo SDK's types this example uses (see react-native.d.ts for why).
import type { ComponentType } from 'react';

export declare function registerRootComponent(component: ComponentType<object>): void;
