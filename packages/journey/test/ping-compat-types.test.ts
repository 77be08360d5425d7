// App code written for `@ping-identity/rn-journey` (and its companions rn-storage and rn-logger),
// with only the package names changed: `npm run typecheck` compiles it, and it runs here too.
// The React Native entry is imported by path, which is what `@journeykit/journey` resolves to in
// a React Native app.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  buildNextInput,
  createJourneyClient,
  JourneyError,
  JourneyProvider,
  logger,
  normalizeCallbacks,
  PingError,
  useJourney,
  useJourneyForm,
  type JourneyBuildNextInputResult,
  type JourneyCallback,
  type JourneyCallbackInput,
  type JourneyCallbackInputValue,
  type JourneyCallbackType,
  type JourneyClient,
  type JourneyConfig,
  type JourneyErrorCode,
  type JourneyFieldRef,
  type JourneyFormMeta,
  type JourneyFormOptions,
  type JourneyFormResult,
  type JourneyFormValue,
  type JourneyFormValues,
  type JourneyFormValuesUpdater,
  type JourneyHookActions,
  type JourneyHookResult,
  type JourneyModules,
  type JourneyNextInput,
  type JourneyNode,
  type JourneyNodeType,
  type JourneyNormalizedField,
  type JourneyOidcModuleConfig,
  type JourneyOidcOpenIdConfiguration,
  type JourneyProviderProps,
  type JourneySSOToken,
  type JourneyStartOptions,
  type JourneySubmitIssue,
  type JourneySubmitIssueCode,
  type JourneyUserInfo,
  type JourneyUserSession,
} from '../src/react-native';
import {
  CacheStrategy,
  configureOidcStorage,
  configureSessionStorage,
  StorageError,
  type OidcStorage,
  type SessionStorage,
  type StorageConfig,
} from '@journeykit/journey/rn-storage';

// --- Configuration, as rn-journey's documentation writes it --------------------------------

const appLogger = logger({ level: 'warn' });
const storageConfig: StorageConfig = {
  android: {
    keyAlias: 'journey',
    fileName: 'journey_prefs',
    strongBoxPreferred: true,
    cacheStrategy: CacheStrategy.CACHE_ON_FAILURE,
  },
  ios: { account: 'com.example.journey', encryptor: true, cacheable: false },
};
const sessionStorage: SessionStorage = configureSessionStorage(storageConfig, {
  logger: appLogger,
});
const oidcStorage: OidcStorage = configureOidcStorage({ ios: { account: 'tokens' } });

const openId: JourneyOidcOpenIdConfiguration = {
  authorizationEndpoint: 'https://am.example.com/am/oauth2/realms/root/realms/alpha/authorize',
  tokenEndpoint: 'https://am.example.com/am/oauth2/realms/root/realms/alpha/access_token',
  userinfoEndpoint: 'https://am.example.com/am/oauth2/realms/root/realms/alpha/userinfo',
  endSessionEndpoint:
    'https://am.example.com/am/oauth2/realms/root/realms/alpha/connect/endSession',
  revocationEndpoint: 'https://am.example.com/am/oauth2/realms/root/realms/alpha/token/revoke',
  pingEndIdpSessionEndpoint: 'https://am.example.com/idp/signoff',
};
const oidcModule: JourneyOidcModuleConfig = {
  clientId: 'rn-client',
  redirectUri: 'com.example.app://oauth2redirect',
  openId,
  scopes: ['openid', 'profile'],
  acrValues: 'loa-2',
  signOutRedirectUri: 'com.example.app://signed-out',
  uiLocales: 'en fr',
  refreshThreshold: 30,
  loginHint: 'demo-user',
  additionalParameters: { audience: 'urn:example:api' },
  storage: oidcStorage,
  logger: appLogger,
};
const modules: JourneyModules = { session: { storage: sessionStorage }, oidc: oidcModule };
const config: JourneyConfig = {
  serverUrl: 'https://am.example.com/am',
  realm: 'alpha',
  cookie: 'ch15fefc5407912',
  timeout: 30000,
  logger: appLogger,
  modules,
};
const client: JourneyClient = createJourneyClient(config);

// --- Journey code ---------------------------------------------------------------------------

const startOptions: JourneyStartOptions = { forceAuth: false, noSession: false };
const nameInput: JourneyCallbackInput = { type: 'NameCallback', value: 'demo', index: 0 };
const value: JourneyCallbackInputValue = { selectedQuestion: 'q', selectedAnswer: 'a' };
const nextInput: JourneyNextInput = {
  callbacks: [nameInput, { type: 'KbaCreateCallback', value }],
};
async function signIn(): Promise<JourneyUserSession | null> {
  let node: JourneyNode = await client.start('Login', startOptions);
  while (node.type === 'ContinueNode') node = await client.next(nextInput);
  if (node.type === 'ErrorNode') throw new Error(node.message);
  if (node.type === 'FailureNode') throw new Error(node.cause);
  const sso: JourneySSOToken | null = await client.ssoToken();
  const info: JourneyUserInfo | null = sso && (await client.userinfo());
  void info;
  return client.user();
}

