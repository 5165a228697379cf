import { useState } from 'preact/hooks';
import type { Result } from '@/utils/core/types';
import { PAUSE_REASON_MAX } from '@/utils/core/easing-plan';
import { formatDay } from '@/utils/core/easing-words';
import { tr } from '@/utils/core/i18n';

/**
 * Plans a pause: it starts on `from` (tomorrow at the earliest, or after the easing delay), optionally until a day
 * and with a reason a partner will read. Today is judged as usual.
 */
export function PauseForm({ from, onPause, onCancel }: {
  from: string;
  onPause(ask: { until?: string; reason?: string }): Promise<Result<unknown>>;
  onCancel(): void;
}) {
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await onPause({ until: until || undefined, reason: reason.trim() || undefined });
    setError(r.ok ? null : r.error);
  };
  return (
    <form class="pause-form" data-testid="pause-form" onSubmit={submit}>
      <p class="meta">{tr('pause_form_starts_today_counts_as_usual', { value: formatDay(from) })}</p>
      <label>{tr('pause_form_back_on_optional')}{' '}<input type="date" data-testid="pause-until" min={from} value={until} onInput={(e) => setUntil(e.currentTarget.value)} /></label>
      <label>{tr('pause_form_reason_optional_your_partner')}{' '}<input type="text" data-testid="pause-reason" maxLength={PAUSE_REASON_MAX} placeholder={tr('pause_form_exam_week')} value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></label>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="actions">
        <button type="submit" class="primary" data-testid="pause-confirm">{tr('pause_form_plan_the_pause')}</button>
        <button type="button" onClick={onCancel}>{tr('pause_form_cancel')}</button>
      </div>
    </form>
  );
}
