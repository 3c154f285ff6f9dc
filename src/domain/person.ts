/** Who a record belongs to: enough to find their conversation and write to them on their channel. */
export interface PersonRef {
  /** The conversation key `channel:accountId:userId`. */
  key: string;
  channel: string;
  accountId: string;
  userId: string;
}
