/** Calling us through Relay UK (the links to other services' numbers are made in contact.ts). */

/**
 * Relay UK's prefix for calling any number by text (18001), then the number. Source: BT's price
 * list for Text Relay (now Relay UK), https://bt.com/Pricing/notifs/17-07-2009/Call_Charges_boo/NotificationPeriodImpl4156191408_d0e5.htm,
 * read on 2 December 2026; 18000 is its emergency number (content/help/relay-uk-emergency.md).
 */
export const RELAY_PREFIX = '18001';

/** Our number as someone using Relay UK dials it: "18001 01452 754542". */
export function relayNumber(phone: string): string {
  return `${RELAY_PREFIX} ${phone}`;
}
