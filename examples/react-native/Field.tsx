import type {
  JourneyFormIssue,
  JourneyFormValue,
  JourneyNormalizedField,
} from '@journeykit/journey';
import { Pressable, Switch, Text, TextInput, View } from 'react-native';
import { styles } from './styles';

interface FieldProps {
  field: JourneyNormalizedField;
  value: JourneyFormValue | undefined;
  onChange: (value: JourneyFormValue) => void;
  problems: JourneyFormIssue[];
}

/** One callback as a native control, chosen by its kind alone. */
export function Field({ field, value, onChange, problems }: FieldProps) {
  const label = field.prompt || field.ref.type;
  let control;
  switch (field.kind) {
    case 'output':
      return typeof field.raw.message === 'string' && field.raw.messageType !== 'SCRIPT' ? (
        <Text>{field.raw.message}</Text>
      ) : null;
    case 'text':
    case 'password':
    case 'number':
      if (!field.requiresUserInput) return null; // hidden values travel as they are
      control = (
        <TextInput
          style={styles.input}
          accessibilityLabel={label}
          placeholder={label}
          value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          onChangeText={onChange}
          secureTextEntry={field.kind === 'password'}
          keyboardType={field.kind === 'number' ? 'numeric' : 'default'}
          autoCapitalize="none"
        />
      );
      break;
    case 'boolean':
      control = (
        <View style={styles.row}>
          <Switch accessibilityLabel={label} value={value === true} onValueChange={onChange} />
          <Text>{label}</Text>
        </View>
      );
      break;
    case 'choice':
      control = (
        <View style={styles.stack}>
          <Text>{label}</Text>
          {field.options?.map((option) => (
            <Pressable
              key={option.index}
              accessibilityRole="radio"
              accessibilityState={{ checked: value === option.index }}
              onPress={() => onChange(option.index)}
            >
              <Text>
                {value === option.index ? '◉' : '○'} {option.label}
              </Text>
            </Pressable>
          ))}
        </View>
      );
      break;
    default:
      control = <Text style={styles.problem}>This app cannot complete {field.ref.type}.</Text>;
  }
  return (
    <View style={styles.stack}>
      {control}
      {problems.map((p) => (
        <Text key={p.message} style={styles.problem}>
          {p.message}
        </Text>
      ))}
    </View>
  );
}
