import * as os from 'node:os';
import { memoryStorage, type AmCallback } from '@journeykit/journey';
import {
  answerDeviceProfile,
  DEVICE_ID_KEY,
  deviceProfileCallbacks,
  deviceProfileRequest,
  nodeDeviceSource,
  reactNativeDeviceSource,
  type DeviceSource,
} from '@journeykit/journey/device-profile';
import { answerProtect, protectStep, type ProtectSettings } from '@journeykit/journey/protect';
import { qrCode } from '@journeykit/journey/qr-code';
import {
  recaptchaAnswer,
  recaptchaCallbacks,
  recaptchaSettings,
} from '@journeykit/journey/recaptcha';
import { recoveryCodes } from '@journeykit/journey/recovery-codes';
import { describe, expect, it, vi } from 'vitest';
import { amFixture } from './am-fixtures';
import { lastInputs, replay } from './am-replay';

// The integration entries on recorded AM replies: what they read from AM's callbacks, and what
// the client sends back (the whole step, only the answered inputs changed, AM's JSON types kept).

const callbacksOf = (name: string) => amFixture(name).body.callbacks as AmCallback[];

/** Every input of the fixture's callbacks with its JSON type, as AM sent them. */
const typesOf = (callbacks: AmCallback[]) =>
  callbacks.flatMap((cb) => (cb.input ?? []).map((i) => [i.name, typeof i.value]));

/** A source standing in for a browser's or phone's (those run in their own tests). */
const fixedSource = (granted: boolean): DeviceSource => ({
  metadata: () => ({ platform: { deviceName: 'Test device' }, hardware: { cpu: 2 } }),
  location: () => Promise.resolve(granted ? { latitude: 48.85, longitude: 2.35 } : null),
});

