/**
 * Ask us to call you back, in Polish (questions: ./questions.ts). Drafted, not yet checked by a
 * qualified translator: the Polish page says so until content/languages/pl.md records the check.
 */
import { callBackForm, type CallBackWords } from './questions.ts';

const words: CallBackWords = {
  ui: {
    lang: 'pl',
    dir: 'ltr',
    errorPrefix: 'Błąd:',
    problemTitle: 'Wystąpił problem',
    optional: '(nieobowiązkowe)',
    upTo: 'Najwyżej {count} znaków.',
    remaining: {
      one: 'Pozostał {count} znak',
      few: 'Pozostały {count} znaki',
      many: 'Pozostało {count} znaków',
      other: 'Pozostało {count} znaku',
    },
    tooMany: {
      one: '{count} znak za dużo',
      few: '{count} znaki za dużo',
      many: '{count} znaków za dużo',
      other: '{count} znaku za dużo',
    },
    onlyIfChose: 'Odpowiedz tylko wtedy, gdy w pytaniu {question} wybrano {choices}.',
    onlyIfTicked: 'Odpowiedz tylko wtedy, gdy w pytaniu {question} zaznaczono {choices}.',
    or: ' lub ',
    quoted: '„{text}”',
    honeypot: 'Pozostaw to pole puste',
    beforeYouStart: 'Zanim zaczniesz: co będzie dalej i jak korzystamy z Twoich danych',
    continueLabel: 'Dalej',
    openingBusy: 'Otwieramy pytania…',
    checkingBusy: 'Sprawdzamy odpowiedzi…',
    sendingBusy: 'Wysyłamy {noun}…',
    changeWhoFor: 'Zmień, kogo dotyczy prośba',
    checkTitle: 'Sprawdź odpowiedzi przed wysłaniem',
    checkPageTitle: 'Sprawdź odpowiedzi – {title}',
    change: 'Zmień',
    notGiven: 'Nie podano',
    yes: 'Tak',
    no: 'Nie',
    nextHeading: 'Co będzie dalej',
    privacyHeading: 'Jak korzystamy z Twoich danych',
    privacy:
      'To, co nam przekażesz, wykorzystamy tylko po to, aby {purpose}. Dane są przesyłane bezpiecznie, przechowywane w postaci zaszyfrowanej, widzą je tylko pracownicy, którzy ich potrzebują, i są usuwane, gdy nie są już potrzebne. Więcej, także o Twoich prawach, przeczytasz w {link}.',
    privacyLink: 'informacji o ochronie prywatności (po angielsku)',
    referenceLabel: 'Twój numer referencyjny',
    keepRecord:
      'Zachowaj swój numer referencyjny. Zapisz go, zrób zrzut ekranu lub wydrukuj tę stronę. Podaj go, jeśli skontaktujesz się z nami w sprawie tej prośby.',
    contactHeading: 'Jeśli chcesz się z nami skontaktować',
    phoneLabel: 'Telefon',
    emailLabel: 'E-mail',
    danger: 'Jeśli grozi Ci teraz niebezpieczeństwo, zadzwoń pod numer 999.',
    homeLink: 'Wróć do strony po polsku',
    homePath: '/languages/pl/',
    shellPath: '/languages/pl/form-shell/',
    sentHeading: 'Twoja prośba została wysłana',
    sentReference: 'Twój numer referencyjny to {reference}. {link}.',
    seeNext: 'Zobacz, co będzie dalej',
    startNew: 'Wyślij nową prośbę',
    problemPageTitle: 'Przepraszamy, wystąpił problem',
    problemMessage:
      'Nie udało się wysłać prośby. Nic nie zostało zapisane. Spróbuj ponownie za kilka minut albo zadzwoń do nas pod numer {phone}.',
    notOurSite: 'Ten formularz można wysłać tylko z naszej strony internetowej.',
    goToForm: '{link}.',
    toFormLink: 'Przejdź do formularza',
    unreadable: 'Nie udało się odczytać formularza. Nic nie zostało wysłane.',
    unreadableHelp:
      'Wróć, skróć najdłuższe odpowiedzi i wyślij formularz ponownie. Możesz też zadzwonić do nas pod numer {phone}.',
    overLimitTitle: 'Nie wysłano: poczekaj minutę',
    overLimit:
      'W ostatniej minucie dostaliśmy wiele formularzy z Twojego połączenia, dlatego ten nie został wysłany i nic nie zostało zapisane. Poczekaj minutę i wyślij go ponownie albo zadzwoń do nas pod numer {phone}.',
    previewTitle: 'Nie wysłano: to jest wersja próbna',
    previewPageTitle: 'Nie wysłano – {title}',
    preview:
      'To jest próbna kopia strony, służąca do sprawdzania zmian. Jej formularze niczego nie wysyłają: nic, co tu wpiszesz, nie zostanie zapisane ani nikomu przekazane. Aby się z nami skontaktować, zadzwoń pod numer {phone}.',
    stillSending:
      'Twoje odpowiedzi są jeszcze wysyłane. Poczekaj chwilę i ponownie naciśnij „Wyślij prośbę”: zostaną wysłane tylko raz.',
    checkAgain: 'Sprawdź odpowiedzi, a potem wyślij je ponownie.',
    checkFailed: 'Nie udało się sprawdzić odpowiedzi. Spróbuj ponownie albo zadzwoń do nas.',
    checkUnreachable:
      'Nie udało się połączyć z naszą stroną. Sprawdź połączenie z internetem i spróbuj ponownie albo zadzwoń do nas.',
    sendFailed: 'Nie udało się wysłać odpowiedzi. Spróbuj ponownie albo zadzwoń do nas.',
    sendUnreachable:
      'Nie udało się połączyć z naszą stroną, więc nic nie zostało wysłane. Sprawdź połączenie z internetem i spróbuj ponownie albo zadzwoń do nas.',
    selectFromList: 'Wybierz z listy w pytaniu {question}',
    checkAnswer: 'Sprawdź odpowiedź w pytaniu {question}',
    referenceNotShownTitle: 'Na tej stronie nie możemy pokazać numeru referencyjnego',
    referenceNotShownPageTitle: 'Brak numeru referencyjnego',
    referenceNotShown:
      'Ta strona pokazuje numer referencyjny zaraz po wysłaniu formularza z naszej strony. Ten adres nie pochodzi z wysłania formularza albo brakuje jego części, więc ta strona nie może powiedzieć, czy cokolwiek zostało wysłane.',
    referenceNotShownHelp:
      'Jeśli formularz został wysłany i chcesz sprawdzić, czy do nas dotarł, zadzwoń pod numer {phone}. Możesz też {link}.',
    referenceNotShownLink: 'przejść do formularza',
    mailThanks: 'Dziękujemy. Otrzymaliśmy Twoją prośbę.',
    mailReference: 'Twój numer referencyjny to {reference}.',
    mailContact:
      'Jeśli chcesz się z nami skontaktować, zadzwoń pod numer {phone} lub napisz na adres {email} i podaj numer referencyjny.',
    mailSubject: 'Twoja prośba: numer referencyjny {reference}',
  },
  title: 'Poproś, abyśmy do Ciebie zadzwonili',
  lede: 'Napisz nam, jak i kiedy możemy bezpiecznie się z Tobą skontaktować, a odezwiemy się do Ciebie.',
  sendLabel: 'Wyślij prośbę',
  noun: 'prośbę',
  sentTitle: 'Prośba wysłana',
  timeToComplete: 'To zajmie około 2 minut. Przed wysłaniem możesz sprawdzić odpowiedzi.',
  privacyPurpose: 'skontaktować się z Tobą w sprawie Twojej prośby',
  nextSteps: [
    'Pracownik przeczyta Twoją prośbę i skontaktuje się z Tobą w jednej z wybranych przez Ciebie pór.',
    'Zostawimy wiadomość tylko wtedy, gdy napiszesz, że jest to bezpieczne.',
    'Gdy się z Tobą skontaktujemy, nie musisz niczego postanawiać. Możesz po prostu zadać pytania.',
  ],
  sections: { you: 'O Tobie', reach: 'Jak bezpiecznie się z Tobą skontaktować', more: 'Coś jeszcze' },
  name: {
    label: 'Twoje imię',
    hint: 'Wystarczy samo imię, w dowolnym języku i alfabecie.',
    required: 'Wpisz swoje imię',
    tooLong: 'Imię może mieć najwyżej 100 znaków',
  },
  language: {
    label: 'W jakim języku mamy z Tobą rozmawiać?',
    hint: 'Wybierz język, w którym chcesz rozmawiać.',
    another: 'W innym języku',
    required: 'Wybierz język, w którym mamy z Tobą rozmawiać',
  },
  otherLanguage: {
    label: 'W jakim?',
    required: 'Wpisz, w jakim języku mamy rozmawiać',
    tooLong: 'Nazwa języka może mieć najwyżej 60 znaków',
  },
  contactBy: {
    label: 'Jak mamy się z Tobą skontaktować?',
    hint: 'Wybierz sposób, który jest dla Ciebie bezpieczny.',
    phone: 'Telefonicznie',
    email: 'E-mailem',
    required: 'Wybierz, jak mamy się z Tobą skontaktować',
  },
  phone: {
    label: 'Bezpieczny numer telefonu',
    hint: 'Numer, pod którym nie odbierze nikt inny.',
    required: 'Wpisz numer telefonu',
    tooLong: 'Numer telefonu może mieć najwyżej 30 znaków',
    format: 'Wpisz numer telefonu, na przykład 01632 960 001 lub 07700 900 982',
  },
  email: {
    label: 'Bezpieczny adres e-mail',
    hint: 'Adres, którego nie czyta nikt inny.',
    required: 'Wpisz adres e-mail',
    tooLong: 'Adres e-mail może mieć najwyżej 254 znaki',
    format: 'Wpisz adres e-mail w poprawnej postaci, na przykład name@example.com',
  },
  times: {
    label: 'Kiedy możemy bezpiecznie się z Tobą skontaktować?',
    hint: 'Zaznacz wszystkie pory, które Ci odpowiadają.',
    morning: 'Rano',
    afternoon: 'Po południu',
    evening: 'Wieczorem',
    required: 'Zaznacz co najmniej jedną porę, w której możemy bezpiecznie się z Tobą skontaktować',
  },
  message: {
    label: 'Czy możemy zostawić Ci wiadomość?',
    hint: 'Na przykład na poczcie głosowej lub SMS-em. Wybierz „Nie”, jeśli ktoś inny mógłby ją usłyszeć lub przeczytać.',
    yes: 'Tak, możecie zostawić wiadomość',
    no: 'Nie, nie zostawiajcie wiadomości',
    required: 'Wybierz, czy możemy zostawić Ci wiadomość',
  },
  anything: {
    label: 'Czy jest coś jeszcze, co powinniśmy wiedzieć, zanim się z Tobą skontaktujemy?',
    hint: 'Nie musisz pisać, co się stało.',
    tooLong: 'Odpowiedź może mieć najwyżej 500 znaków',
  },
};

export default callBackForm(words, 'Polski');