// --- Nodes and callbacks built by hand, as in rn-journey's tests ----------------------------

const callback: JourneyCallback = { type: 'PollingWaitCallback', waitTime: 1200, output: [] };
const type: JourneyCallbackType = callback.type;
const nodes: JourneyNode[] = [
  { type: 'ContinueNode', callbacks: [callback, { type: 'NameCallback', output: [] }] },
  {
    type: 'ContinueNode',
    callbacks: [{ type: 'ChoiceCallback', options: [{ value: 'a' }, 'server-option'], output: [] }],
    header: 'Sign On',
    description: '',
    stage: '',
    submitButtonText: 'Continue',
    pageFooter: '',
  },
  { type: 'SuccessNode' },
  { type: 'ErrorNode', message: 'Login failure' },
  { type: 'FailureNode', message: 'offline', cause: 'offline' },
];
const nodeType: JourneyNodeType = nodes[0]!.type;

// --- The form helpers -----------------------------------------------------------------------

const fields: JourneyNormalizedField[] = normalizeCallbacks(nodes[0]);
const ref: JourneyFieldRef = fields[0]!.ref;
const formValue: JourneyFormValue = 'demo';
const formValues: JourneyFormValues = { 'NameCallback:0': formValue };
const built: JourneyBuildNextInputResult = buildNextInput(nodes[0], formValues);
const issue: JourneySubmitIssue | undefined = built.issues[0];
const issueCode: JourneySubmitIssueCode | undefined = issue?.code;
const formOptions: JourneyFormOptions = {
  handledCallbackTypes: new Set<JourneyCallbackType>(['DeviceProfileCallback']),
};

// --- Hooks and a client mock without subscribe, as rn-journey's tests write them ------------

function createJourneyClientMock(): JourneyClient {
  const continueNode: JourneyNode = { type: 'ContinueNode', callbacks: [] };
  const successNode: JourneyNode = { type: 'SuccessNode' };
  return {
    init: () => Promise.resolve('journey-id'),
    getId: () => Promise.resolve('journey-id'),
    start: () => Promise.resolve(continueNode),
    next: () => Promise.resolve(successNode),
    resume: () => Promise.resolve(continueNode),
    user: () => Promise.resolve(null),
    refresh: () => Promise.resolve(null),
    revoke: () => Promise.resolve(true),
    userinfo: () => Promise.resolve(null),
    ssoToken: () => Promise.resolve(null),
    logoutUser: () => Promise.resolve(true),
    dispose: () => Promise.resolve(undefined),
  };
}
function useSignInScreen(): [JourneyHookResult, JourneyFormResult, JourneyFormMeta] {
  const journey: JourneyHookResult = useJourney(createJourneyClientMock());
  const [node, actions]: [JourneyNode | null, JourneyHookActions] = [journey[0], journey[1]];
  void actions.start('Login');
  const form = useJourneyForm(node, formOptions);
  const update: JourneyFormValuesUpdater = (previous) => ({ ...previous, 'NameCallback:0': 'x' });
  form.setValues(update);
  return [journey, form, form.meta];
}
const providerProps: JourneyProviderProps = { client: createJourneyClientMock(), children: null };

// --- Errors ---------------------------------------------------------------------------------

const code: JourneyErrorCode = 'JOURNEY_START_ERROR';
const thrown = new JourneyError('Journey name must not be empty.', code, 'argument_error');
const withStatus = new JourneyError('Unauthorized', 'JOURNEY_USER_ERROR', 'auth_error', 401);
const storageError = new StorageError('bad', 'STORAGE_INVALID_CONFIG', 'argument_error');

describe('app code written for rn-journey', () => {
  it('compiles, and its values are what rn-journey gives', () => {
    expectTypeOf(signIn).returns.resolves.toEqualTypeOf<JourneyUserSession | null>();
    expectTypeOf(useSignInScreen).toBeFunction();
    expect(JourneyProvider).toBeDefined();
    expect(providerProps.client).toBeDefined();
    expect([type, nodeType, ref, issueCode]).toEqual([
      'PollingWaitCallback',
      'ContinueNode',
      { type: 'PollingWaitCallback', typeIndex: 0 },
      undefined,
    ]);
    expect(sessionStorage).toEqual({
      id: expect.any(String),
      kind: 'session',
      android: storageConfig.android,
      ios: storageConfig.ios,
    });
    expect(oidcStorage).toMatchObject({ kind: 'oidc' });
    expect(thrown).toMatchObject({
      name: 'JourneyError',
      message: 'Journey name must not be empty.',
      code: 'JOURNEY_START_ERROR',
      type: 'argument_error',
    });
    expect(thrown).toBeInstanceOf(PingError);
    expect(withStatus.status).toBe(401);
    expect(JourneyError.from(thrown)).toBe(thrown);
    expect(storageError).toBeInstanceOf(PingError);
  });
});