describe('@journeykit/journey/device-profile', () => {
  it('reads what the callback asks for', async () => {
    const all = await replay('ios-device-profile-all');
    const only = await replay('ios-device-profile-location-only');
    const [a] = deviceProfileCallbacks(all.node);
    const [b] = deviceProfileCallbacks(only.node);
    expect(deviceProfileRequest(a!)).toEqual({ metadata: true, location: true, message: '' });
    expect(deviceProfileRequest(b!)).toEqual({ metadata: false, location: true, message: '' });
    expect(a!.fieldId).toBe('DeviceProfileCallback:0');
  });

  it('sends AM a JSON string with identifier, metadata and a granted location', async () => {
    const run = await replay('pjs-device-profile');
    const storage = memoryStorage();
    const callbacks = await answerDeviceProfile(run.node, { source: fixedSource(true), storage });
    await run.client.next({ callbacks });
    const sent = run.sent[0]!;
    expect(typesOf(sent)).toEqual(typesOf(callbacksOf('pjs-device-profile')));
    expect(sent[0]!.output).toEqual(callbacksOf('pjs-device-profile')[0]!.output);
    const profile = JSON.parse(lastInputs(run).IDToken1 as string) as Record<string, unknown>;
    expect(profile).toEqual({
      identifier: await storage.getItem(DEVICE_ID_KEY),
      metadata: { platform: { deviceName: 'Test device' }, hardware: { cpu: 2 } },
      location: { latitude: 48.85, longitude: 2.35 },
    });
    expect(profile.identifier).toMatch(/^\d+-\d+-\d+$/);
  });

  it('keeps the identifier, and sends only what is asked and granted', async () => {
    const storage = memoryStorage();
    const first = await replay('pjs-device-profile');
    await first.client.next({
      callbacks: await answerDeviceProfile(first.node, { source: fixedSource(false), storage }),
    });
    const only = await replay('ios-device-profile-location-only');
    const source = fixedSource(false);
    const metadata = vi.spyOn(source, 'metadata');
    await only.client.next({
      callbacks: await answerDeviceProfile(only.node, { source, storage }),
    });
    const [a, b] = [first, only].map(
      (r) => JSON.parse(lastInputs(r).IDToken1 as string) as Record<string, unknown>,
    );
    expect(a).not.toHaveProperty('location');
    expect(b).toEqual({ identifier: a!.identifier });
    expect(metadata).not.toHaveBeenCalled();
  });

  it("collects what Node's os module knows", async () => {
    const run = await replay('pjs-device-profile');
    const callbacks = await answerDeviceProfile(run.node, {
      source: nodeDeviceSource(os),
      storage: memoryStorage(),
    });
    await run.client.next({ callbacks });
    const profile = JSON.parse(lastInputs(run).IDToken1 as string) as {
      metadata: { platform: Record<string, unknown>; hardware: Record<string, unknown> };
    };
    expect(profile.metadata.platform).toMatchObject({
      platform: os.platform(),
      version: os.release(),
      deviceName: `${os.hostname()} (Node.js)`,
    });
    expect(profile.metadata.hardware.cpu).toBe(os.cpus().length);
    expect(profile).not.toHaveProperty('location');
  });

  it('collects from the React Native modules the app passes in', async () => {
    // Shaped like expo-device and expo-location, which need a phone to run.
    const device = { osName: 'iOS', osVersion: '18.1', modelName: 'iPhone 16', brand: 'Apple' };
    const location = {
      requestForegroundPermissionsAsync: () => Promise.resolve({ granted: true }),
      getCurrentPositionAsync: () =>
        Promise.resolve({ coords: { latitude: 1.5, longitude: -2.5, altitude: 9 } }),
    };
    const source = reactNativeDeviceSource({
      device,
      location,
      screen: { width: 390, height: 844 },
    });
    const run = await replay('pjs-device-profile');
    await run.client.next({
      callbacks: await answerDeviceProfile(run.node, {
        source,
        storage: memoryStorage(),
        getRandomValues: (a) => a.fill(7),
      }),
    });
    expect(JSON.parse(lastInputs(run).IDToken1 as string)).toMatchObject({
      identifier: '7-7-7',
      metadata: {
        platform: { platform: 'iOS', version: '18.1', model: 'iPhone 16', brand: 'Apple' },
        hardware: { display: { width: 390, height: 844 } },
      },
      location: { latitude: 1.5, longitude: -2.5 },
    });
    const denied = reactNativeDeviceSource({
      device,
      location: {
        ...location,
        requestForegroundPermissionsAsync: () => Promise.resolve({ granted: false }),
      },
    });
    expect(await denied.location!()).toBeNull();
  });

  it('fails loudly when the source fails, and sends nothing', async () => {
    const run = await replay('pjs-device-profile');
    const source: DeviceSource = { metadata: () => Promise.reject(new Error('no navigator')) };
    await expect(
      answerDeviceProfile(run.node, { source, storage: memoryStorage() }),
    ).rejects.toMatchObject({ name: 'JourneyError', code: 'JOURNEY_NEXT_ERROR' });
    expect(run.sent).toEqual([]);
  });
});

