import { Pressable, Text } from 'react-native';
import { styles } from './styles';

/** The app's one kind of button. */
export function Button(props: { title: string; onPress: () => void; disabled?: boolean }) {
  return (
    <Pressable
      style={styles.button}
      accessibilityRole="button"
      accessibilityState={{ disabled: props.disabled }}
      disabled={props.disabled}
      onPress={props.onPress}
    >
      <Text style={styles.buttonText}>{props.title}</Text>
    </Pressable>
  );
}
