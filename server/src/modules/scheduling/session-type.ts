/** What kind of meeting a session is; logged sessions and bookings both carry one. */
export enum SessionType {
  /** The monthly conversation of the two co-learners. */
  CONVERSATION = 'CONVERSATION',
  /** A ward visit, shadowing day or other visit to the other's work. */
  SHADOWING = 'SHADOWING',
  /** Group coaching, an action-learning set or a joint session with other pairs. */
  GROUP = 'GROUP',
}
