import type { LanguagePack } from "./types";

/** Spanish (customers in Spain). Written for this simulator; not taken from any data set. */
export const es: LanguagePack = {
  lang: "es",
  firstNames: ["Lucía", "Javier", "Carmen", "Diego", "Marta", "Pablo", "Elena", "Sergio"],
  lastNames: ["García", "Martínez", "López", "Sánchez", "Romero", "Navarro", "Torres", "Ruiz"],
  cities: ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga", "Zaragoza"],
  greetings: ["¡Hola!", "Buenas.", "Hola, buenas tardes."],
  weekdays: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
  phone: { prefix: "346", digits: 8 },
  postcode: (r) => `${String(1 + r.int(52)).padStart(2, "0")}${String(r.int(1000)).padStart(3, "0")}`,
  money: (amount) => `${amount.toFixed(2).replace(".", ",")} €`,
  posts: {
    question: {
      billing: [
        "¿Por qué mi factura de este mes es de {amount}? Siempre pago menos {sad}",
        "¿Alguien me explica el cargo extra de la última factura?",
      ],
      plans: [
        "¿La tarifa {plan} incluye roaming en la UE?",
        "¿Hay algo más barato que {plan} solo para llamadas?",
      ],
      roaming: [
        "Me voy a {abroad} el {weekday}, ¿funciona mi {plan} allí?",
        "Acabo de llegar a {abroad} y no tengo datos, ¿tengo que activar algo?",
      ],
      account: [
        "¿Cómo cambio el email de mi cuenta? El formulario da error",
        "No puedo entrar en mi área de cliente después de cambiar la contraseña {sad}",
      ],
      delivery: [
        "Pedí un {device} el {weekday}, pedido {order}, y sigue en preparación. ¿Cuándo llega?",
        "¿Dónde está mi SIM nueva? La pedí hace una semana",
      ],
    },
    complaint: {
      broadband: [
        "Pago {speed} y me llegan {slow}. Vergonzoso {angry}",
        "La fibra se cae todas las noches desde hace {days} días",
      ],
      calls: [
        "Se cortan las llamadas todo el rato en {city} {angry}",
        "No puedo hablar ni dos minutos sin que se corte. ¿Para qué pago?",
      ],
      double_charge: [
        "¡Me habéis cobrado dos veces este mes! {amount} por duplicado {angry}",
        "Otra vez cobro doble. Quiero mi dinero ya",
      ],
      store: [
        "Fatal la atención en la tienda de {brand} en {city}. 45 minutos esperando para nada",
        "En la tienda de {city} me dicen que llame al teléfono de atención. ¿Entonces para qué está la tienda?",
      ],
    },
    outage: {
      no_signal: [
        "Sin cobertura en todo {city} desde esta mañana. ¿Hay una avería? {angry}",
        "Cero rayas en el centro de {city}. ¿Qué pasa {brand}?",
      ],
      internet_down: [
        "{days} días sin internet. Teletrabajo. Esto es una vergüenza {angry}",
        "Sin fibra desde el {weekday} y el técnico no ha venido. Lo necesito HOY",
      ],
      switching: [
        "Se acabó. {days} días sin servicio. Me voy a {competitor} si no lo arregláis hoy",
        "Si esta noche no vuelve internet me doy de baja y me paso a {competitor}",
      ],
    },
    praise: {
      network: ["Me encanta el 5G nuevo en {city}, vuela {happy}"],
      agent: ["Mil gracias a la chica de la tienda de {city}, me lo solucionó en 10 minutos {happy}"],
      fiveg: ["Test de velocidad con el 5G de {brand}: {speed} {happy}"],
    },
    mention: {
      general: [
        "Cola enorme en la tienda de {brand} de {city} hoy",
        "¿Alguien más con {brand}? Miro su oferta {plan}",
      ],
    },
    competitor: {
      compare: [
        "{competitor} tiene ofertas a mitad de precio. ¿Para qué seguir con {brand}?",
        "¿{competitor} o {brand} para fibra en {city}?",
      ],
    },
    spam: {
      promo: [
        "🔥 50% DTO en fundas de móvil solo hoy {link}",
        "Móviles reacondicionados al mejor precio ➡️ {link}",
      ],
      crypto: ["Convertí 200 € en 9.000 € en una semana con este bot cripto 🚀 {link}"],
      follow: ["sígueme y te sigo 🔁 #sdf #followback"],
      link: ["mira esto {link}"],
      giveaway: ["🎁 ¡SORTEO {brand}! Gana un {device} gratis en {link}"],
    },
    crisis: {
      outage: [
        "¿Todo {city} sin cobertura? {hashtag}",
        "¿Se ha caído {brand} en {city}? Ni datos ni llamadas {angry} {hashtag}",
        "Avería de {brand} en {city} OTRA VEZ. {hours} horas ya {hashtag}",
      ],
      billing: ["¿{brand} os ha cobrado dos veces a todos? A mí también {angry} {hashtag}"],
      app: ["La app de {brand} no deja entrar a nadie hoy {hashtag}"],
    },
  },
  followUps: {
    details: [
      "Mi número de cliente es {account} y el código postal {postcode}",
      "Pedido {order}, código postal {postcode}, email {email}",
    ],
    answer: ["Es en {city}, desde las {time} más o menos", "Ya he reiniciado el router. Sigue igual"],
    refuse_dm: ["¿Por qué no contestáis aquí? Que lo vea todo el mundo"],
    thanks: ["¡Gracias, ya funciona todo! {happy}", "Solucionado, muchas gracias {happy}"],
    close_loop: ["Hay que decirlo: {brand} me lo solucionó por privado {happy}"],
    unhappy: ["Sigue sin funcionar {angry}", "No, no está arreglado"],
    nudge: ["¿Alguna novedad?", "Sigo esperando..."],
    chase: ["Sigo sin respuesta de {brand}... {angry}", "¿Hola? ¿Hay alguien?"],
    smalltalk: ["¡Gracias! {happy}", "{happy}"],
    troll: ["jajaja vaya empresa", "respuesta de robot 👎"],
  },
};
