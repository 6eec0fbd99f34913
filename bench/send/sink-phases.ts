// The sink's view of a row (see SinkPhases): per message, where the sender's time went.
import type { SinkPhases } from './sink-smtp';

export interface PhasesPerMessage {
  /** MAIL FROM to the DATA command, ms. */
  envelopeMs: number;
  /** The 354 to the final dot, ms. */
  dataMs: number;
  /** The 250 to the next MAIL FROM on the connection, ms. */
  betweenMs: number;
}

const perOne = (sum: number, count: number) => (count > 0 ? Math.round((sum / count) * 1000) / 1000 : 0);

export function phasesPerMessage(phases: SinkPhases): PhasesPerMessage {
  return {
    envelopeMs: perOne(phases.envelopeMs, phases.messages),
    dataMs: perOne(phases.dataMs, phases.messages),
    betweenMs: perOne(phases.betweenMs, phases.followers),
  };
}

export function phasesText(phases: PhasesPerMessage): string {
  return `as the sink saw each message: envelope ${phases.envelopeMs.toFixed(2)} ms, data ${phases.dataMs.toFixed(2)} ms, between messages ${phases.betweenMs.toFixed(2)} ms`;
}
