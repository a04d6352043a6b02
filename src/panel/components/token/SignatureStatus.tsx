import type { SignatureView } from '../../model/token-parts.js';
import { CapturedText } from '../text/CapturedText.js';

/**
 * The signature status of a JWT with its algorithm, key id, where the key came from and why. Every value is
 * escaped text (CapturedText); the key source (a URL) is never a link. Does not verify anything.
 */
export function SignatureStatus({ signature }: { signature: SignatureView }) {
  const { status, label, alg, kid, keySource, keyType, reasons } = signature;
  return (
    <div class={`signature signature-${status}`} data-testid="signature" data-status={status} data-alg={alg ?? ''} data-kid={kid ?? ''}>
      <strong class="signature-label">{label}</strong>
      <dl class="signature-facts">
        {alg !== undefined && (
          <div>
            <dt>alg</dt>
            <dd>
              <CapturedText as="code" text={alg} />
            </dd>
          </div>
        )}
        {kid !== undefined && (
          <div>
            <dt>kid</dt>
            <dd>
              <CapturedText as="code" text={kid} />
            </dd>
          </div>
        )}
        {keySource !== undefined && (
          <div>
            <dt>key</dt>
            <dd>
              <CapturedText class="url" text={keySource} />
              {keyType !== undefined && ` (${keyType})`}
            </dd>
          </div>
        )}
      </dl>
      {reasons.length > 0 && <CapturedText class="signature-reason" text={reasons.join('; ')} />}
    </div>
  );
}
