import type { OpenView } from '../_server/open-view';
import { WaveError } from '../ui/survey/wave-error';

/** Every wave the view covers that could not be read, each said with its reason; a trend says it goes on without them. */
export function WaveErrors({ view }: { view: Pick<OpenView, 'failures' | 'state' | 'loaded'> }) {
  return view.failures.map((failure) => (
    <WaveError
      key={failure.wave.id}
      waveLabel={failure.wave.label ?? failure.wave.id}
      message={failure.message}
      issues={failure.issues}
      inTrend={view.state.wave === 'all' && view.loaded.length > 0}
    />
  ));
}
