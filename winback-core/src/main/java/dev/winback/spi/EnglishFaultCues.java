package dev.winback.spi;

import static dev.winback.model.ExitCategory.FELT_UNAPPRECIATED;
import static dev.winback.model.ExitCategory.PRODUCT_CHANGE;
import static dev.winback.model.ExitCategory.PRODUCT_QUALITY;
import static dev.winback.model.ExitCategory.SERVICE_FAILURE;
import static dev.winback.model.ExitCategory.STAFF_ATTITUDE;
import static dev.winback.model.ExitCategory.TOO_MANY_MESSAGES;

/**
 * English phrases for the categories where the fault is ours (too many messages, staff attitude, feeling
 * unappreciated, service failure, product quality, product change). Normalised text, as in {@link EnglishCues}.
 */
final class EnglishFaultCues {
  private static final String MESSAGES =
      "(?:e-?mails?|mails?|messages?|texts?|sms|calls?|phone calls?"
          + "|newsletters?|notifications?|push notifications?|offers|promotions?|promos?|letters|marketing"
          + "|mailings?|adverts?|ads|leaflets|catalogues?|catalogs?|reminders?|appeals?|surveys?)";
  private static final String STAFF =
      "(?:staff|agents?|advisers?|advisors?|reps?|representatives?|employees?"
          + "|cashiers?|managers?|trainers?|instructors?|coach|receptionists?|clerks?|tellers?|drivers?|technicians?"
          + "|engineers?|person|guy|woman|lady|man|consultants?|sales ?(?:man|woman|person|people)|people|team"
          + "|operator|worker|workers|volunteers?|fundraisers?|support)";

  private EnglishFaultCues() {}

