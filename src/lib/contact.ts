/**
 * The one source for how the partnership's phone and referral email appear: every page's
 * contact block, the header, the footer, the form confirmations and the emails take their
 * links and words from here, and the facts themselves from content/settings/site.json.
 */
export interface Contact {
  phone: string;
  email: string;
}

export type ContactKind = 'phone' | 'email';

/** Who a page's "Talk to us" box speaks to (src/components/TalkToUs.astro). */
export type TalkAudience = 'public' | 'volunteer' | 'professional';

export interface ContactLink {
  kind: ContactKind;
  /** The word before the link where a block lists both: "Phone", "Email". */
  label: string;
  href: string;
  text: string;
  /** Marks the link for print styles and tests: `phone` or `referral-email`. */
  data: string;
}

/** `tel:` link for a phone number written for people (spaces kept in the text, not the link). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/** The contact facts from the site settings. */
/** A tel: or sms: link for another service's number ("Other help"): digits only, as phones expect. */
export function dialHref(service: { phone: string; phoneIsText?: boolean }): string {
  return service.phoneIsText ? `sms:${service.phone.replace(/\D/g, '')}` : telHref(service.phone);
}

export function contactOf(settings: { phone: string; referralEmail: string }): Contact {
  return { phone: settings.phone, email: settings.referralEmail };
}

export function contactLink(contact: Contact, kind: ContactKind): ContactLink {
  return kind === 'phone'
    ? { kind, label: 'Phone', href: telHref(contact.phone), text: contact.phone, data: 'phone' }
    : { kind, label: 'Email', href: `mailto:${contact.email}`, text: contact.email, data: 'referral-email' };
}

/** Phone first: the quickest way to a person, and the one most visitors look for. */
export function contactLinks(contact: Contact): ContactLink[] {
  return [contactLink(contact, 'phone'), contactLink(contact, 'email')];
}

/**
 * Where a long address may wrap: between the words of a name written in capitals
 * (Restorative·Gloucestershire·Case·Referrals), after the @ and before each dot, as people read
 * it, never mid-word (each part joined with <wbr>; the page's CSS breaks inside a part only if
 * it is still too wide).
 */
export function breakParts(text: string): string[] {
  return text.split(/(?<=[a-z])(?=[A-Z])|(?<=@)|(?=\.)/);
}
