// What to press to get care, under the care level's words (result and notice pages): the
// emergency number as a big call link; the clinic's booking button and phone on urgent and soon
// results (quietly, "if it lasts", on self-care ones), as far as the clinic file shows them; and
// on urgent results the country's urgent-care service. Every number and name is the clinic file's.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { bookingFor, clinic, emergency, urgentCare } from '../clinic.js';

function emergencyCall() {
  const { number, href } = emergency();
  if (!number) return h('p', { class: 'care__contact', 'data-clinic-emergency': 'unknown', text: t('care.callLocal') });
  return h('p', { class: 'care__contact' }, h('a', { class: 'care__call', href, 'data-clinic-emergency': true, text: t('care.callEmergency', { number }) }));
}

function booking(level) {
  const details = bookingFor(level);
  if (!details) return null;
  const quiet = level === 'selfcare';
  const name = clinic().name;
  return h(
    'div',
    { class: `booking${quiet ? ' booking--quiet' : ''}`, 'data-clinic-booking': level },
    quiet ? h('p', { class: 'booking__intro', text: t('booking.ifItLasts') }) : null,
    details.url
      ? h('a', {
          class: quiet ? 'button button--secondary booking__button' : 'button booking__button',
          href: details.url,
          target: '_top',
          'data-booking-button': true,
          text: t('booking.button', { name }),
        })
      : null,
    details.phone
      ? h('p', { class: 'booking__phone' }, details.url ? t('booking.orCall') : t('booking.call'), ' ', h('a', { href: details.phoneHref, 'data-booking-phone': true, text: details.phone }))
      : null,
  );
}

function urgentService() {
  const service = urgentCare();
  if (!service?.name) return null;
  return h(
    'p',
    { class: 'care__urgent-service', 'data-urgent-service': true },
    h('strong', { text: t('urgent.service', { service: service.name }) }),
    service.phone ? [' ', t('urgent.call'), ' ', h('a', { href: service.phoneHref, text: service.phone })] : null,
    service.url ? [service.phone ? ' · ' : ' ', h('a', { href: service.url, target: '_top', rel: 'noopener noreferrer', text: t('urgent.website') })] : null,
  );
}

/** The contact block for a care level (null when there is nothing to show). */
export function careContact(level) {
  if (level === 'emergency') return emergencyCall();
  const parts = [booking(level), level === 'urgent' ? urgentService() : null].filter(Boolean);
  return parts.length ? h('div', { class: 'care__contacts' }, parts) : null;
}

/** For print: the booking link and phone written out, since buttons do not print. */
export function printedBooking(level) {
  const details = bookingFor(level);
  if (!details) return null;
  return h(
    'p',
    { class: 'print-only print-booking', 'data-print-booking': true },
    t('print.booking', { name: clinic().name }),
    ' ',
    [details.url, details.phone].filter(Boolean).join(' · '),
  );
}
