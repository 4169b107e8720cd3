/**
 * SQL: pair `pair` has a booked session (accepted) starting at or after `from`. A booked next
 * session keeps a pair from counting as gone quiet, in the dashboard and the reminder sweep alike.
 */
export const hasBookedSessionSql = (pair: string, from: string) =>
  `EXISTS (SELECT 1 FROM session_booking sb WHERE sb.pair_id = ${pair} AND sb.status = 'ACCEPTED' AND sb.starts_at >= ${from})`;
