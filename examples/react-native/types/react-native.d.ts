// The part of react-native's types this example uses, with React Native's names and shapes, so CI
// can type-check the example without installing React Native (~230 MB). Once `npm install` has run
// in this folder, the real package takes over (tsconfig.json `paths` lists it first).
import type { ComponentType, ReactNode } from 'react';

type Align = 'flex-start' | 'flex-end' | 'center' | 'stretch';
export interface ViewStyle {
  flex?: number;
  flexDirection?: 'row' | 'column';
  alignItems?: Align;
  gap?: number;
  padding?: number;
  paddingTop?: number;
  backgroundColor?: string;
  borderColor?: string;
  borderRadius?: number;
  borderWidth?: number;
}
export interface TextStyle extends ViewStyle {
  color?: string;
  fontSize?: number;
  fontWeight?: 'normal' | 'bold' | '600';
  textAlign?: 'auto' | 'left' | 'right' | 'center';
}
export type StyleProp<T> = T | readonly StyleProp<T>[] | false | null | undefined;
export declare const StyleSheet: {
  create<T extends Record<string, ViewStyle | TextStyle>>(styles: T): T;
};

interface AccessibilityProps {
  accessibilityLabel?: string;
  accessibilityRole?: 'button' | 'header' | 'radio' | 'text';
  accessibilityState?: { disabled?: boolean; checked?: boolean; selected?: boolean };
}
export interface ViewProps extends AccessibilityProps {
  style?: StyleProp<ViewStyle>;
  children?: ReactNode;
}
export interface TextProps extends AccessibilityProps {
  style?: StyleProp<TextStyle>;
  children?: ReactNode;
}
export interface TextInputProps extends AccessibilityProps {
  style?: StyleProp<TextStyle>;
  value?: string;
  placeholder?: string;
  onChangeText?: (text: string) => void;
  secureTextEntry?: boolean;
  keyboardType?: 'default' | 'numeric' | 'email-address';
  autoCapitalize?: 'none' | 'sentences' | 'words' | 'characters';
}
export interface PressableProps extends AccessibilityProps {
  style?: StyleProp<ViewStyle>;
  children?: ReactNode;
  disabled?: boolean;
  onPress?: () => void;
}
export interface SwitchProps extends AccessibilityProps {
  value?: boolean;
  onValueChange?: (value: boolean) => void;
}
export interface ScrollViewProps extends ViewProps {
  contentContainerStyle?: StyleProp<ViewStyle>;
  keyboardShouldPersistTaps?: 'always' | 'never' | 'handled';
}

export declare const View: ComponentType<ViewProps>;
export declare const Text: ComponentType<TextProps>;
export declare const TextInput: ComponentType<TextInputProps>;
export declare const Pressable: ComponentType<PressableProps>;
export declare const Switch: ComponentType<SwitchProps>;
export declare const ScrollView: ComponentType<ScrollViewProps>;
export declare const ActivityIndicator: ComponentType<{ size?: 'small' | 'large' }>;