  static void addTo(Cues cues) {
    cues.strong(
            TOO_MANY_MESSAGES,
            "too? many " + MESSAGES,
            "so many " + MESSAGES,
            "spam\\w*",
            MESSAGES
                + " (?:\\w+ ){0,3}(?:every|each|twice a|three times a|several times a|a|per) (?:single )?"
                + "(?:day|week|hour|morning|evening|fortnight|other day)",
            "(?:\\d+|\\d+-\\d+|two|three|four|five) " + MESSAGES + " (?:a|per|every) (?:day|week)",
            MESSAGES + " never stop",
            "(?:never|don'?t|didn'?t|won'?t) stop (?:calling|emailing|e-mailing|texting|sending|writing|ringing)",
            "(?:daily|constant|endless|non-?stop|relentless|incessant|repeated|countless|multiple daily|aggressive"
                + "|pushy) " + MESSAGES,
            "(?:constant|endless|non-?stop|relentless|pushy) (?:sales|marketing|upsell\\w*|calling)",
            MESSAGES + " (?:\\w+ ){0,4}(?:almost |nearly |practically )?daily",
            "(?:every time|whenever) (?:i|we) (?:donate|give|buy|order|pay)\\w* (?:\\w+ )?(?:you|they) (?:ask|want"
                + "|send|email|call)",
            "ask(?:s|ing|ed)? (?:me |us )?for more (?:money|donations)?",
            "bombard\\w*",
            "flood\\w* (?:my|our|the) inbox",
            "inbox (?:was |is )?(?:full|flooded|clogged)",
            "too often",
            "harass\\w*",
            "cold[- ]call\\w*",
            "kept (?:on )?(?:calling|emailing|e-mailing|texting|ringing|messaging|sending|writing|asking)",
            "(?:calling|ringing|texting|emailing|e-mailing) (?:me |us )?(?:constantly|all the time|non-?stop"
                + "|every day|daily)",
            "(?:one|an?) (?:e-?mail|text|message|call|appeal) (?:after another|every day)",
            "(?:asking|asked) (?:me )?for (?:more )?(?:money|donations) (?:all the time|constantly|every)",
            "(?:overwhelm|nag)\\w*")
        .topic(TOO_MANY_MESSAGES, "unsubscrib\\w*", "junk mail", "newsletters")
        .strong(
            STAFF_ATTITUDE,
            "rude\\w*",
            "unfriendly",
            "unprofessional",
            "disrespect\\w*",
            "condescend\\w*",
            "patroni[sz]\\w*",
            "arrogan\\w*",
            "(?:shouted|yelled|snapped|swore|laughed|sneered|screamed|smirked|rolled (?:her|his|their) eyes) at",
            "hung up on",
            "(?:bad|terrible|poor|awful|horrible|stinking) attitudes?",
            "attitude",
            STAFF
                + " (?:was|were|is|are|being|got) (?:so |very |really |extremely |incredibly |quite |just |always "
                + "|downright |plain )*(?:rude|unfriendly|dismissive|impolite|nasty|aggressive|hostile|sarcastic"
                + "|arrogant|condescending|patronising|patronizing|mean|abusive|horrible|awful|unpleasant|cold"
                + "|snotty|judgmental|judgemental|pushy|creepy|racist|sexist)",
            "dismissive",
            "(?:was|were|is|are) (?:\\w+ )?short with (?:me|us)",
            "made (?:a |snide |rude )?(?:comment|remark)s? about",
            "impolite",
            "treated (?:me|us|my \\w+) (?:like|badly|poorly|with contempt|as if)",
            "(?:was|were|been|get|got|being|am|are) treated (?:like|badly|poorly|as if|with contempt)",
            "(?:was|were|is|are|got) (?:so |very |really |quite )?aggressive",
            "followed (?:me|us) around",
            "like (?:i|we) (?:was|were) (?:going to steal|a criminal|a thief|stupid)",
            "made (?:me|us) feel (?:stupid|small|like an idiot|unwelcome|uncomfortable|judged|embarrassed)",
            "(?:insulted|humiliated|mocked|belittled|lectured|bullied|intimidated|embarrassed) (?:me|us)",
            "(?:sarcastic|hostile|nasty|snotty|judgmental|judgemental)",
            "no (?:manners|respect|courtesy|empathy)",
            "(?:made|making) fun of")
        .hint(
            STAFF_ATTITUDE,
            "staff",
            "employees?",
            "sales ?(?:rep|man|woman|person)",
            "receptionists?",
            "trainers?",
            "manager")
        .strong(
            FELT_UNAPPRECIATED,
            "unappreciated",
            "not appreciated",
            "under-?(?:valued|appreciated)",
            "(?:didn'?t|did not|don'?t|do not|never) (?:feel|felt) (?:valued|appreciated|important|like (?:a|an) "
                + "(?:valued|important))",
            "(?:felt|feel|feeling) (?:like )?(?:(?:just )?a number|invisible|ignored|forgotten|taken for granted"
                + "|unvalued|unimportant|used|like nobody|like no one)",
            "taken for granted",
            "(?:no|zero|not a single|not one|never a) (?:reward|rewards|recognition|thanks|thank you|thank-you"
                + "|loyalty (?:discount|bonus|reward|perk)s?)",
            "never (?:once )?(?:thanked|rewarded|recogni[sz]ed|acknowledged)",
            "(?:loyalty|loyal customers?|loyal members?|long-?time customers?|long-?standing customers?) "
                + "(?:is |are |was |were |means |counts |get |got )?(?:not |never )?(?:rewarded|nothing|ignored"
                + "|punished|penali[sz]ed|worth nothing|for nothing)",
            "(?:only|just) (?:for|to) new (?:customers|members|clients|subscribers)",
            "new (?:customers|members|clients|subscribers) (?:get|got|always get|are offered|receive)",
            "(?:better|best|cheaper) (?:deals?|offers?|prices?|rates?) (?:for|to) new",
            "never (?:heard|hear) (?:anything )?(?:from|back from) (?:you|them|anyone|anybody)",
            "(?:no ?one|nobody) (?:\\w+ ){0,3}(?:ever )?(?:called|checked|reached out|contacted|got in touch|thanked|bothered"
                + "|cared|asked|noticed)",
            "(?:don'?t|didn'?t|did not|do not) (?:seem to )?care about (?:me|us|your customers|loyal|long-?standing"
                + "|existing|old|regular)",
            "(?:only|just) care (?:about|for) (?:new|getting new|acquiring)",
            "not even a (?:thank|thanks|card|call|e-?mail|note|discount)",
            "treated (?:me |us )?like a stranger",
            "just a (?:number|wallet|cash cow)",
            "(?:no|zero|never any) (?:personal )?(?:touch|contact|relationship|acknowledg\\w*)")
        .topic(
            FELT_UNAPPRECIATED,
            "loyal\\w*",
            "(?:\\d+|many|ten|twenty|fifteen|five|so many) years",
            "(?:been )?(?:banking|with you|a customer|a member|donating) (?:with you )?since")
        .decisive(
            SERVICE_FAILURE,
            "(?:told|promised|said|assured) (?:me |us )?(?:that )?(?:i |we |it |they )?(?:wouldn'?t|would not|didn'?t|did"
                + " not|don'?t|was|were|would be|won'?t) (?:have to |need to )?(?:pay|apply|charge|be charged|free"
                + "|included|covered)")
        .strong(
            SERVICE_FAILURE,
            "outages?",
            "(?:network|service|internet|connection|wifi|wi-fi|broadband|signal|site|website|platform|system|servers?"
                + "|line|app|online banking|card machine|atm|atms|cash machine)s? (?:was |is |were |kept |keeps |"
                + "went |goes |always |constantly |often )*(?:going |being )?(?:down|dropping|cutting out|failing"
                + "|unavailable|offline|out of order)",
            "down ?time",
            "(?:no|zero|lost|losing|never any) (?:signal|coverage|reception|connection|internet|service|broadband"
                + "|wifi|network)",
            "(?:signal|coverage|reception|network|wifi|broadband|internet|connection) (?:is|was|has been|keeps)"
                + " (?:\\w+ )?(?:rubbish|terrible|awful|poor|bad|patchy|useless|non-existent|shocking|appalling"
                + "|dreadful|unreliable|weak|dropping)",
            "calls? (?:keep |kept )?drop\\w*",
            "never (?:called|rang|got back to|phoned) (?:me |us )?(?:back)?",
            "(?:fees?|charges?) (?:\\w+ ){0,2}(?:nobody|no one|never) (?:mentioned|told|explained)",
            "(?:early termination|cancellation|exit|paper bill|admin|roaming|late payment) (?:fees?|charges?)",
            "(?:taken|charged|billed|debited|deducted|paid) twice",
            "(?:taking|took|charging|charged|billing|billed|debiting) (?:me |us )?(?:\\w+ )?(?:after|even though)"
                + " (?:i|we) (?:cancelled|canceled|left|closed)",
            "(?:arrive[ds]?|came|come|turned up|turn up) (?:\\w+ )?(?:damaged|broken|late|incomplete|opened"
                + "|crushed|wrong|missing)",
            "(?:atm|cash machine|machine) (?:swallowed|ate|kept|retained) (?:my )?card",
            "(?:took|takes|taking) (?:\\d+|two|three|four|six|several) (?:weeks|months|days)",
            "(?:took|takes|taking) (?:\\w+ ){0,3}(?:weeks|months|days|ages|forever) to (?:respond|reply|answer|fix|sort"
                + "|resolve|get back|repair)",
            "(?:broadband|internet|wifi|connection|signal|line|network)s? (?:\\w+ )?(?:dropped|drops|dropping|cut|cuts"
                + "|cutting) out",
            "fault (?:was |has been |is )?never (?:found|fixed|resolved|traced)",
            "(?:chase|chased|chasing) (?:\\w+ ){0,3}(?:refunds?|repairs?|engineers?|answers?|replies|you|them|support)",
            "(?:always|constantly|often) (?:full|overbooked|booked up|fully booked)",
            "(?:instructor|trainer|teacher|coach|engineer|technician|courier|driver)s? (?:didn'?t|did not|never)"
                + " (?:show|turn|come|arrive)",
            "never told (?:me |us )?(?:why|anything)",
            "(?:poor|bad|terrible|patchy|weak|awful|spotty|unreliable|dreadful|horrible|lousy|rubbish|shocking"
                + "|appalling|abysmal|non-?existent) (?:signal|coverage|reception|connection|network|service"
                + "|customer service|customer care|support|wifi|broadband|internet|aftercare|after-sales)",
            "dropped calls",
            "(?:keeps|kept) (?:disconnecting|dropping)",
            "(?:never|not|wasn'?t|was never|still not|still hasn'?t been|still isn'?t|hasn'?t been|haven'?t been"
                + "|were never|never got) (?:properly )?(?:resolved|fixed|sorted|solved|answered|delivered|arrived"
                + "|refunded|repaired|addressed|dealt with|processed|returned|credited)",
            "(?:hours|ages|weeks|days|months|forever|an hour|\\d+ minutes) (?:on hold|waiting|in the queue|in a "
                + "queue)",
            "on hold (?:for|again)",
            "waited (?:for )?(?:over |more than |nearly |almost )?(?:\\d+|an|a|hours|weeks|days|months|ages|forever"
                + "|two|three|four|six)",
            "(?:long|endless|ridiculous|terrible|huge) (?:wait|waits|waiting|queues?|delays?)",
            "wait(?:ing)? times?",
            "(?:no ?one|nobody|no-one) (?:ever )?(?:answered|responded|replied|got back|helped|could help|knew"
                + "|picked up|came|showed up|fixed|called (?:me )?back)",
            "(?:never|didn'?t|did not|don'?t) (?:get|got|receive|received|hear) (?:back|a (?:reply|response|answer"
                + "|call ?back|refund))",
            "(?:never|no|didn'?t) (?:replied|responded|answered|call(?:ed)? back)",
            "(?:late|delayed|missing|lost|wrong|damaged|broken|incomplete) (?:deliver\\w*|parcels?|packages?"
                + "|orders?|shipments?|items?|boxes)",
            "deliver\\w* (?:was |were |is |are |always |kept )*(?:late|delayed|never|missing|wrong|damaged|lost)",
            "never (?:arrived|came|showed up|turned up|received|got (?:my|the|our) \\w+)",
            "(?:billing|invoice|invoicing|payment|direct debit) (?:errors?|mistakes?|problems?|issues?|mess|chaos)",
            "overcharg\\w*",
            "(?:double|twice|wrongly|incorrectly) (?:charged|billed)",
            "charged (?:me |us )?(?:twice|extra|for (?:something|things|services|a|an)|without|after|even though"
                + "|again|wrongly)",
            "(?:extra|hidden|unexpected|surprise|additional|sneaky|mysterious|random|unexplained|unannounced)"
                + " (?:charges?|fees?|costs?|payments?|deductions?)",
            "(?:wrong|incorrect|inflated) (?:bills?|invoices?|charges?|amounts?)",
            "(?:still )?(?:waiting|wait) (?:for|on) (?:a |an |my |the |our )?(?:refund|reply|response|engineer|technician"
                + "|fix|answer|delivery|call ?back)",
            STAFF
                + " (?:had no (?:idea|clue)|didn'?t know|did not know|don'?t know|couldn'?t (?:help|fix|solve"
                + "|answer)|could not (?:help|fix|solve|answer)|was useless|were useless|are useless|kept "
                + "transferring|just read from a script|gave (?:me )?wrong)",
            "(?:clueless|incompetent|incompetence|useless|unhelpful|hopeless)",
            "no (?:idea|clue) what (?:they|he|she) (?:were|was) (?:doing|talking about)",
            "(?:passed|transferred|bounced) (?:around|from one)",
            "(?:engineer|technician|installer|courier)s? (?:never|didn'?t|did not) (?:came|come|show|turn)",
            "missed (?:the |my |our |an? )?(?:\\w+ )?(?:appointments?|installation|visit)",
            "(?:transfers?|payments?) (?:failed|delayed|blocked|bounced|went missing)",
            "(?:card|account) (?:was |got |kept )*(?:blocked|frozen|declined|locked)",
            "(?:class(?:es)?|sessions?|appointments?) (?:was |were |got |kept |is |are )*(?:cancelled|canceled"
                + "|overbooked|full)",
            "(?:couldn'?t|could not|can'?t|cannot|never could) (?:get|book) (?:a |into )?(?:a )?(?:class|session"
                + "|appointment|slot|through to|hold of)",
            "(?:took|takes|taking) (?:weeks|months|forever|ages|days) to",
            "complaints? (?:was |were )?(?:ignored|never)",
            "(?:chatbot|bot|automated system|phone menu)")
        .topic(
            SERVICE_FAILURE,
            "customer service",
            "refunds?",
            "helpdesk",
            "help desk",
            "delivery",
            "queues?")
        .hint(SERVICE_FAILURE, "support", "service", "bills?", "billing")
        .strong(
            PRODUCT_QUALITY,
            "bugs?",
            "bugg(?:y|ier)",
            "glitch\\w*",
            "crash\\w*",
            "(?:froze|freezes|freezing)",
            "out of sync",
            "duplicat\\w*",
            "(?:soggy|rotten|mouldy|moldy|stale|spoiled|spoilt|inedible)",
            "(?:meat|milk|fish|food|chicken|fruit|veg) (?:was|were|is|smelled|tasted) (?:\\w+ )?(?:off|bad|rotten"
                + "|stale)",
            "missing (?:ingredients|parts|pieces|buttons)",
            "(?:pool|water|showers?|sauna|steam room|changing rooms?) (?:was|were|is|are) (?:\\w+ )?(?:cloudy|cold"
                + "|dirty|filthy|broken|freezing|disgusting)",
            "(?:keeps|kept|constantly|always) (?:crashing|freezing|breaking|failing|logging (?:me|us) out|buffering"
                + "|lagging|stuttering|dropping out|losing)",
            "buffer\\w*",
            "(?:stopped|stops|doesn'?t|does not|didn'?t|did not|never|barely|rarely|won'?t|wouldn'?t|don'?t|do not)"
                + " (?:really |properly |even |actually |reliably )?work(?:s|ed|ing)?(?! with| on (?:my|our|the)"
                + "| for (?:me|us|our))",
            "(?:broke|broken|broke down|fell apart|falling apart|came apart|ripped|tore|faded|shrank)",
            "(?:poor|bad|low|terrible|awful|lousy|shoddy|cheap|dreadful|horrible|mediocre|inconsistent|declining"
                + "|worse) (?:quality|picture|sound|audio|video|image|streams?|streaming|product|products|materials?"
                + "|build|fabric|food|equipment|machines|content|results|accuracy|performance)",
            "quality (?:is|was|has|went|dropped|declined|got)",
            "defect\\w*",
            "faulty",
            "unreliable",
            "(?:so |too |very |painfully |incredibly |really )slow",
            "lag(?:gy|s|ging)?\\b",
            "unusable",
            "(?:died|dies|dying) on (?:me|us)",
            "(?:app|site|website|software|product|device|phone|router|modem|box|machine|tool|platform|program"
                + "|system|hardware|handset|tv|player)s? (?:is|was|were|are|kept|keeps|felt)? ?(?:slow|unusable"
                + "|garbage|rubbish|a mess|awful|terrible|useless|unstable|junk|clunky|crap|broken|worse)",
            "lost (?:my|our|all (?:my|our)) (?:data|files|work|progress|photos|playlists)",
            "(?:data|files|work|progress) (?:was |were |got )?lost",
            "sync\\w* (?:issues|problems|fail\\w*|errors?)",
            "(?:dirty|filthy|unclean|smelly|stinks|mould|mold|mouldy|moldy|unhygienic|cockroach\\w*)",
            "cold (?:food|meals?)",
            "(?:machines|equipment|treadmills?|showers|lockers|weights)s? (?:were |was |are |always |often "
                + "|constantly )*(?:broken|out of order|not working|falling apart|dirty|filthy)",
            "(?:errors?|error messages)",
            "(?:battery|screen|camera|charger) (?:died|dies|broke|cracked|failed)",
            "(?:stopped|stops|won'?t|wouldn'?t) (?:charging|charge|connecting|connect|turning on|turn on|pairing|pair"
                + "|holding (?:a )?charge)",
            "(?:not|wasn'?t|isn'?t|never) (?:as|what was) (?:described|advertised|promised|pictured)",
            "(?:false|inaccurate|wrong|misleading) (?:advice|information|results|numbers|figures|transactions)")
        .topic(PRODUCT_QUALITY, "quality", "slow")
        .strong(
            PRODUCT_CHANGE,
            "redesign\\w*",
            "(?:the )?new (?:version|design|layout|interface|ui|app|look|update|owners?|management|terms|plan"
                + "|plans|tariff|menu|format|policy|rules|system|website|site|logo|timetable|schedule)",
            "(?:latest|recent|last|new|big|that|the) update",
            "updates? (?:ruined|broke|messed|killed|changed|made|removed)",
            "(?:you|they) (?:changed|removed|dropped|discontinued|got rid of|took away|replaced|scrapped|cut|axed"
                + "|stopped offering|stopped selling|stopped carrying|moved)",
            "(?:removed|discontinued|dropped|scrapped|axed|retired|withdrew|withdrawn|pulled) (?:the|my|our|a|an"
                + "|their|your|support for|all|most|several|free)",
            "no longer (?:offer|offers|support|supports|includes?|has|have|available|carry|carries|stock|stocks"
                + "|sell|sells|allowed|allow|free|works with)",
            "(?:changed|change to|changes to|changing|switched) (?:the|your|my|our|their) (?:terms|plan|plans"
                + "|tariff|package|layout|interface|app|menu|rules|conditions|opening hours|hours|policy|app"
                + "|contract|logo|recipe|formula|algorithm|catalogue|timetable|schedule)",
            "(?:used to (?:be|have|include|work|get|offer)|it used to|they used to)",
            "(?:forced|force|forcing) (?:me |us )?(?:to )?(?:upgrade|migrate|switch|move|use)",
            "(?:ads|adverts|advertising|commercials) (?:now|were added|added|everywhere|on (?:the )?(?:free|basic))",
            "(?:added|introduced|now with|now has|now have) (?:ads|adverts|advertising|commercials)",
            "(?:merg(?:ed|er)|takeover|taken over|acquired|bought out|rebrand\\w*)",
            "(?:the|this|that|your|recent) (?:change|changes) (?:to|in|of)",
            "(?:you|they|you'?ve|they'?ve|you have|they have) (?:\\w+ )?(?:closed|shut) (?:down )?(?:my|our|the)"
                + " (?:local )?(?:branch|store|shop|office|gym|club|studio)",
            "(?:downgraded|shrinkflation|smaller portions|fewer (?:channels|features|classes))",
            "(?:opening hours|opening times|timetable|schedule|class times) (?:changed|were cut|got cut|reduced)",
            "(?:branch|store|shop|office|gym|studio) (?:closed|closing|shut)")
        .topic(PRODUCT_CHANGE, "changed")
        .hint(PRODUCT_CHANGE, "changes", "change\\b");
  }
}
