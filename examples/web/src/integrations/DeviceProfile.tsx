import type { JourneyFormValue } from '@journeykit/journey';
import {
  browserDeviceSource,
  collectDeviceProfile,
  deviceProfileAnswer,
  deviceProfileRequest,
  type FoundCallback,
} from '@journeykit/journey/device-profile';
import { useEffect, useState } from 'react';

/** Collects the profile the callback asks for once, and puts it in the form. */
export function DeviceProfile({
  found,
  setValue,
}: {
  found: FoundCallback;
  setValue: (id: string, value: JourneyFormValue) => void;
}) {
  const [status, setStatus] = useState('');
  const request = deviceProfileRequest(found);
  useEffect(() => {
    let live = true;
    // The device identifier stays in this browser (localStorage), as Ping's web SDKs keep it.
    collectDeviceProfile(request, { source: browserDeviceSource(), storage: localStorage }).then(
      (profile) => {
        if (!live) return;
        setValue(found.fieldId, deviceProfileAnswer(found, profile));
        setStatus(
          `Device profile ready${profile.location ? ', with your location' : ''} (device ${profile.identifier}).`,
        );
      },
      (error: Error) => live && setStatus(`No device profile: ${error.message}`),
    );
    return () => {
      live = false;
    };
    // One collection per callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [found.callback]);
  return (
    <p className="note" aria-busy={!status || undefined} data-testid="device-profile">
      {status || request.message || 'Collecting the device profile…'}
    </p>
  );
}
