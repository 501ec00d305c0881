import { frenchCalendarDate, frenchNumericDate, frenchParisDate, frenchParisTime, frenchStayDates } from './convocation.dates';

/** What a convocation says: one assigned volunteer, its stay, where and how it gets there. */
export interface ConvocationData {
  volunteer: { firstName: string; lastName: string; /** YYYY-MM-DD */ birthDate: string };
  cohort: { name: string; /** YYYY-MM-DD */ startDate: string; /** YYYY-MM-DD */ endDate: string };
  center: Place;
  /** Null when the volunteer travels to the centre on its own. */
  meetingPoint: Place | null;
  /** The bus (or train) leaving the meeting point; null when not known yet or without a meeting point. */
  departure: { at: Date; lineCode: string } | null;
  issuedAt: Date;
}

export interface Place {
  name: string;
  address: string;
  zip: string;
  city: string;
}

export interface ConvocationSection {
  title: string;
  lines: string[];
  /** What the volunteer must act on (when to be where), set apart from the address. */
  details?: string[];
}

/** The wording of a convocation, by part, so that the PDF can lay each part out its own way. */
export interface ConvocationText {
  service: string;
  title: string;
  /** « Séjour « Février 2027 », du 15 février au 27 février 2027 » */
  stay: string;
  intro: string;
  volunteer: ConvocationSection;
  center: ConvocationSection;
  journey: ConvocationSection;
  toBring: ConvocationSection;
  contact: ConvocationSection;
  guardian: ConvocationSection;
  /** Printed inside the signature box. */
  signatureLabel: string;
  issued: string[];
}

// French puts a space before « : ; ! ? » and inside « »; a no-break one (U+00A0), so that a
// line never starts with a colon. U+00A0 rather than the narrow U+202F: PDF's standard fonts
// cannot print the narrow one (see win-ansi.ts), and every mail client shows both.
const NBSP = '\u00a0';
const quoted = (text: string): string => `«${NBSP}${text}${NBSP}»`;
const labelled = (label: string, value: string): string => `${label}${NBSP}: ${value}`;

export const CONVOCATION_TO_BRING: readonly string[] = [
  'cette convocation, signée par votre représentant légal ;',
  'une pièce d’identité en cours de validité (carte nationale d’identité ou passeport) ;',
  'votre carte Vitale ou une attestation de droits à l’assurance maladie ;',
  'vos traitements médicaux éventuels, avec leur ordonnance ;',
  'des vêtements pour deux semaines, une tenue de sport et un nécessaire de toilette.',
].map((item) => item.replace(/ ;$/, `${NBSP};`));

export const CONVOCATION_CONTACT =
  'Pour toute question, contactez le référent SNU de votre département depuis votre espace volontaire, ou le chef du centre de séjour.';

function placeLines(place: Place): string[] {
  return [place.name, place.address, `${place.zip} ${place.city}`];
}

function journey(data: ConvocationData): ConvocationSection {
  if (!data.meetingPoint) {
    // A departure is read from the transport line at the meeting point: one without the other
    // is a caller's mistake, and printing it would send the volunteer to no address.
    if (data.departure) throw new Error('A convocation departure needs a meeting point');
    return {
      title: 'Votre trajet',
      lines: ['Vous rejoignez le centre par vos propres moyens.'],
      details: [`Arrivée au centre le ${frenchCalendarDate(data.cohort.startDate, { weekday: true })}.`],
    };
  }
  const departure = data.departure
    ? [
        labelled('Départ', `le ${frenchParisDate(data.departure.at, { weekday: true })} à ${frenchParisTime(data.departure.at)}`),
        labelled('Ligne de transport', data.departure.lineCode),
        'Présentez-vous 30 minutes avant le départ.',
      ]
    : ['L’horaire de départ vous sera communiqué prochainement.'];
  return { title: 'Point de rassemblement', lines: placeLines(data.meetingPoint), details: departure };
}

/** The wording of one volunteer's convocation (French, Paris time). */
export function convocationText(data: ConvocationData): ConvocationText {
  const stayDates = frenchStayDates(data.cohort.startDate, data.cohort.endDate);
  const fullName = `${data.volunteer.firstName} ${data.volunteer.lastName}`;
  return {
    service: 'Service National Universel',
    title: 'Convocation au séjour de cohésion',
    stay: `Séjour ${quoted(data.cohort.name)}, ${stayDates}`,
    intro: `Nous avons le plaisir de vous convoquer au séjour de cohésion ${quoted(data.cohort.name)} du Service National Universel, ${stayDates}.`,
    volunteer: {
      title: 'Volontaire',
      lines: [labelled('Prénom et nom', fullName), labelled('Date de naissance', frenchNumericDate(data.volunteer.birthDate))],
    },
    center: { title: 'Centre de séjour', lines: placeLines(data.center) },
    journey: journey(data),
    toBring: { title: 'À apporter', lines: [...CONVOCATION_TO_BRING] },
    contact: { title: 'Contact', lines: [CONVOCATION_CONTACT] },
    guardian: {
      title: 'Représentant légal',
      lines: [`Je soussigné(e), représentant légal de ${fullName}, atteste avoir pris connaissance de cette convocation.`],
    },
    signatureLabel: `Date et signature, précédées de la mention ${quoted('Lu et approuvé')}`,
    issued: [`Fait le ${frenchParisDate(data.issuedAt)}`, 'L’équipe du Service National Universel'],
  };
}

/** The same wording as plain text lines (one source for the PDF and an e-mail's body). */
export function convocationLines(data: ConvocationData): string[] {
  const text = convocationText(data);
  const sections = [text.volunteer, text.center, text.journey, text.toBring, text.contact, text.guardian];
  return [
    `${text.service} — ${text.title}`,
    text.stay,
    '',
    text.intro,
    ...sections.flatMap((section) => ['', `${section.title}${NBSP}:`, ...section.lines.map((line) => (section === text.toBring ? `- ${line}` : line)), ...(section.details ?? [])]),
    text.signatureLabel,
    '',
    ...text.issued,
  ];
}
