import { useJourney, type JourneySession } from '@journeykit/journey/react';
import { Pressable, Text, View } from 'react-native';
import { styles } from './styles';

/** The signed-in user: who, until when, and the session actions. */
export function SessionScreen({ session }: { session: JourneySession }) {
  const [, actions] = useJourney();
  const claims = session.user?.userInfo ?? {};
  const name = typeof claims.name === 'string' ? claims.name : 'Signed in';
  const ignore = () => undefined; // useJourneySession shows what happened
  const expiresAt = session.user?.expiresAt;
  return (
    <View style={styles.stack}>
      <Text style={styles.heading}>{name}</Text>
      {expiresAt !== undefined && (
        <Text>Access token valid until {new Date(expiresAt).toLocaleTimeString()}</Text>
      )}
      {session.error && <Text style={styles.problem}>{session.error.message}</Text>}
      <Pressable
        style={styles.button}
        accessibilityRole="button"
        onPress={() => void actions.refresh().catch(ignore)}
      >
        <Text style={styles.buttonText}>Refresh tokens</Text>
      </Pressable>
      <Pressable
        style={styles.button}
        accessibilityRole="button"
        onPress={() => void actions.logoutUser().catch(ignore)}
      >
        <Text style={styles.buttonText}>Sign out</Text>
      </Pressable>
    </View>
  );
}
