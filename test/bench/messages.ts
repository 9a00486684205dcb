/** A realistic mix of what admins send: questions in six languages, symptoms, follow-ups, pastes. */
import { PASTES } from '../support/pastes';

export const MESSAGE_MIX: readonly { text: string; locale?: string }[] = [
  { text: 'what does 4.4.316 mean?' },
  { text: '¿qué significa 4.4.316?', locale: 'es-MX' },
  { text: 'o que significa 4.4.316?', locale: 'pt-BR' },
  { text: '4.4.316 是什么意思？', locale: 'zh-CN' },
  { text: 'cosa significa 4.4.316?', locale: 'it-IT' },
  { text: 'co oznacza 4.4.316?', locale: 'pl-PL' },
  { text: '4.7.320', locale: 'en-US' },
  { text: '450 4.4.315 Connection timed out' },
  { text: 'how do I fix it?' },
  { text: '¿y cómo lo arreglo?' },
  { text: 'el certificado del smart host caducó' },
  { text: 'the firewall blocks Microsoft 365' },
  { text: 'connection refused from exchange online to our on-prem server since this morning' },
  { text: 'list' },
  { text: 'help' },
  { text: 'what is 5.7.1?' },
  { text: PASTES.ledReason },
  { text: PASTES.ndr, locale: 'es-ES' },
  { text: PASTES.starttls },
  { text: PASTES.expiredQueue },
];
