package dev.winback.spi;

import static dev.winback.model.ExitCategory.BUDGET_CUT;
import static dev.winback.model.ExitCategory.COMPETITOR_OFFER;
import static dev.winback.model.ExitCategory.DECEASED;
import static dev.winback.model.ExitCategory.DO_NOT_CONTACT;
import static dev.winback.model.ExitCategory.LEGAL_HOLD;
import static dev.winback.model.ExitCategory.MISSING_FEATURE;
import static dev.winback.model.ExitCategory.MOVED;
import static dev.winback.model.ExitCategory.NO_LONGER_NEEDED;
import static dev.winback.model.ExitCategory.PRICE;

/**
 * English phrases for each exit category, across telecoms, software, streaming, retail, banking, gyms and
 * charities; those of the categories where the fault is ours are in {@link EnglishFaultCues}. Normalised text:
 * lower case, no accents, plain apostrophes.
 */
final class EnglishCues {
  private static final String KIN =
      "(?:husband|wife|mother|father|mum|mom|mam|dad|son|daughter|partner|brother"
          + "|sister|grandmother|grandfather|grandma|grandpa|gran|granny|nan|aunt|uncle|spouse|fiance|fiancee|mother"
          + "|friend|relative|parent|parents|account holder|member|subscriber|customer|client|owner|he|she)";

  private EnglishCues() {}

