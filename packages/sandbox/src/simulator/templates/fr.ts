import type { LanguagePack } from "./types";

/** French (customers in France). Written for this simulator; not taken from any data set. */
export const fr: LanguagePack = {
  lang: "fr",
  firstNames: ["Camille", "Julien", "Manon", "Hugo", "Léa", "Nicolas", "Inès", "Mathieu"],
  lastNames: ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine", "Roux"],
  cities: ["Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Nantes", "Bordeaux"],
  greetings: ["Bonjour !", "Bonsoir.", "Salut !"],
  weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
  phone: { prefix: "336", digits: 8 },
  postcode: (r) => `${String(1 + r.int(95)).padStart(2, "0")}${String(r.int(1000)).padStart(3, "0")}`,
  money: (amount) => `${amount.toFixed(2).replace(".", ",")} €`,
  posts: {
    question: {
      billing: [
        "Pourquoi ma facture fait {amount} ce mois-ci ? D'habitude c'est bien moins {sad}",
        "Quelqu'un peut m'expliquer le frais en plus sur ma dernière facture ?",
      ],
      plans: [
        "Le forfait {plan} inclut le roaming en Europe ?",
        "Il y a moins cher que {plan} pour juste appeler ?",
      ],
      roaming: [
        "Je pars à {abroad} {weekday}, mon {plan} marchera là-bas ?",
        "Arrivé à {abroad} et pas de data, il faut activer quelque chose ?",
      ],
      account: [
        "Comment changer l'e-mail de mon compte ? Le formulaire plante",
        "Bloqué sur mon espace client depuis le changement de mot de passe {sad}",
      ],
      delivery: [
        "Commandé un {device} {weekday}, commande {order}, toujours en préparation. Livraison quand ?",
        "Où est ma nouvelle carte SIM ? Commandée il y a une semaine",
      ],
    },
    complaint: {
      broadband: [
        "Je paie {speed} et je reçois {slow}. Inadmissible {angry}",
        "La box coupe tous les soirs depuis {days} jours",
      ],
      calls: [
        "Les appels coupent sans arrêt à {city} {angry}",
        "Impossible de téléphoner deux minutes sans coupure. Je paie pour quoi ?",
      ],
      double_charge: [
        "Vous m'avez prélevé deux fois ce mois-ci ! {amount} en double {angry}",
        "Encore un double prélèvement. Remboursez-moi",
      ],
      store: ["Accueil lamentable dans la boutique {brand} de {city}. 45 min d'attente pour rien"],
    },
    outage: {
      no_signal: [
        "Plus aucun réseau à {city} depuis ce matin. Panne ? {angry}",
        "Zéro barre dans le centre de {city}. Il se passe quoi {brand} ?",
      ],
      internet_down: [
        "Internet coupé depuis {days} jours. Je télétravaille. C'est une blague {angry}",
        "Plus de fibre depuis {weekday}, technicien jamais venu. Il me le faut AUJOURD'HUI",
      ],
      switching: [
        "{days} jours sans service. Je pars chez {competitor} si rien n'est réglé aujourd'hui",
        "Si internet ne revient pas ce soir je résilie et je passe chez {competitor}",
      ],
    },
    praise: {
      network: ["La nouvelle 5G à {city} est top, ça va super vite {happy}"],
      agent: ["Merci au conseiller de la boutique de {city}, réglé en 10 minutes {happy}"],
      fiveg: ["Test de débit en 5G {brand} : {speed} {happy}"],
    },
    mention: {
      general: [
        "Queue énorme à la boutique {brand} de {city} aujourd'hui",
        "Quelqu'un chez {brand} ? Leur offre {plan} vaut le coup ?",
      ],
    },
    competitor: {
      compare: [
        "{competitor} fait des offres deux fois moins chères. Pourquoi rester chez {brand} ?",
        "{competitor} ou {brand} pour la fibre à {city} ?",
      ],
    },
    spam: {
      promo: [
        "🔥 -50% sur les coques aujourd'hui seulement {link}",
        "Smartphones reconditionnés pas chers ➡️ {link}",
      ],
      crypto: ["J'ai transformé 200 € en 9 000 € en une semaine avec ce bot crypto 🚀 {link}"],
      follow: ["follow = follow back 🔁 #f4f"],
      link: ["regardez ça {link}"],
      giveaway: ["🎁 CONCOURS {brand} ! Gagnez un {device} gratuit sur {link}"],
    },
    crisis: {
      outage: [
        "Tout {city} sans réseau ?? {hashtag}",
        "{brand} en panne à {city} ? Ni data ni appels {angry} {hashtag}",
        "Panne {brand} à {city} ENCORE. {hours} heures déjà {hashtag}",
      ],
      billing: ["{brand} vous a aussi prélevé deux fois ? Moi aussi {angry} {hashtag}"],
      app: ["L'appli {brand} ne laisse personne se connecter aujourd'hui {hashtag}"],
    },
  },
  followUps: {
    details: [
      "Mon numéro client est {account} et mon code postal {postcode}",
      "Commande {order}, code postal {postcode}, e-mail {email}",
    ],
    answer: ["C'est à {city}, depuis {time} environ", "J'ai déjà redémarré la box. Toujours pareil"],
    refuse_dm: ["Pourquoi ne pas répondre ici ? Que tout le monde voie"],
    thanks: ["Merci, tout remarche ! {happy}", "C'est réglé, merci beaucoup {happy}"],
    close_loop: ["Il faut le dire : {brand} a réglé mon problème en privé {happy}"],
    unhappy: ["Ça ne marche toujours pas {angry}", "Non, rien n'est réglé"],
    nudge: ["Des nouvelles ?", "J'attends toujours..."],
    chase: ["Toujours pas de réponse de la part de {brand}... {angry}", "Allô ? Il y a quelqu'un ?"],
    smalltalk: ["Merci ! {happy}", "{happy}"],
    troll: ["mdr quelle boîte", "réponse de robot 👎"],
  },
};
