import type { LanguagePack } from "./types";

/** Portuguese (customers in Portugal). Written for this simulator; not taken from any data set. */
export const pt: LanguagePack = {
  lang: "pt",
  firstNames: ["Inês", "João", "Beatriz", "Tiago", "Mariana", "Rui", "Sofia", "Miguel"],
  lastNames: ["Silva", "Santos", "Ferreira", "Pereira", "Costa", "Oliveira", "Rodrigues", "Almeida"],
  cities: ["Lisboa", "Porto", "Braga", "Coimbra", "Faro", "Aveiro"],
  greetings: ["Olá!", "Boa tarde.", "Bom dia!"],
  weekdays: ["segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"],
  phone: { prefix: "3519", digits: 8 },
  postcode: (r) => `${1000 + r.int(8999)}-${String(r.int(1000)).padStart(3, "0")}`,
  money: (amount) => `${amount.toFixed(2).replace(".", ",")} €`,
  posts: {
    question: {
      billing: [
        "Porque é que a minha fatura deste mês é {amount}? Costumo pagar bem menos {sad}",
        "Alguém me explica a cobrança extra na última fatura?",
      ],
      plans: ["O tarifário {plan} inclui roaming na UE?", "Há algo mais barato que {plan} só para chamadas?"],
      roaming: [
        "Vou para {abroad} na {weekday}, o meu {plan} funciona lá?",
        "Acabei de chegar a {abroad} e não tenho dados. Tenho de ativar alguma coisa?",
      ],
      account: [
        "Como mudo o email da minha conta? O formulário dá erro",
        "Não consigo entrar na área de cliente depois de mudar a password {sad}",
      ],
      delivery: [
        "Encomendei um {device} na {weekday}, encomenda {order}, ainda em preparação. Quando chega?",
        "Onde está o meu cartão SIM novo? Pedi há uma semana",
      ],
    },
    complaint: {
      broadband: [
        "Pago {speed} e recebo {slow}. Uma vergonha {angry}",
        "A fibra cai todas as noites há {days} dias",
      ],
      calls: [
        "As chamadas caem a toda a hora em {city} {angry}",
        "Não consigo falar dois minutos sem a chamada cair. Pago para quê?",
      ],
      double_charge: [
        "Cobraram-me duas vezes este mês! {amount} em duplicado {angry}",
        "Outra vez cobrança dupla. Quero o meu dinheiro de volta",
      ],
      store: ["Péssimo atendimento na loja {brand} de {city}. 45 minutos à espera para nada"],
    },
    outage: {
      no_signal: [
        "Sem rede em {city} desde manhã. Há alguma avaria? {angry}",
        "Zero barras no centro de {city}. O que se passa {brand}?",
      ],
      internet_down: [
        "{days} dias sem internet. Estou em teletrabalho. Isto é uma vergonha {angry}",
        "Sem fibra desde {weekday} e o técnico não apareceu. Preciso disto HOJE",
      ],
      switching: [
        "Chega. {days} dias sem serviço. Mudo para a {competitor} se não resolverem hoje",
        "Se a internet não voltar hoje à noite cancelo e vou para a {competitor}",
      ],
    },
    praise: {
      network: ["Adoro o novo 5G em {city}, é rapidíssimo {happy}"],
      agent: ["Obrigada à senhora da loja de {city}, resolveu tudo em 10 minutos {happy}"],
      fiveg: ["Teste de velocidade no 5G da {brand}: {speed} {happy}"],
    },
    mention: {
      general: ["Fila enorme na loja {brand} de {city} hoje", "Alguém com {brand}? Vale a pena o {plan}?"],
    },
    competitor: {
      compare: [
        "A {competitor} tem tarifários a metade do preço. Porquê ficar na {brand}?",
        "{competitor} ou {brand} para fibra em {city}?",
      ],
    },
    spam: {
      promo: ["🔥 50% de desconto em capas só hoje {link}", "Telemóveis recondicionados baratos ➡️ {link}"],
      crypto: ["Transformei 200 € em 9.000 € numa semana com este bot cripto 🚀 {link}"],
      follow: ["sigam-me que eu sigo de volta 🔁 #f4f"],
      link: ["vejam isto {link}"],
      giveaway: ["🎁 PASSATEMPO {brand}! Ganhe um {device} grátis em {link}"],
    },
    crisis: {
      outage: [
        "{city} inteira sem rede?? {hashtag}",
        "A {brand} está em baixo em {city}? Sem dados nem chamadas {angry} {hashtag}",
        "Avaria da {brand} em {city} OUTRA VEZ. Já são {hours} horas {hashtag}",
      ],
      billing: ["A {brand} também vos cobrou duas vezes? A mim também {angry} {hashtag}"],
      app: ["A app da {brand} não deixa ninguém entrar hoje {hashtag}"],
    },
  },
  followUps: {
    details: [
      "O meu número de cliente é {account} e o código postal {postcode}",
      "Encomenda {order}, código postal {postcode}, email {email}",
    ],
    answer: ["É em {city}, desde as {time} mais ou menos", "Já reiniciei o router. Continua igual"],
    refuse_dm: ["Porque não respondem aqui? Que toda a gente veja"],
    thanks: ["Obrigado, já está tudo a funcionar! {happy}", "Resolvido, muito obrigada {happy}"],
    close_loop: ["Tenho de dizer: a {brand} resolveu o meu problema por mensagem {happy}"],
    unhappy: ["Continua sem funcionar {angry}", "Não, não está resolvido"],
    nudge: ["Alguma novidade?", "Continuo à espera..."],
    chase: ["Continuo sem resposta da {brand}... {angry}", "Olá? Está aí alguém?"],
    smalltalk: ["Obrigado! {happy}", "{happy}"],
    troll: ["kkkk que empresa", "resposta de robô 👎"],
  },
};
