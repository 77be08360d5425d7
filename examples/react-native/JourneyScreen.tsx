import type { ContinueNode } from '@journeykit/journey';
import { useJourney, useJourneyForm } from '@journeykit/journey/react';
import { useState } from 'react';
import { Pressable, Text, View } from 'react-native';
import { Button } from './Button';
import { Field } from './Field';
import { styles } from './styles';

/** Any step of any journey, through the headless form: nothing here knows a journey. */
export function JourneyScreen({ node }: { node: ContinueNode }) {
  const [, actions] = useJourney();
  const form = useJourneyForm(node);
  const [tried, setTried] = useState(false);
  const ignore = () => undefined; // the hook keeps the error in actions.error

  const submit = () => {
    setTried(true);
    if (form.canSubmit) void actions.next(form.input).catch(ignore);
  };

  return (
    <View style={styles.stack}>
      <Text style={styles.heading} accessibilityRole="header">
        {node.header || 'Continue'}
      </Text>
      {form.fields.map((field) => (
        <Field
          key={field.id}
          field={field}
          value={form.values[field.id]}
          onChange={(value) => form.setValue(field.id, value)}
          problems={tried ? form.issues.filter((i) => i.fieldId === field.id) : []}
        />
      ))}
      {actions.error && <Text style={styles.problem}>{actions.error.message}</Text>}
      <Button title={node.submitButtonText || 'Next'} disabled={actions.loading} onPress={submit} />
      <Pressable accessibilityRole="button" onPress={() => void actions.dispose()}>
        <Text style={styles.link}>Cancel</Text>
      </Pressable>
    </View>
  );
}
