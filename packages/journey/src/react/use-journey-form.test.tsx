// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AmCallback, JourneyNode } from '@journeykit/journey';
import { useJourneyForm } from '@journeykit/journey/react';
import { continueNode } from '../journey/nodes';
import { amCallback as cb } from '../../test/am-json';

// The form hook over nodes parsed by the SDK's own code from AM JSON (no server needed here;
// the integration tests drive it against the dev server).
const step = (...callbacks: AmCallback[]): JourneyNode =>
  continueNode({ authId: 'a', callbacks }, ['en']);

const login = () =>
  step(cb('NameCallback', { prompt: 'User Name' }), cb('PasswordCallback', { prompt: 'Password' }));

describe('useJourneyForm', () => {
  it('reports empty credentials instead of submitting them (rn-journey-api §7.14)', () => {
    const { result } = renderHook(() => useJourneyForm(login()));
    expect(result.current.canSubmit).toBe(false);
    expect(result.current.issues.map((i) => [i.code, i.fieldId])).toEqual([
      ['INVALID_VALUE', 'NameCallback:0'],
      ['INVALID_VALUE', 'PasswordCallback:0'],
    ]);
  });

  it('turns values into next() input', () => {
    const node = login();
    const { result } = renderHook(() => useJourneyForm(node));
    act(() => {
      expect(result.current.setValueByType('NameCallback', 'demo')).toBe(true);
      result.current.setValue('PasswordCallback:0', 'secret');
    });
    expect(result.current.canSubmit).toBe(true);
    expect(result.current.input).toEqual({
      callbacks: [
        { type: 'NameCallback', index: 0, value: 'demo' },
        { type: 'PasswordCallback', index: 0, value: 'secret' },
      ],
    });
    expect(result.current.buildInput({ 'PasswordCallback:0': '' }).canSubmit).toBe(false);
  });

  it('honours handledCallbackTypes in buildInput too (rn-journey-api §7.13)', () => {
    const node = step(
      cb('NameCallback', { prompt: 'User Name' }),
      cb('ReCaptchaCallback', { recaptchaSiteKey: 'k' }),
    );
    const plain = renderHook(() => useJourneyForm(node)).result;
    act(() => void plain.current.setValue('NameCallback:0', 'demo'));
    expect(plain.current.canSubmit).toBe(false);
    expect(plain.current.meta.hasIntegrationRequired).toBe(true);
    expect(plain.current.buildInput().issues.map((i) => i.code)).toEqual(['INTEGRATION_REQUIRED']);

    const handled = new Set(['ReCaptchaCallback']);
    const { result } = renderHook(() => useJourneyForm(node, { handledCallbackTypes: handled }));
    act(() => void result.current.setValue('NameCallback:0', 'demo'));
    expect(result.current.canSubmit).toBe(true);
    expect(result.current.buildInput()).toMatchObject({ canSubmit: true, issues: [] });
  });

  it('seeds defaults, and starts again from them for every new node', () => {
    const node = () =>
      step(
        cb(
          'ChoiceCallback',
          { prompt: 'Factor', choices: ['SMS', 'Email'], defaultChoice: 1 },
          [1],
        ),
        cb('TextInputCallback', { prompt: 'Nickname', defaultText: 'Babs' }),
      );
    const first = node();
    const { result, rerender } = renderHook(({ n }) => useJourneyForm(n), {
      initialProps: { n: first },
    });
    expect(result.current.values).toEqual({ 'ChoiceCallback:0': 1, 'TextInputCallback:0': 'Babs' });
    act(() => result.current.setValues({ 'ChoiceCallback:0': 0, 'TextInputCallback:0': 'B' }));
    rerender({ n: first });
    expect(result.current.values).toEqual({ 'ChoiceCallback:0': 0, 'TextInputCallback:0': 'B' });
    rerender({ n: node() });
    expect(result.current.values).toEqual({ 'ChoiceCallback:0': 1, 'TextInputCallback:0': 'Babs' });
    expect(result.current.fields[0]?.options?.map((o) => o.label)).toEqual(['SMS', 'Email']);
  });

  it('setValues, clearValue and reset keep to their contract', () => {
    let renders = 0;
    const node = step(
      cb('TextInputCallback', { prompt: 'Nickname', defaultText: 'Babs' }),
      cb('NumberAttributeInputCallback', { prompt: 'Age', name: 'age', value: 30 }),
    );
    const { result } = renderHook(() => {
      renders++;
      return useJourneyForm(node);
    });
    const before = renders;
    act(() =>
      result.current.setValues((v) => ({ 'TextInputCallback:0': v['TextInputCallback:0'] })),
    );
    expect(renders).toBe(before); // an equal patch does not re-render

    act(() => result.current.setValues({ 'NumberAttributeInputCallback:0': '' }));
    expect(result.current.issues).toMatchObject([
      { code: 'INVALID_VALUE', message: 'Age must be a number.' },
    ]);
    act(() => result.current.clearValue('NumberAttributeInputCallback:0'));
    expect(result.current.canSubmit).toBe(true); // back to the default, 30
    act(() => result.current.reset({ 'TextInputCallback:0': 'Jo' }));
    expect(result.current.values).toEqual({
      'TextInputCallback:0': 'Jo',
      'NumberAttributeInputCallback:0': 30,
    });
  });

  it('finds fields by id and type', () => {
    const node = step(
      cb('TextOutputCallback', { message: 'Hello', messageType: '0' }, []),
      cb('StringAttributeInputCallback', {
        prompt: 'First',
        name: 'givenName',
        required: true,
        value: '',
      }),
      cb('StringAttributeInputCallback', { prompt: 'Last', name: 'sn', required: true, value: '' }),
    );
    const { result } = renderHook(() => useJourneyForm(node));
    const form = result.current;
    expect(form.getField('StringAttributeInputCallback:1')?.prompt).toBe('Last');
    expect(form.getFieldsByType('StringAttributeInputCallback')).toHaveLength(2);
    expect(form.getFieldByType('StringAttributeInputCallback', 1)?.prompt).toBe('Last');
    expect(form.getFieldByType('StringAttributeInputCallback', -1)).toBeUndefined();
    expect(form.setValueByType('NameCallback', 'x')).toBe(false);
    expect(form.meta).toEqual({
      hasManual: true,
      hasOutputOnly: true,
      hasAutoCapable: false,
      hasIntegrationRequired: false,
      hasUnsupported: false,
      hasRequiredConsentMissing: false,
    });
    expect(form.issues.map((i) => i.message)).toEqual(['First is required.', 'Last is required.']);
  });

  it('handles terms, KBA and a node that is not a form', () => {
    const node = step(
      cb(
        'KbaCreateCallback',
        { prompt: 'Security question', predefinedQuestions: ['Pet?', 'City?'] },
        ['', ''],
      ),
      cb('TermsAndConditionsCallback', { terms: 'Be nice', version: '1', required: true }, [false]),
    );
    const { result, rerender } = renderHook(
      ({ n }: { n: JourneyNode | null }) => useJourneyForm(n),
      {
        initialProps: { n: node as JourneyNode | null },
      },
    );
    expect(result.current.meta.hasRequiredConsentMissing).toBe(true);
    act(() =>
      result.current.setValues({
        'KbaCreateCallback:0': {
          selectedQuestion: 'Pet?',
          selectedAnswer: 'Rex',
          allowUserDefinedQuestions: false,
        },
        'TermsAndConditionsCallback:0': true,
      }),
    );
    expect(result.current.input.callbacks).toEqual([
      {
        type: 'KbaCreateCallback',
        index: 0,
        value: {
          selectedQuestion: 'Pet?',
          selectedAnswer: 'Rex',
          allowUserDefinedQuestions: false,
        },
      },
      { type: 'TermsAndConditionsCallback', index: 0, value: true },
    ]);
    rerender({ n: null });
    expect(result.current.fields).toEqual([]);
    expect(result.current.issues.map((i) => i.code)).toEqual(['NO_ACTIVE_CONTINUE_NODE']);
  });
  it('sends a callback answered by its AM input names, and refuses a wrong type', () => {
    const node = step({
      ...cb('ReCaptchaEnterpriseCallback', { recaptchaSiteKey: 'k' }),
      input: [
        { name: 'IDToken1token', value: '' },
        { name: 'IDToken1action', value: '' },
      ],
    });
    const { result } = renderHook(() => useJourneyForm(node));
    act(
      () =>
        void result.current.setValue('ReCaptchaEnterpriseCallback:0', {
          inputs: { IDToken1token: 't' },
        }),
    );
    expect(result.current.canSubmit).toBe(true);
    expect(result.current.input).toEqual({
      callbacks: [
        { type: 'ReCaptchaEnterpriseCallback', index: 0, inputs: { IDToken1token: 't' } },
      ],
    });
    act(
      () =>
        void result.current.setValue('ReCaptchaEnterpriseCallback:0', {
          inputs: { IDToken1action: 1 },
        }),
    );
    expect(result.current.canSubmit).toBe(false);
    expect(result.current.issues.map((i) => i.code)).toEqual(['INVALID_VALUE']);
  });
});
