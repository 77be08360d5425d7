import { useJourney, type JourneySession } from '@journeykit/journey/react';
import { Text, View } from 'react-native';
import { Button } from './Button';
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
      <Button title="Refresh tokens" onPress={() => void actions.refresh().catch(ignore)} />
      <Button title="Sign out" onPress={() => void actions.logoutUser().catch(ignore)} />
    </View>
  );
}
