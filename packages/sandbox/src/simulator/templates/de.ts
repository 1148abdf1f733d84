import type { LanguagePack } from "./types";

/** German (customers in Germany). Written for this simulator; not taken from any data set. */
export const de: LanguagePack = {
  lang: "de",
  firstNames: ["Lena", "Jonas", "Anna", "Felix", "Sarah", "Lukas", "Marie", "Tobias"],
  lastNames: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Krüger"],
  cities: ["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Leipzig"],
  greetings: ["Hallo!", "Guten Tag.", "Moin!"],
  weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
  phone: { prefix: "4915", digits: 9 },
  postcode: (r) => String(10000 + r.int(89999)),
  money: (amount) => `${amount.toFixed(2).replace(".", ",")} €`,
  posts: {
    question: {
      billing: [
        "Warum ist meine Rechnung diesen Monat {amount}? Sonst zahle ich viel weniger {sad}",
        "Kann mir jemand die Zusatzgebühr auf der letzten Rechnung erklären?",
      ],
      plans: ["Ist bei {plan} EU-Roaming dabei?", "Gibt es was Günstigeres als {plan} nur zum Telefonieren?"],
      roaming: [
        "Fliege am {weekday} nach {abroad}, funktioniert mein {plan} dort?",
        "Gerade in {abroad} gelandet und keine Daten. Muss ich was aktivieren?",
      ],
      account: [
        "Wie ändere ich die E-Mail in meinem Kundenkonto? Das Formular geht nicht",
        "Nach dem Passwort-Reset komme ich nicht mehr ins Kundenkonto {sad}",
      ],
      delivery: [
        "Am {weekday} ein {device} bestellt, Bestellung {order}, immer noch in Bearbeitung. Wann kommt es?",
        "Wo bleibt meine neue SIM? Vor einer Woche bestellt",
      ],
    },
    complaint: {
      broadband: [
        "Ich zahle für {speed} und bekomme {slow}. Frechheit {angry}",
        "Das Internet bricht seit {days} Tagen jeden Abend ab",
      ],
      calls: [
        "Gespräche brechen in {city} ständig ab {angry}",
        "Kein Telefonat ohne Abbruch. Wofür zahle ich eigentlich?",
      ],
      double_charge: [
        "Ihr habt diesen Monat doppelt abgebucht! {amount} zweimal {angry}",
        "Schon wieder doppelt abgebucht. Ich will mein Geld zurück",
      ],
      store: ["Schlimmster Besuch im {brand} Shop in {city}. 45 Minuten gewartet, keine Hilfe"],
    },
    outage: {
      no_signal: [
        "Seit heute Morgen kein Netz in ganz {city}. Gibt es eine Störung? {angry}",
        "Null Balken in der Innenstadt von {city}. Was ist los {brand}?",
      ],
      internet_down: [
        "Seit {days} Tagen kein Internet. Ich arbeite im Homeoffice. Unfassbar {angry}",
        "Internet tot seit {weekday}, Techniker zweimal nicht gekommen. Ich brauche das HEUTE",
      ],
      switching: [
        "Reicht. {days} Tage ohne Service. Ich wechsle zu {competitor}, wenn das heute nicht läuft",
        "Wenn das Internet heute Abend nicht geht, kündige ich und gehe zu {competitor}",
      ],
    },
    praise: {
      network: ["Das neue 5G in {city} ist der Hammer {happy}"],
      agent: ["Danke an die Mitarbeiterin im Shop in {city}, in 10 Minuten gelöst {happy}"],
      fiveg: ["Speedtest im {brand} 5G: {speed} {happy}"],
    },
    mention: {
      general: [
        "Riesige Schlange im {brand} Shop in {city} heute",
        "Jemand bei {brand}? Lohnt sich der {plan} Tarif?",
      ],
    },
    competitor: {
      compare: [
        "{competitor} bietet Tarife zum halben Preis. Warum noch bei {brand} bleiben?",
        "{competitor} oder {brand} für Glasfaser in {city}?",
      ],
    },
    spam: {
      promo: [
        "🔥 50% auf alle Handyhüllen, nur heute {link}",
        "Generalüberholte Smartphones günstig ➡️ {link}",
      ],
      crypto: ["Aus 200 € wurden 9.000 € in einer Woche mit diesem Krypto-Bot 🚀 {link}"],
      follow: ["folgt mir, ich folge zurück 🔁 #f4f"],
      link: ["schaut mal {link}"],
      giveaway: ["🎁 {brand} GEWINNSPIEL! Gratis {device} unter {link}"],
    },
    crisis: {
      outage: [
        "Ganz {city} ohne Netz?? {hashtag}",
        "Ist {brand} in {city} down? Keine Daten, keine Anrufe {angry} {hashtag}",
        "{brand} Störung in {city} SCHON WIEDER. Seit {hours} Stunden {hashtag}",
      ],
      billing: ["Hat {brand} bei euch auch doppelt abgebucht? Bei mir auch {angry} {hashtag}"],
      app: ["Die {brand} App lässt heute niemanden rein {hashtag}"],
    },
  },
  followUps: {
    details: [
      "Meine Kundennummer ist {account}, PLZ {postcode}",
      "Bestellung {order}, PLZ {postcode}, E-Mail {email}",
    ],
    answer: ["In {city}, seit ungefähr {time}", "Router schon neu gestartet. Immer noch dasselbe"],
    refuse_dm: ["Warum antwortet ihr nicht einfach hier? Das soll ruhig jeder sehen"],
    thanks: ["Danke, alles läuft wieder! {happy}", "Erledigt, vielen Dank {happy}"],
    close_loop: ["Muss man sagen: {brand} hat mein Problem per DM gelöst {happy}"],
    unhappy: ["Geht immer noch nicht {angry}", "Nein, nichts ist behoben"],
    nudge: ["Gibt es was Neues?", "Warte immer noch..."],
    chase: ["Immer noch keine Antwort von {brand}... {angry}", "Hallo? Ist da jemand?"],
    smalltalk: ["Danke! {happy}", "{happy}"],
    troll: ["lol was für ein Laden", "Antwort vom Bot 👎"],
  },
};
