import type { JourneyFormValue } from '@journeykit/journey';
import {
  recaptchaAnswer,
  recaptchaSettings,
  type FoundCallback,
} from '@journeykit/journey/recaptcha';
import { useEffect, useRef, useState } from 'react';

// Google's public test site key: the dev server sends it, and Google cannot be reached from the
// demo's tests, so for it this demo shows a stand-in widget whose token the dev server's test
// verifier accepts. Any other key gets Google's own widget.
const TEST_SITE_KEY = '6LeIxAcTAAAAAJcZVRqyHh4UMmAbZLeb9W4h3hMAuxeYk2vL';
const TEST_TOKEN = 'journeykit-recaptcha-test-token';

interface Grecaptcha {
  render(element: HTMLElement, options: { sitekey: string; callback(token: string): void }): void;
}
declare global {
  interface Window {
    grecaptcha?: Grecaptcha & { enterprise?: Grecaptcha };
  }
}

/** The CAPTCHA of the step; its token (or error) goes into the form. */
export function ReCaptcha({
  found,
  setValue,
}: {
  found: FoundCallback;
  setValue: (id: string, value: JourneyFormValue) => void;
}) {
  const settings = recaptchaSettings(found);
  const answer = (token: string) =>
    setValue(
      found.fieldId,
      recaptchaAnswer(found, settings.enterprise ? { token, action: 'login' } : { token }),
    );
  if (settings.siteKey === TEST_SITE_KEY)
    return (
      <label className="check">
        <input type="checkbox" onChange={(e) => e.target.checked && answer(TEST_TOKEN)} />I am not a
        robot (test widget)
      </label>
    );
  return <GoogleWidget settings={settings} onToken={answer} />;
}

/** Google's widget: its script from the callback's API URL, rendered in an element of its class. */
function GoogleWidget({
  settings,
  onToken,
}: {
  settings: ReturnType<typeof recaptchaSettings>;
  onToken: (token: string) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const script = document.createElement('script');
    script.src = `${settings.apiUrl}?render=explicit`;
    script.onerror = () => setFailed(true);
    script.onload = () => {
      const api = settings.enterprise ? window.grecaptcha?.enterprise : window.grecaptcha;
      if (api && element.current)
        api.render(element.current, { sitekey: settings.siteKey, callback: onToken });
    };
    document.head.append(script);
    return () => script.remove();
    // One widget per callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.apiUrl, settings.siteKey]);
  if (failed) return <p className="problem">The CAPTCHA could not be loaded.</p>;
  return <div ref={element} className={settings.elementClass} />;
}
