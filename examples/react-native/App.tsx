import type { JourneyClient } from '@journeykit/journey';
import { JourneyProvider, useJourney, useJourneySession } from '@journeykit/journey/react';
import { ActivityIndicator, ScrollView, StyleSheet, Text } from 'react-native';
import { Button } from './Button';
import { client as appClient } from './journey';
import { JourneyScreen } from './JourneyScreen';
import { SessionScreen } from './SessionScreen';
import { styles } from './styles';

/** The app: its own client, or the one given (tests give one of another server or store). */
export function App({ client = appClient }: { client?: JourneyClient }) {
  return (
    <JourneyProvider client={client}>
      <ScrollView contentContainerStyle={layout.page} keyboardShouldPersistTaps="handled">
        <Text style={styles.title} accessibilityRole="header">
          journeykit
        </Text>
        <Screen />
      </ScrollView>
    </JourneyProvider>
  );
}

/** A journey in progress, else the session when there is one, else a way to sign in. */
function Screen() {
  const [node, actions] = useJourney();
  const session = useJourneySession();
  if (node?.type === 'ContinueNode') return <JourneyScreen key={node.input?.authId} node={node} />;
  if (session.status === 'loading') return <ActivityIndicator size="large" />;
  if (session.status === 'signedIn') return <SessionScreen session={session} />;
  return (
    <>
      {(node?.type === 'ErrorNode' || node?.type === 'FailureNode') && (
        <Text style={styles.problem}>{node.message}</Text>
      )}
      {actions.error && <Text style={styles.problem}>{actions.error.message}</Text>}
      <Button
        title="Sign in"
        disabled={actions.loading}
        onPress={() => void actions.start('Login').catch(() => undefined)}
      />
    </>
  );
}

const layout = StyleSheet.create({ page: { padding: 24, paddingTop: 64, gap: 16 } });
