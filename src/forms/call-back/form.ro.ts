/**
 * Ask us to call you back, in Romanian (questions: ./questions.ts). Drafted, not yet checked by a
 * qualified translator: the Romanian page says so until content/languages/ro.md records the check.
 */
import { callBackForm, type CallBackWords } from './questions.ts';

const words: CallBackWords = {
  ui: {
    lang: 'ro',
    dir: 'ltr',
    errorPrefix: 'Eroare:',
    problemTitle: 'Există o problemă',
    optional: '(opțional)',
    upTo: 'Cel mult {count} de caractere.',
    remaining: {
      one: 'A mai rămas {count} caracter',
      few: 'Au mai rămas {count} caractere',
      other: 'Au mai rămas {count} de caractere',
    },
    tooMany: {
      one: '{count} caracter în plus',
      few: '{count} caractere în plus',
      other: '{count} de caractere în plus',
    },
    onlyIfChose: 'Răspundeți doar dacă ați ales {choices} la {question}.',
    onlyIfTicked: 'Răspundeți doar dacă ați bifat {choices} la {question}.',
    or: ' sau ',
    quoted: '„{text}”',
    honeypot: 'Lăsați acest câmp gol',
    beforeYouStart: 'Înainte să începeți: ce urmează și cum folosim informațiile dumneavoastră',
    continueLabel: 'Continuați',
    openingBusy: 'Se deschid întrebările…',
    checkingBusy: 'Se verifică răspunsurile…',
    sendingBusy: 'Se trimite {noun}…',
    changeWhoFor: 'Schimbați pentru cine este cererea',
    checkTitle: 'Verificați răspunsurile înainte de a le trimite',
    checkPageTitle: 'Verificați răspunsurile – {title}',
    change: 'Schimbați',
    notGiven: 'Nu s-a răspuns',
    yes: 'Da',
    no: 'Nu',
    nextHeading: 'Ce urmează',
    privacyHeading: 'Cum folosim informațiile dumneavoastră',
    privacy:
      'Folosim ce ne spuneți doar pentru a {purpose}. Informațiile sunt trimise în siguranță, păstrate criptat, văzute doar de personalul care are nevoie de ele și șterse când nu mai sunt necesare. Citiți {link} pentru mai multe detalii, inclusiv despre drepturile dumneavoastră.',
    privacyLink: 'nota de confidențialitate (în engleză)',
    referenceLabel: 'Numărul dumneavoastră de referință',
    keepRecord:
      'Păstrați numărul de referință. Notați-l, faceți o captură de ecran sau tipăriți această pagină. Spuneți-l dacă ne contactați în legătură cu {noun}.',
    contactHeading: 'Dacă trebuie să ne contactați',
    phoneLabel: 'Telefon',
    emailLabel: 'E-mail',
    danger: 'Dacă sunteți în pericol acum, sunați la 999.',
    homeLink: 'Înapoi la pagina în limba română',
    homePath: '/languages/ro/',
    shellPath: '/languages/ro/form-shell/',
    sentHeading: 'Cererea dumneavoastră a fost trimisă',
    sentReference: 'Numărul dumneavoastră de referință este {reference}. {link}.',
    seeNext: 'Vedeți ce urmează',
    startNew: 'Trimiteți o cerere nouă',
    problemPageTitle: 'Ne pare rău, există o problemă',
    problemMessage:
      'Nu am putut trimite {noun}. Nu s-a salvat nimic. Încercați din nou peste câteva minute sau sunați-ne la {phone}.',
    notOurSite: 'Acest formular poate fi trimis doar de pe site-ul nostru.',
    goToForm: '{link}.',
    toFormLink: 'Mergeți la formular',
    unreadable: 'Formularul nu a putut fi citit. Nu s-a trimis nimic.',
    unreadableHelp: 'Întoarceți-vă, scurtați cele mai lungi răspunsuri și trimiteți din nou. Sau sunați-ne la {phone}.',
    overLimitTitle: 'Nu s-a trimis: așteptați un minut',
    overLimit:
      'Am primit multe formulare de la conexiunea dumneavoastră în ultimul minut, așa că acesta nu a fost trimis și nu s-a salvat nimic. Așteptați un minut, apoi trimiteți-l din nou sau sunați-ne la {phone}.',
    previewTitle: 'Nu s-a trimis: aceasta este o versiune de probă',
    previewPageTitle: 'Nu s-a trimis – {title}',
    preview:
      'Aceasta este o copie de probă a site-ului, pentru verificarea modificărilor. Formularele ei nu trimit nimic: nimic din ce scrieți aici nu este păstrat sau trimis cuiva. Pentru a ne contacta, sunați la {phone}.',
    stillSending:
      'Răspunsurile dumneavoastră încă se trimit. Așteptați puțin, apoi apăsați din nou „Trimiteți cererea”: vor fi trimise o singură dată.',
    checkAgain: 'Verificați răspunsurile, apoi trimiteți-le din nou.',
    checkFailed: 'Nu am putut verifica răspunsurile. Încercați din nou sau sunați-ne.',
    checkUnreachable:
      'Nu am putut accesa site-ul nostru. Verificați conexiunea la internet și încercați din nou sau sunați-ne.',
    sendFailed: 'Nu am putut trimite răspunsurile. Încercați din nou sau sunați-ne.',
    sendUnreachable:
      'Nu am putut accesa site-ul nostru, așa că nu s-a trimis nimic. Verificați conexiunea la internet și încercați din nou sau sunați-ne.',
    selectFromList: 'Alegeți din listă la {question}',
    checkAnswer: 'Verificați răspunsul la {question}',
    referenceNotShownTitle: 'Nu putem afișa un număr de referință pe această pagină',
    referenceNotShownPageTitle: 'Fără număr de referință',
    referenceNotShown:
      'Această pagină afișează un număr de referință imediat după ce un formular este trimis de pe site-ul nostru. Această adresă nu provine din trimiterea unui formular sau îi lipsește o parte, așa că pagina nu poate spune dacă s-a trimis ceva.',
    referenceNotShownHelp:
      'Dacă ați trimis formularul și vreți să verificați că a ajuns la noi, sunați-ne la {phone}. Sau {link}.',
    referenceNotShownLink: 'mergeți la formular',
    mailThanks: 'Vă mulțumim. Am primit {noun}.',
    mailReference: 'Numărul dumneavoastră de referință este {reference}.',
    mailContact:
      'Dacă trebuie să ne contactați, sunați la {phone} sau scrieți la {email} și spuneți numărul de referință.',
    mailSubject: 'Cererea dumneavoastră: numărul de referință {reference}',
  },
  title: 'Cereți-ne să vă contactăm',
  lede: 'Spuneți-ne cum și când vă putem contacta în siguranță, iar noi vă vom contacta.',
  sendLabel: 'Trimiteți cererea',
  noun: 'cererea dumneavoastră',
  sentTitle: 'Cerere trimisă',
  timeToComplete: 'Durează aproximativ 2 minute. Puteți verifica răspunsurile înainte de a le trimite.',
  privacyPurpose: 'vă contacta în legătură cu cererea dumneavoastră',
  nextSteps: [
    'Un membru al personalului vă va citi cererea și vă va contacta într-unul dintre momentele pe care le-ați ales.',
    'Vă lăsăm un mesaj doar dacă ați spus că este sigur.',
    'Nu trebuie să hotărâți nimic când vă contactăm. Puteți doar să puneți întrebări.',
  ],
  sections: { you: 'Despre dumneavoastră', reach: 'Cum vă putem contacta în siguranță', more: 'Altceva' },
  name: {
    label: 'Numele dumneavoastră',
    hint: 'Este suficient prenumele, în orice limbă sau alfabet.',
    required: 'Scrieți-vă numele',
    tooLong: 'Numele trebuie să aibă cel mult 100 de caractere',
  },
  language: {
    label: 'În ce limbă să vorbim cu dumneavoastră?',
    hint: 'Alegeți limba în care doriți să vorbim.',
    another: 'În altă limbă',
    required: 'Alegeți limba în care să vorbim cu dumneavoastră',
  },
  otherLanguage: {
    label: 'În ce limbă?',
    required: 'Scrieți în ce limbă să vorbim',
    tooLong: 'Numele limbii trebuie să aibă cel mult 60 de caractere',
  },
  contactBy: {
    label: 'Cum să vă contactăm?',
    hint: 'Alegeți modul care este sigur pentru dumneavoastră.',
    phone: 'Prin telefon',
    email: 'Prin e-mail',
    required: 'Alegeți cum să vă contactăm',
  },
  phone: {
    label: 'Un număr de telefon sigur',
    hint: 'Un număr la care nu răspunde nimeni altcineva.',
    required: 'Scrieți un număr de telefon',
    tooLong: 'Numărul de telefon trebuie să aibă cel mult 30 de caractere',
    format: 'Scrieți un număr de telefon, de exemplu 01632 960 001 sau 07700 900 982',
  },
  email: {
    label: 'O adresă de e-mail sigură',
    hint: 'O adresă pe care nu o citește nimeni altcineva.',
    required: 'Scrieți o adresă de e-mail',
    tooLong: 'Adresa de e-mail trebuie să aibă cel mult 254 de caractere',
    format: 'Scrieți adresa de e-mail în forma corectă, de exemplu name@example.com',
  },
  times: {
    label: 'Când vă putem contacta în siguranță?',
    hint: 'Bifați toate momentele potrivite.',
    morning: 'Dimineața',
    afternoon: 'După-amiaza',
    evening: 'Seara',
    required: 'Bifați cel puțin un moment în care vă putem contacta în siguranță',
  },
  message: {
    label: 'Vă putem lăsa un mesaj?',
    hint: 'De exemplu, un mesaj vocal sau un SMS. Alegeți „Nu” dacă altcineva l-ar putea auzi sau citi.',
    yes: 'Da, puteți lăsa un mesaj',
    no: 'Nu, nu lăsați niciun mesaj',
    required: 'Alegeți dacă vă putem lăsa un mesaj',
  },
  anything: {
    label: 'Mai trebuie să știm ceva înainte să vă contactăm?',
    hint: 'Nu trebuie să ne spuneți ce s-a întâmplat.',
    tooLong: 'Răspunsul trebuie să aibă cel mult 500 de caractere',
  },
};

export default callBackForm(words, 'Română');