describe('@journeykit/journey/recaptcha', () => {
  it('exposes the settings of Enterprise and v2 callbacks', async () => {
    const settings = async (name: string) =>
      recaptchaSettings(recaptchaCallbacks((await replay(name)).node)[0]!);
    expect(await settings('pjs-recaptcha-enterprise')).toEqual({
      enterprise: true,
      siteKey: '6LdSu_spAAAAAKz3UhIy4JYQld2lm_WRt7dEhf9T',
      apiUrl: 'https://www.google.com/recaptcha/enterprise.js',
      elementClass: 'g-recaptcha',
      action: '',
    });
    expect(await settings('android-recaptcha')).toEqual({
      enterprise: false,
      siteKey: '6Lf3tbYUAAAAAEm78fAOFRKb-n1M67FDtmpczIBK',
      apiUrl: 'https://www.google.com/recaptcha/api.js',
      elementClass: 'g-recaptcha',
      action: '',
    });
  });

  it('sends the Enterprise token, action, payload and client error as AM expects', async () => {
    const run = await replay('android-recaptcha-enterprise');
    const [found] = recaptchaCallbacks(run.node);
    const answer = recaptchaAnswer(found!, {
      token: 'enterprise-token-0123456789',
      action: 'login',
      payload: { firewallPolicyEvaluation: false },
    });
    await run.client.next({ callbacks: [answer] });
    expect(lastInputs(run)).toEqual({
      IDToken1token: 'enterprise-token-0123456789',
      IDToken1action: 'login',
      IDToken1clientError: '',
      IDToken1payload: '{"firewallPolicyEvaluation":false}',
    });
    expect(run.sent[0]![0]!.output).toEqual(callbacksOf('android-recaptcha-enterprise')[0]!.output);

    const failed = await replay('pjs-recaptcha-enterprise');
    const error = recaptchaAnswer(recaptchaCallbacks(failed.node)[0]!, { clientError: 'timeout' });
    await failed.client.next({ callbacks: [error] });
    expect(lastInputs(failed)).toMatchObject({ IDToken1token: '', IDToken1clientError: 'timeout' });
  });

  it('sends a v2 token in the main input, and refuses what v2 cannot carry', async () => {
    const run = await replay('android-recaptcha');
    const [found] = recaptchaCallbacks(run.node);
    await run.client.next({
      callbacks: [recaptchaAnswer(found!, { token: 'v2-token-0123456789' })],
    });
    expect(lastInputs(run)).toEqual({ IDToken1: 'v2-token-0123456789' });
    for (const bad of [{ token: 't', action: 'login' }, { clientError: 'x' }, {}])
      expect(() => recaptchaAnswer(found!, bad)).toThrow(
        expect.objectContaining({ code: 'JOURNEY_CALLBACK_APPLY_ERROR' }) as Error,
      );
  });
});

describe('@journeykit/journey/protect', () => {
  const provider = (fail?: string) => ({
    init: vi.fn((settings: ProtectSettings) =>
      fail ? Promise.reject(new Error(fail)) : Promise.resolve(settings),
    ),
    getData: vi.fn(() =>
      fail ? Promise.reject(new Error(fail)) : Promise.resolve('signals-data-0123456789'),
    ),
    pauseBehavioralData: vi.fn(),
  });

  it.each([
    'pjs-protect-initialize',
    'pjs-protect-initialize-metadata',
    'android-protect-initialize-metadata',
  ])('initializes from %s and reports success with an empty client error', async (name) => {
    const run = await replay(name);
    const step = protectStep(run.node);
    expect(step).toMatchObject({ action: 'initialize', settings: { consoleLogEnabled: true } });
    const signals = provider();
    await run.client.next({ callbacks: await answerProtect(run.node, signals) });
    expect(signals.init).toHaveBeenCalledWith(step!.action === 'initialize' && step!.settings);
    expect(signals.init.mock.calls[0]![0]).not.toHaveProperty('_action');
    const sent = run.sent[0]!;
    expect(typesOf(sent)).toEqual(typesOf(callbacksOf(name)));
    const errorInput = sent
      .flatMap((cb) => cb.input ?? [])
      .find((i) => /clientError$|^IDToken\d$/.test(i.name));
    expect(errorInput!.value).toBe('');
  });

  it('reads the settings AM sends at initialization', async () => {
    const { node } = await replay('pjs-protect-initialize');
    expect(protectStep(node)).toEqual({
      action: 'initialize',
      settings: {
        envId: '02fb1243-189a-4bc7-9d6c-a919edf6447',
        consoleLogEnabled: true,
        deviceAttributesToIgnore: ['userAgent'],
        customHost: 'http://localhost',
        lazyMetadata: false,
        behavioralDataCollection: true,
        deviceKeyRsyncIntervals: 14,
        enableTrust: false,
        disableTags: false,
        disableHub: false,
      },
    });
  });

  it('sends signals for an evaluation, in both shapes, and pauses behavioral data when asked', async () => {
    const own = await replay('pjs-protect-evaluate');
    const signals = provider();
    await own.client.next({ callbacks: await answerProtect(own.node, signals) });
    expect(lastInputs(own)).toEqual({
      IDToken1signals: 'signals-data-0123456789',
      IDToken1clientError: '',
    });
    expect(signals.pauseBehavioralData).toHaveBeenCalledOnce();

    const market = await replay('android-protect-evaluation-metadata');
    expect(protectStep(market.node)).toEqual({ action: 'evaluate', pauseBehavioralData: true });
    await market.client.next({ callbacks: await answerProtect(market.node, provider()) });
    const sent = market.sent[0]!;
    expect(sent[0]).toEqual(callbacksOf('android-protect-evaluation-metadata')[0]);
    expect(sent[1]!.input).toEqual([{ name: 'IDToken1', value: 'signals-data-0123456789' }]);
    expect(sent[2]!.input).toEqual([{ name: 'IDToken1', value: '' }]);
  });

  it('reports a failing provider as the client error AM expects', async () => {
    const run = await replay('pjs-protect-evaluate');
    await run.client.next({
      callbacks: await answerProtect(run.node, provider('Signals SDK not loaded')),
    });
    expect(lastInputs(run)).toEqual({
      IDToken1signals: '',
      IDToken1clientError: 'Signals SDK not loaded',
    });
    const init = await replay('pjs-protect-initialize-metadata');
    await init.client.next({ callbacks: await answerProtect(init.node, provider('blocked')) });
    expect(init.sent[0]![1]!.input).toEqual([{ name: 'IDToken1', value: 'blocked' }]);
  });

  it('finds no Protect step elsewhere', async () => {
    expect(
      protectStep((await replay('pjs-webauthn-registration-metadata-70')).node),
    ).toBeUndefined();
    expect(await answerProtect((await replay('pjs-device-profile')).node, provider())).toEqual([]);
  });
});