  static Cues cues() {
    Cues cues = new Cues()
        .decisive(
            DECEASED,
            "passed away",
            "has passed on",
            "deceased",
            "(?:my|our|his|her|the) (?:late )?" + KIN
                + " (?:has |had |sadly |recently |unfortunately )*"
                + "(?:died|passed|is no longer with us)",
            "(?:he|she) (?:has |had |sadly |recently )*(?:died|passed)",
            "death (?:of|in) (?:my|our|the)",
            "(?:his|her|their|my) death",
            "funeral",
            "bereave\\w*",
            "probate",
            "(?:my|our|his|her) late (?:husband|wife|mother|father|mum|mom|dad|son|daughter|partner|brother|sister"
                + "|grandmother|grandfather|aunt|uncle|spouse|parents?)",
            "'s estate",
            "executor of",
            "(?:the )?estate of (?:my|the|our)",
            "in memory of")
        .decisive(
            LEGAL_HOLD,
            "lawyers?",
            "attorneys?",
            "solicitors?",
            "legal (?:action|proceedings|dispute|matter|case|claim|team|advice|steps)",
            "lawsuit",
            "su(?:e|ing) (?:you|them|your)",
            "(?:take|taking|see) (?:you|them) (?:to|in) court",
            "court (?:case|order|proceedings|date|hearing)",
            "litigation",
            "small claims",
            "cease and desist",
            "subpoena")
        .decisive(
            DO_NOT_CONTACT,
            "(?:never|don'?t|do not|stop|quit|please stop|cease) (?:ever )?(?:contact|contacting|call|calling|phone"
                + "|phoning|ring|ringing|e-?mail|e-?mailing|text|texting|message|messaging|write|writing"
                + "|writing to|bother|bothering|pester|pestering|send|sending)(?: to)? (?:me|us|my)",
            "remove (?:me|my (?:details|data|number|e-?mail|address|name|info\\w*))",
            "take me off",
            "delete (?:all )?(?:of )?(?:my|our) (?:data|details|information|info|personal|account)",
            "leave me alone",
            "gdpr",
            "no (?:further|more) contact",
            "(?:don'?t|do not|never) want to (?:ever )?hear from you",
            "never (?:want to )?hear from you again",
            "(?:do not|don'?t) (?:contact|call|email|e-mail|text|write)");
    EnglishFaultCues.addTo(cues);
    return cues.strong(
            MISSING_FEATURE,
            "lack(?:s|ed|ing)?",
            "(?:no|without|lacks?|missing|not even) (?:\\w+ )?(?:api|sso|2fa|two-factor|dark mode|apple pay|google pay"
                + "|offline mode|4k|hd|multi-user|export|android|ios|iphone|mac|linux|smart tv)",
            "(?:can'?t|cannot|couldn'?t|could not|unable to) (?:share|export|import|connect|sync|integrate|schedule"
                + "|add|use (?:it )?(?:with|on|offline|abroad)|deposit|pay (?:by|with))",
            "(?:no|not any) (?:\\w+ ){0,3}(?:available|on offer|offered)",
            "(?:doesn'?t|does not|didn'?t|did not|don'?t|do not|never|couldn'?t|could not|can'?t|cannot|won'?t) "
                + "(?:have(?! (?:the |enough |much |any )?time)|has|offer|support|provide|include|integrate|allow"
                + "|let (?:me|us)|carry|stock|sell|work"
                + " with|connect|sync|export|import|do)",
            "(?:no|not enough|too few|limited|poor|small|tiny|only a few) (?:option|options|features?|integrations?"
                + "|api|support for|choice|selection|content|shows|films|movies|titles|series|classes|branches"
                + "|atms|apps?|mobile app|offline|export|sizes|range|products|variety|vegan|vegetarian|gluten"
                + "|parking|pool|sauna|childcare|crèche|creche|evening|weekend|languages?|channels|sport|sports"
                + "|playlists|podcasts|reporting|reports|dashboard|multi|joint|business|international|foreign)",
            "integrat\\w*",
            "wish (?:it|you|they) (?:had|did|offered|supported|would)",
            "(?:needed|need|wanted|want|looking for|required|require) (?:a |an |the |some )?(?:feature|option|way"
                + " to|integration|functionality|tool|app|function|ability)",
            "(?:not|isn'?t|wasn'?t|aren'?t|weren'?t) (?:supported|available|possible|offered|compatible)",
            "only (?:available|works) (?:in|on|for|with)",
            "(?:api|sso|2fa|two-factor|dark mode|apple pay|google pay|offline mode|4k|multi-user)",
            "(?:no|never any|without) (?:way to|option to|possibility to|ability to)",
            "(?:catalogue|catalog|library|selection|range) (?:is |was )?(?:too )?(?:small|limited|thin|poor"
                + "|outdated)")
        .medium(MISSING_FEATURE, "missing")
        .topic(MISSING_FEATURE, "features?")
        .strong(
            COMPETITOR_OFFER,
            "competitor\\w*",
            "(?:switched|switching|switch|swapped|swapping|changed|changing|ported|porting|jumped|going over"
                + "|went over) (?:over )?(?:to|provider|providers|banks?|networks?|gyms?|suppliers?|carriers?)",
            "(?:another|a different|a new|a cheaper|a better|other|rival|other|alternative|competing|competitive)"
                + " (?:\\w+ )?(?:provider|supplier|vendor|company|bank|gym|carrier|network|operator|service|app|tool|platform"
                + "|agency|firm|brand|store|shop|retailer|charity|subscription|streaming (?:service|platform)|club"
                + "|studio|offer|deal|solution|product|option|cause|organi[sz]ation)",
            "(?:offered|offers|offering|gave|gives) (?:me |us )?(?:faster|more|better|cheaper|lower|free|double|twice"
                + "|a better|a cheaper|a free|unlimited)",
            "(?:better|cheaper|lower) (?:offer|deal|rate|interest rate|price|prices|terms|conditions|package|plan"
                + "|tariff|contract|value) (?:elsewhere|from|with|at|somewhere)",
            "(?:better|cheaper|lower|great|good|fantastic|unbeatable) (?:offer|deal|rate) (?:from|elsewhere|with)",
            "cheaper (?:elsewhere|offer|deal|provider|option|alternative|competitor|somewhere|with|at|from)",
            "found (?:\\w+ )?(?:cheaper|better|else)",
            "(?:give|donate|donating|giving|support|supporting) (?:\\w+ )?(?:to )?(?:a |another |the )?(?:\\w+ )?"
                + "(?:charity|hospice|cause|organi[sz]ation|shelter|foundation) (?:now|instead)",
            "(?:offered|gave|give|gives|giving|offering) (?:me|us) (?:a |an )?(?:better|more|cheaper|lower|free"
                + "|bigger|much better|great)",
            "(?:elsewhere|somewhere else|someone else|somebody else)",
            "poached",
            "ported (?:my |our )?(?:number |numbers )?(?:over )?to",
            "consolidat\\w* (?:onto|on|to|with|into)",
            "(?:parent company|head office|group|holding) (?:already |now )?(?:uses|use|prefers|chose|picked)",
            "went with",
            "(?:signed|sign) (?:up )?with",
            "alternatives?",
            "(?:their|the other|a rival'?s?) (?:offer|deal|price|package)",
            "(?:welcome|sign-?up|joining|switching|loyalty|introductory) (?:bonus|offer|deal)",
            "(?:beat|beats|match|matched|undercut) (?:the |your |their |my )?(?:price|offer|deal)",
            "(?:netflix|disney\\+?|spotify|amazon|hulu|youtube|revolut|monzo|n26|chime|planet fitness|puregym"
                + "|pure gym|the gym group|vodafone|o2|verizon|t-mobile|at&t|microsoft|salesforce|hubspot|shopify"
                + "|dropbox|mailchimp|lidl|aldi|shein|temu)\\b")
        .topic(COMPETITOR_OFFER, "better deal", "better offer")
        .hint(COMPETITOR_OFFER, "instead")
        .strong(
            BUDGET_CUT,
            "budgets?",
            "cut ?backs?",
            "cost[- ]cutting",
            "(?:cut|cutting|cuts|reduce|reducing|reduced|trim|trimming|slashed) (?:down )?(?:on )?(?:costs|spending"
                + "|back|expenses|outgoings|subscriptions|our spend|my spend)",
            "spending (?:freeze|cuts?|review)",
            "(?:lost|losing|lose) (?:my|our|his|her) (?:job|jobs|income|funding|grant|contract|biggest client"
                + "|main client|work|pension)",
            "(?:unemployed|redundan\\w*|laid off|furlough\\w*|out of work|between jobs|jobless)",
            "(?:can'?t|cannot|could not|couldn'?t|no longer|not able to|unable to) (?:really )?af?ford",
            "no (?:money|income|cash)",
            "(?:money|things|finances|cash)(?:'s| is| are| has been| have been| got)? (?:a bit |very |really )?"
                + "(?:tight|short|tough)",
            "tight (?:budget|finances|on money|month)",
            "(?:cost of living|inflation|rising costs|energy bills|bills (?:went|have gone|are going) up"
                + "|rent (?:went|has gone) up|mortgage (?:went|has gone) up|interest rates? (?:went|rose))",
            "(?:tighten|tightening) (?:our |my |the )?belts?",
            "(?:on a|fixed|reduced|limited|lower|smaller|single) (?:income|pension|budget|salary|wage)",
            "(?:pay|salary|wages?|hours) (?:was |were |got |have been )?(?:cut|reduced|slashed)",
            "financ(?:es|ial) (?:reasons|difficulties|hardship|situation|problems|trouble|pressure|circumstances)",
            "(?:financially|money) (?:struggling|difficult|hard)",
            "(?:struggling|struggle) (?:financially|with money|to pay)",
            "(?:funding|grants?) (?:was |were |got )?(?:cut|pulled|ended|dried up|stopped)",
            "(?:headcount|hiring) freeze",
            "(?:saving|save) (?:money|up)",
            "(?:got|went) (?:into )?debt|in debt",
            "(?:student|maternity|paternity|parental) (?:loan|leave)",
            "(?:downsiz|downsizing|restructur)\\w*")
        .topic(BUDGET_CUT, "af?ford\\w*", "financ\\w*")
        .hint(BUDGET_CUT, "money")
        .decisive(
            PRICE,
            "too? (?:expen[cs]ive|expensiv|pricey|pricy|costly|dear|much money)",
            "overpriced",
            "rip[- ]?off")
        .strong(
            PRICE,
            "(?:so|very|really|way|quite|far|rather|ridiculously|bit|little|insanely|crazy|stupidly) "
                + "(?:expensive|pricey|pricy|costly|overpriced)",
            "expen[cs]ive",
            "can'?t justify (?:the |this |that )?(?:cost|price|expense|fee|spend)",
            "went (?:up )?from (?:\\$|\\u00a3|\\u20ac)?[\\d.,]+ to",
            "costs? more than",
            "(?:prices?|fees?|costs?|rates?|bills?) (?:are|were|is|got|have got) (?:\\w+ )?(?:higher|more expensive"
                + "|too high)",
            "price (?:increase|increases|rise|rises|hike|hikes|jump|went up|goes up|keeps going up|change|changes"
                + "|is too high|was too high|doubled|tripled)",
            "(?:prices?|fees?|costs?|rates?|subscription|premium|membership|plan|tariff|bill|bills|charges|dues"
                + "|contribution|renewal) (?:just |have |has |keep |keeps |kept )?(?:went up|gone up|going up|increased"
                + "|rose|risen|doubled|tripled|jumped|is too high|are too high|too high|were too high|was too high"
                + "|rising|climbing|creeping up|skyrocketed|higher and higher)",
            "(?:raised|increased|hiked|doubled|tripled|upped|bumped up|put up) (?:the |your |their |my |our )?"
                + "(?:price|prices|fee|fees|rate|rates|subscription|cost|costs|membership|tariff|premium)",
            "(?:not|isn'?t|wasn'?t|no longer|never) worth (?:it|the money|the price|paying|the cost|the fee"
                + "|the subscription|\\d+|\\$|\\u00a3|\\u20ac)",
            "(?:poor|bad|no|terrible|awful|not good|not great|lousy) value",
            "(?:costs?|paying|pay|charge|charged|charging) (?:way |far )?too much",
            "(?:high|higher|steep|crazy|ridiculous|absurd|outrageous|insane|silly|excessive|extortionate|hefty"
                + "|huge|eye-watering) (?:prices?|fees?|costs?|rates?|charges?|premiums?|price tag|renewal)",
            "(?:monthly|annual|account|membership|maintenance|transaction|overdraft|joining|admin|service|card)"
                + " fees?",
            "pricing",
            "(?:double|twice|triple|three times) (?:what|the price|the cost|as much)",
            "for the (?:money|price),? (?:i|we) (?:expected|expect|would expect)",
            "(?:can find|found|get) (?:it )?cheaper",
            "(?:too much|a lot|so much) (?:for what|per month|a month|each month|every month)",
            "(?:paying|pay) (?:\\$|\\u00a3|\\u20ac)?\\d+",
            "(?:cheaper|less expensive|lower price) (?:plan|option|tier) (?:would|should)")
        .topic(
            PRICE,
            "prices?",
            "cheaper",
            "costs?",
            "fees?",
            "\\$\\d+|\\u00a3\\d+|\\u20ac\\d+|\\d+ ?(?:euros?|dollars?|pounds?|bucks|quid)",
            "\\d+ ?(?:/|a |per )(?:month|mo|year|seat|user)",
            "per (?:seat|user)")
        .strong(
            NO_LONGER_NEEDED,
            "no longer (?:need|needed|use|using|used|require|required|have (?:a |any )?(?:need|use)|watch|watching"
                + "|play|train|go|going|relevant|necessary|interested|drive|travel|cook|listen)",
            "(?:don'?t|do not|didn'?t|did not|won'?t|doesn'?t|does not) (?:really |actually )?(?:need|use|require"
                + "|watch|have time|have the time|go|listen|play|train|drive|travel)\\w*(?:(?: it| this| them| the"
                + " \\w+)? (?:any ?more|anymore|any longer|now|these days|enough|much|often))?",
            "(?:not|wasn'?t|isn'?t|weren'?t|aren'?t) (?:really )?(?:using|needed|necessary|watching|used|going)"
                + " (?:it|enough|much|any more|anymore)?",
            "(?:stopped|stop|quit|gave up) (?:using|needing|watching|going|training|playing|listening|working out"
                + "|running|exercising|cooking|driving|trading|investing|ordering|shopping)",
            "gave up",
            "no (?:use|need|longer a need) for",
            "(?:hardly|rarely|barely|never|seldom) (?:ever )?(?:use|used|using|watch|watched|go|went|going|listen"
                + "|opened|open|log(?:ged)? in|visit|visited|came|come)",
            "(?:finished|completed|ended|wrapped up|done with|over with) (?:the |my |our |that |this |a )?"
                + "(?:project|course|studies|degree|season|series|show|contract|renovation|training|exam\\w*"
                + "|wedding|move|build|job|campaign|research|thesis|programme|program|treatment)",
            "(?:project|course|season|campaign|contract|event|wedding|renovation|exam\\w*) (?:is |was |has |had )?"
                + "(?:over|finished|ended|done|completed|wrapped up)",
            "(?:closed|closing|sold|selling|shut down|shutting down|wound up|winding up|folded) (?:down )?(?:our|my"
                + "|the) (?:business|company|shop|store|office|practice|restaurant|salon|studio|startup|firm"
                + "|agency|account)",
            "retir\\w*",
            "(?:kids|children|son|daughter) (?:have |has )?(?:grown|left home|moved out|gone to|went to|finished)",
            "(?:gone|went|going|left) (?:off )?(?:to|for) (?:university|uni|college)",
            "(?:our|my|a) (?:new )?baby",
            "(?:got|get|have|given|provided with) (?:a |my )?(?:work|company|school) (?:laptop|phone|car|account|licen[cs]e"
                + "|computer)",
            "(?:watched|seen|read|played) (?:everything|it all|all (?:the|of the))",
            "only (?:needed|wanted|signed up|joined|subscribed|used it|got it) (?:it )?(?:for|to)",
            "(?:one[- ]off|temporary|short[- ]term|seasonal) (?:need|project|job|thing)",
            "(?:injur\\w*|surgery|operation|pregnan\\w*|illness|ill health|health reasons|health issues|back "
                + "problems|knee)",
            "(?:lost|losing|lose) interest",
            "(?:not|no longer) interested",
            "(?:too busy|no time|not enough time|lack of time|don'?t have (?:the )?time|busy schedule|no spare time)",
            "(?:work(?:ing)? from home|remote work|new job (?:has|with)|company (?:pays|provides|gives))",
            "(?:got|bought|have|built) (?:a |my own |our own |my |an )?(?:own )?(?:home gym|car|equipment|bike"
                + "|treadmill|printer|tv licence|in-house|internal)",
            "(?:phone|company|employer|work|job|school|university|partner) (?:now )?(?:provides|gives|covers|pays"
                + " for|includes)",
            "(?:do|doing) (?:it|that) (?:ourselves|myself|in-house)",
            "(?:my |our )?needs? (?:have |has )?changed",
            "(?:don'?t|do not|doesn'?t|does not) (?:fit|suit) (?:my|our) (?:needs|life|lifestyle|situation)"
                + " any ?more")
        .hint(NO_LONGER_NEEDED, "any ?more|anymore|any longer")
        .strong(
            MOVED,
            "moved (?:away|abroad|house|home|out|overseas|countries|cities|states|back|across|up north|down south"
                + "|to (?:a |the |another |[a-z]+ (?:city|country|town|state|area))|to (?:[a-z]+)$)",
            "moving (?:away|abroad|house|home|out|overseas|countries|cities|states|back|across|to)",
            "(?:we|i|they|he|she|family|i'?ve|we'?ve|i'?m|we'?re) (?:have |has |had |are |am |is |just )?(?:moved"
                + "|moving)",
            "move (?:abroad|away|house|overseas|countries|cities|to (?:another|a new|a different))",
            "relocat\\w*",
            "(?:new|different|another) (?:city|country|town|area|address|state|region|home|house|flat|apartment"
                + "|postcode|zip code|continent|province)",
            "abroad",
            "overseas",
            "emigrat\\w*",
            "out of (?:the |your )?(?:area|coverage area|country|region|catchment|delivery area|service area)",
            "(?:don'?t|do not|doesn'?t|does not|no longer) (?:deliver|operate|serve|cover) (?:to |in |where )",
            "(?:no|not any|nearest|closest) (?:branch|store|shop|gym|location|club|office|studio|centre|center)"
                + "(?:es|s)? (?:near|close|nearby|in|is \\w+ (?:miles|km|kilometres|kilometers|hours?))",
            "(?:too far|far away|miles away|an hour away|a long way)",
            "(?:back home to|transferred to|posted to|deployed)",
            "(?:left|leaving) (?:the )?(?:country|city|town|area|uk|us|usa|state)",
            "(?:live|living|based|settled) (?:in|abroad|overseas) (?:now)?",
            "(?:visa|residen\\w*|expat)");
  }
}
