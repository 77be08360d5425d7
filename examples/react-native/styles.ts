import { StyleSheet } from 'react-native';

export const styles = StyleSheet.create({
  title: { fontSize: 28, fontWeight: 'bold' },
  heading: { fontSize: 20, fontWeight: '600' },
  stack: { gap: 8 },
  row: { flexDirection: 'row', alignItems: 'center', gap: 8 },
  input: { borderWidth: 1, borderColor: '#999', borderRadius: 6, padding: 10 },
  button: { backgroundColor: '#1f5fbf', borderRadius: 6, padding: 12, alignItems: 'center' },
  buttonText: { color: '#fff', fontWeight: '600' },
  link: { color: '#1f5fbf', textAlign: 'center' },
  problem: { color: '#b00020' },
});