describe('text outputs: QR codes and recovery codes', () => {
  it('reads the OATH and Push registration URIs', async () => {
    expect(qrCode((await replay('pjs-otp-qr-code')).node)).toEqual({
      use: 'otp',
      uri: 'otpauth://totp/ForgeRock:jlowery?secret=QITSTC234FRIU8DD987DW3VPICFY======&issuer=ForgeRock&period=30&digits=6&b=032b75',
      message:
        'Scan the QR code image below with the ForgeRock Authenticator app to register your device with your login.',
    });
    expect(qrCode((await replay('pjs-push-qr-code')).node)).toMatchObject({
      use: 'push',
      uri: expect.stringMatching(/^pushauth:\/\/push\/forgerock:Justin%20Lowery\?/) as string,
    });
    expect(qrCode((await replay('pjs-recovery-codes')).node)).toBeUndefined();
  });

  it('reads recovery codes out of the script, without running it', async () => {
    expect(recoveryCodes((await replay('pjs-recovery-codes')).node)).toEqual({
      codes: [
        'ABC123DEF4',
        'GHI567JKL8',
        'MNO901PQR2',
        'STU345VWX6',
        'YZA789BCD0',
        'EFG123HIJ4',
        'KLM567NOP8',
        'QRS901TUV2',
        'WXY345ZAB6',
        'CDE789FGH0',
      ],
      deviceName: 'New Security Key',
    });
    expect(recoveryCodes((await replay('pjs-otp-qr-code')).node)).toBeUndefined();
  });
});

describe("AM's type names", () => {
  it('shows SelectIdPCallback and IdPCallback under their documented aliases, and answers either', async () => {
    const run = await replay('android-select-idp');
    expect(run.node.callbacks[0]!.type).toBe('SelectIdpCallback');
    expect(run.node.callbacks[0]!.raw.type).toBe('SelectIdPCallback');
    await run.client.next({
      callbacks: [{ type: 'SelectIdPCallback', inputs: { IDToken1: 'google' } }],
    });
    expect(run.sent[0]![0]!.type).toBe('SelectIdPCallback');
    expect(lastInputs(run)).toEqual({ IDToken1: 'google' });
  });
});
