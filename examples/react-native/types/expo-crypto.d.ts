// The part of expo-crypto's types this example uses (see react-native.d.ts for why).
type IntegerArray = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

export declare function getRandomValues<T extends IntegerArray>(typedArray: T): T;
