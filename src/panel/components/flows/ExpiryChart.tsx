import type { ExpiryTimeline, Lifetime } from '../../../core/model.js';
import { isoSeconds, relative } from '../../../core/util/time.js';
import { CHART, countdownText, expiryChart, type ChartBar, type ChartGeometry } from '../../model/expiry-chart.js';
import { durationText } from '../../model/flow-steps.js';
import { compactText } from '../../model/shown-text.js';
import '../../styles/flows.css';

/** Props of {@link ExpiryChart}. */
export interface ExpiryChartProps {
  timeline: ExpiryTimeline;
  /** Unix seconds; the countdowns and the now line follow it. */
  now: number;
  /** The flow's start (milliseconds, as `Flow.startedAt`): where bars without `issuedAt` begin. */
  flowStartedAt?: number;
}

/** Labels longer than this are cut (the column is fixed; the group's <title> has the whole label). */
const MAX_LABEL = 36;
const clip = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);
const localTime = (seconds: number) => new Date(seconds * 1000).toLocaleString();
const shortTime = (seconds: number) => new Date(seconds * 1000).toLocaleTimeString();

function Bar({ bar, now }: { bar: ChartBar; now: number }) {
  const l = bar.lifetime;
  const mid = bar.y + CHART.rowHeight / 2;
  const cls = `lifetime${bar.expired ? ' expired' : ''}${bar.sessionEnd ? ' session-end' : ''}`;
  return (
    <g
      class={cls}
      data-testid="lifetime"
      data-kind={l.kind}
      data-artifact={l.artifact}
      data-source={l.source}
      data-expires-at={l.expiresAt}
      data-session-end={String(bar.sessionEnd)}
      data-expired={String(bar.expired)}
      data-start-known={String(bar.startKnown)}
    >
      <title>{`${compactText(l.label)}: ${isoSeconds(l.expiresAt)}`}</title>
      <text class="lifetime-label" x={CHART.labelRight} y={mid} text-anchor="end" dominant-baseline="middle">
        {bar.sessionEnd ? '▸ ' : ''}
        {clip(compactText(l.label))}
      </text>
      {bar.marker ? (
        <path class="lifetime-marker" d={`M ${bar.x1} ${mid - 6} l 5 6 l -5 6 l -5 -6 z`} />
      ) : (
        <rect
          class={`lifetime-bar${bar.startKnown ? '' : ' start-unknown'}`}
          x={bar.x0}
          y={mid - CHART.barHeight / 2}
          width={Math.max(bar.x1 - bar.x0, 2)}
          height={CHART.barHeight}
          rx={2}
        />
      )}
      <text class="countdown" data-testid="countdown" x={CHART.countdownLeft} y={mid} dominant-baseline="middle">
        {countdownText(l.expiresAt, now)}
      </text>
    </g>
  );
}

function NowLine({ chart, now }: { chart: ChartGeometry; now: number }) {
  const bottom = chart.height - CHART.bottom;
  const last = chart.ticks[1]?.at ?? now;
  const first = chart.ticks[0]?.at ?? now;
  const text =
    chart.nowPosition === 'after' ? `now → ${durationText((now - last) * 1000)} later` : chart.nowPosition === 'before' ? `← now, ${durationText((first - now) * 1000)} earlier` : 'now';
  const anchor = chart.nowPosition === 'after' ? 'end' : chart.nowPosition === 'before' ? 'start' : 'middle';
  return (
    <g class="now-line" data-testid="now-line" data-position={chart.nowPosition}>
      <line x1={chart.nowX} x2={chart.nowX} y1={CHART.top - 4} y2={bottom} />
      <text x={chart.nowX} y={CHART.top - 7} text-anchor={anchor}>
        {text}
      </text>
    </g>
  );
}

function sessionCaption(end: Lifetime | undefined, now: number, hasLifetimes: boolean): string {
  if (!end) return hasLifetimes ? 'No known expiry ends this session (its refresh token does not expire).' : '';
  const when = `${isoSeconds(end.expiresAt)} (local ${localTime(end.expiresAt)}, ${relative(end.expiresAt, now)})`;
  // A label may quote the server ("refresh refused (<error>)"): escaped like all captured text.
  const what = compactText(end.label);
  if (end.source === 'refresh_error') return `The session ended when the server refused a refresh, ${what}, at ${when}.`;
  return end.expiresAt <= now ? `The session ended when the ${what} expired: ${when}.` : `The session ends when the ${what} expires: ${when}.`;
}

/**
 * Every lifetime of a flow (ID, access and refresh token, introspection) as a bar against `now`, in an inline SVG
 * coloured by CSS variables, each with a live countdown; the now line; a caption naming the expiry that ends the
 * session, in UTC and local time. An empty timeline gives a short text instead. Does not tick by itself: it
 * re-renders when `now` changes.
 */
export function ExpiryChart({ timeline, now, flowStartedAt }: ExpiryChartProps) {
  const chart = expiryChart(timeline, now, flowStartedAt === undefined ? undefined : Math.floor(flowStartedAt / 1000));
  if (!chart) {
    return (
      <p class="muted" data-testid="expiry-chart-empty">
        No token lifetime is known in this flow.
      </p>
    );
  }
  const caption = sessionCaption(chart.sessionEnd, now, timeline.lifetimes.length > 0);
  const label = `Expiry timeline: ${chart.bars.length} ${chart.bars.length === 1 ? 'lifetime' : 'lifetimes'}, ${chart.bars.filter((b) => b.expired).length} ended. ${caption}`;
  return (
    <figure class="expiry-chart">
      <svg data-testid="expiry-chart" role="img" aria-label={label} viewBox={`0 0 ${chart.width} ${chart.height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title>{label}</title>
        <rect class="plot" x={CHART.plotLeft} y={CHART.top} width={CHART.plotRight - CHART.plotLeft} height={chart.height - CHART.top - CHART.bottom} />
        {chart.bars.map((bar, i) => (
          <Bar key={`${bar.lifetime.artifact}:${bar.lifetime.kind}:${bar.lifetime.source}:${i}`} bar={bar} now={now} />
        ))}
        {chart.ticks.map((t, i) => (
          <text key={i} class="tick" x={t.x} y={chart.height - 6} text-anchor={i === 0 ? 'start' : 'end'}>
            {shortTime(t.at)}
          </text>
        ))}
        <NowLine chart={chart} now={now} />
      </svg>
      {caption !== '' && (
        <figcaption data-testid="session-end" data-artifact={chart.sessionEnd?.artifact ?? ''} data-expires-at={chart.sessionEnd?.expiresAt ?? ''}>
          {caption}
        </figcaption>
      )}
    </figure>
  );
}
