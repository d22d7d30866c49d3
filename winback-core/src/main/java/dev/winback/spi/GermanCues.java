package dev.winback.spi;

import static dev.winback.model.ExitCategory.BUDGET_CUT;
import static dev.winback.model.ExitCategory.COMPETITOR_OFFER;
import static dev.winback.model.ExitCategory.DECEASED;
import static dev.winback.model.ExitCategory.DO_NOT_CONTACT;
import static dev.winback.model.ExitCategory.FELT_UNAPPRECIATED;
import static dev.winback.model.ExitCategory.LEGAL_HOLD;
import static dev.winback.model.ExitCategory.MISSING_FEATURE;
import static dev.winback.model.ExitCategory.MOVED;
import static dev.winback.model.ExitCategory.NO_LONGER_NEEDED;
import static dev.winback.model.ExitCategory.PRICE;
import static dev.winback.model.ExitCategory.PRODUCT_CHANGE;
import static dev.winback.model.ExitCategory.PRODUCT_QUALITY;
import static dev.winback.model.ExitCategory.SERVICE_FAILURE;
import static dev.winback.model.ExitCategory.STAFF_ATTITUDE;
import static dev.winback.model.ExitCategory.TOO_MANY_MESSAGES;

/** German phrases for each exit category. Normalised text: lower case, no accents ({@code ü} is {@code u}). */
final class GermanCues {
  private static final String MESSAGES =
      "(?:e-?mails?|mails|nachrichten|sms|anrufe?|newsletter|benachrichtigungen"
          + "|werbung|werbemails|werbebriefe|briefe|post|angebote|prospekte|spendenaufrufe|bettelbriefe|push)";

  private GermanCues() {}

  static Cues cues() {
    return new Cues()
        .decisive(
            DECEASED,
            "verstorben\\w*",
            "(?:ist|sind|war) (?:leider |kurzlich |letzte woche |im \\w+ )?(?:gestorben|verstorben|verschieden)",
            "gestorben",
            "tod (?:meines|meiner|unseres|unserer|des|der)",
            "todesfall",
            "trauerfall",
            "nachlass\\w*",
            "beerdigung",
            "erbengemeinschaft",
            "sterbe\\w*",
            "im gedenken")
        .decisive(
            LEGAL_HOLD,
            "(?:rechts)?anwalt\\w*",
            "anwaltlich\\w*",
            "klage\\w*",
            "verklag\\w*",
            "gericht\\w*",
            "rechtliche schritte",
            "rechtsstreit",
            "mahnverfahren",
            "rechtsschutz",
            "verbraucherzentrale")
        .decisive(
            DO_NOT_CONTACT,
            "(?:kontaktieren|schreiben|rufen|mailen|belastigen) sie mich (?:bitte )?(?:nie|nicht) (?:mehr|wieder)",
            "(?:nie|nicht) (?:mehr |wieder )(?:kontaktieren|anrufen|anschreiben|schreiben|belastigen)",
            "keine (?:weitere |weiteren )?(?:kontaktaufnahme|kontakt)",
            "(?:loschen sie|loschen) (?:bitte )?(?:meine|alle meine) daten",
            "(?:meine|alle meine) daten (?:bitte )?(?:loschen|entfernen)",
            "lassen sie mich (?:bitte )?in ruhe",
            "dsgvo",
            "werbewiderspruch",
            "widersprech\\w*|widerspreche|widerspruch",
            "(?:streichen|entfernen|nehmen) sie mich")
        .strong(
            TOO_MANY_MESSAGES,
            "zu (?:viele|viel) " + MESSAGES,
            "(?:so|viel zu|ständig) viele " + MESSAGES,
            "spam\\w*",
            MESSAGES + " (?:jeden|jede|taglich|standig|mehrmals|dauernd|pausenlos)",
            "(?:tagliche|standige|dauernde|endlose|nervige|aufdringliche|permanente|unzahlige) "
                + MESSAGES,
            "(?:standig|dauernd|andauernd|taglich|permanent|pausenlos|immer wieder) (?:\\w+ )?(?:angerufen|anrufe"
                + "|mails|e-mails|geschrieben|werbung|nachrichten|angeschrieben|belastigt|zugemullt|sms|angebote)",
            "(?:jeden tag|jede woche|taglich|wochentlich|jeden monat) (?:\\w+ )?" + MESSAGES,
            "(?:zugemullt|zugespammt|uberflutet|bombardiert|belastigt|genervt)",
            "werbeanrufe",
            "telefonterror",
            "zu oft",
            "nervt\\w*")
        .topic(TOO_MANY_MESSAGES, "abmelden", "abbestellen", "newsletter")
        .strong(
            STAFF_ATTITUDE,
            "unfreundlich\\w*",
            "unhoflich\\w*",
            "unverschamt\\w*",
            "respektlos\\w*",
            "arrogan\\w*",
            "herablassend\\w*",
            "pampig\\w*",
            "patzig\\w*",
            "frech\\w*",
            "unprofessionell\\w*",
            "angeschrien|angeschnauzt|angepampt|ausgelacht|beleidigt|abgewimmelt",
            "aufgelegt",
            "(?:kurz angebunden|blossgestellt|vorgefuhrt|blamiert|von oben herab)",
            "(?:schlechtes|unmogliches) (?:benehmen|verhalten)",
            "(?:wie|als) (?:ein )?(?:idiot|bittsteller|dreck|lastig)",
            "(?:behandelt|abgefertigt) (?:wie|als|worden)")
        .hint(
            STAFF_ATTITUDE,
            "personal",
            "mitarbeiter\\w*",
            "trainer\\w*",
            "berater\\w*",
            "verkaufer\\w*")
        .strong(
            FELT_UNAPPRECIATED,
            "(?:nicht|nie|kaum) (?:wertgeschatzt|geschatzt|gewurdigt|beachtet)",
            "wertschatzung",
            "(?:nur|bloss) (?:eine|eine weitere) nummer",
            "(?:treue|langjahrige|alte|bestandskunden|stammkunden)\\w* (?:wird |werden |wurde )?(?:nicht |nie )?"
                + "(?:belohnt|bestraft|ignoriert|vergessen|zahlt nichts|gehen leer aus)",
            "(?:nur|immer nur) (?:fur|an) neukunden",
            "neukunden (?:bekommen|erhalten|kriegen)",
            "(?:nie|kein einziges mal|nicht einmal) (?:ein )?(?:danke|dankeschon|dank)",
            "(?:nie wieder|nie|nichts mehr) (?:was |etwas )?(?:von ihnen|von euch) (?:gehort|gesehen)",
            "(?:niemand|keiner) (?:\\w+ ){0,5}(?:gemeldet|bedankt|gekummert|nachgefragt)",
            "fuhl\\w* (?:\\w+ ){0,3}(?:vergessen|ignoriert|ubersehen|wie eine nummer)",
            "(?:vergessen|ignoriert|ubersehen) gefuhlt",
            "(?:egal|gleichgultig) (?:gewesen|war|ist)")
        .topic(FELT_UNAPPRECIATED, "treue\\w*", "(?:\\d+|viele|zehn|zwanzig) jahren?")
        .strong(
            SERVICE_FAILURE,
            "(?:stor|ausfall|ausfalle|storungen|storung|netzausfall|funkloch|funklocher)\\w*",
            "(?:netz|internet|verbindung|wlan|server|seite|webseite|app|system|leitung|onlinebanking|online-banking)"
                + " (?:war |ist |fiel |fallt |bricht |brach )?(?:standig |dauernd |oft |mal wieder |wieder )?(?:weg"
                + "|aus|ausgefallen|down|tot|nicht erreichbar|zusammen)",
            "(?:kein|keinen|schlechter|schlechten|schwacher|miserabler|instabiler|instabile) (?:empfang|netz|signal"
                + "|internet|verbindung|service|kundenservice|support)",
            "(?:schlechter|miserabler|katastrophaler|unterirdischer|schlechten|mieser) (?:kundendienst|kundenservice"
                + "|service|support)",
            "(?:nie|nicht|immer noch nicht|bis heute nicht|noch immer nicht) (?:\\w+ )?(?:gelost|behoben|erledigt"
                + "|beantwortet|geliefert|angekommen|erstattet|zuruckgerufen|repariert|bearbeitet|gutgeschrieben)",
            "(?:stunden|wochen|tage|monate|ewig|ewigkeiten) (?:lang )?(?:in der )?(?:warteschleife|gewartet|warten)",
            "warteschleife",
            "(?:lange|endlose) wartezeit\\w*",
            "(?:niemand|keiner) (?:hat |ist |konnte )?(?:\\w+ )?(?:geantwortet|zuruckgerufen|geholfen|gekommen"
                + "|erreichbar|reagiert)",
            "(?:keine|nie eine) (?:antwort|ruckmeldung|reaktion|hilfe|losung)",
            "(?:lieferung|paket|bestellung|sendung)\\w* (?:kam |war |ist |wurde )?(?:\\w+ )?(?:zu spat|verspatet"
                + "|nie|nicht|falsch|beschadigt|verloren|unvollstandig)",
            "(?:verspatet|falsch|beschadigt|verloren)\\w* (?:lieferung|paket|bestellung|ware)",
            "(?:nie|nicht) angekommen",
            "(?:rechnungs|abrechnungs|buchungs)fehler\\w*",
            "(?:falsch|fehlerhaft|uberhoht)\\w* (?:rechnung|abrechnung|abbuchung|buchung|lastschrift)\\w*",
            "(?:passiert ist nichts|nichts ist passiert|nichts passiert|es passiert nichts)",
            "(?:doppelt|zu viel|falsch|unberechtigt) (?:abgebucht|berechnet|abgerechnet|belastet|kassiert)",
            "(?:versteckte|zusatzliche|unerwartete|extra|unerklarliche|heimliche) (?:kosten|gebuhren|gebuhr"
                + "|zahlungen|abbuchungen|posten)",
            "(?:keine ahnung|inkompetent\\w*|ahnungslos\\w*|unfahig\\w*|nutzlos\\w*|uberfordert\\w*)",
            "(?:techniker|monteur|handwerker|kurier)\\w* (?:kam |ist |war )?(?:\\w+ )?(?:nie|nicht) (?:gekommen|erschienen"
                + "|da)",
            "(?:techniker|monteur|handwerker|kurier|trainer)\\w* (?:kam|erschien) (?:\\w+ )?(?:nie|nicht)",
            "(?:termin|termine) (?:\\w+ )?(?:verpasst|abgesagt|platzen|geplatzt)",
            "(?:karte|konto) (?:\\w+ ){0,3}(?:gesperrt|eingefroren|blockiert)",
            "(?:nach der kundigung|trotz kundigung) (?:\\w+ ){0,3}(?:abgebucht|berechnet|kassiert|belastet)",
            "weiter (?:abgebucht|berechnet|kassiert)",
            "nicht erreichbar",
            "(?:hinterher\\w*|nachhaken|nachgehakt)",
            "(?:kurse|kurs|stunden) (?:wurden |fielen |fallen )?(?:standig |oft |dauernd )?(?:abgesagt|aus"
                + "|uberfullt|ausgebucht)",
            "(?:immer|standig|oft) (?:uberfullt|ausgebucht)",
            "(?:hin und her|weiterverbunden|von einem zum)",
            "(?:beschwerde|reklamation)\\w* (?:wurde |wurden )?(?:\\w+ )?(?:ignoriert|abgelehnt|nie)",
            "(?:chatbot|bot)")
        .topic(
            SERVICE_FAILURE, "kundenservice", "kundendienst", "erstattung", "lieferung", "hotline")
        .hint(SERVICE_FAILURE, "service", "support", "rechnung")
        .decisive(PRODUCT_QUALITY, "(?:den )?geist aufgegeben")
        .strong(
            PRODUCT_QUALITY,
            "(?:bug|bugs|fehlerhaft\\w*|fehler)",
            "absturz\\w*|sturzt\\w* (?:\\w+ )?ab|abgesturzt",
            "(?:hangt|hing|hangen|friert|fror)\\w*",
            "(?:funktioniert|funktionierte|funktionieren|lief|lauft)\\w* (?:\\w+ ){0,3}(?:nicht|nie|kaum"
                + "|schlecht)",
            "(?:kaputt|defekt|zerbrochen|zerrissen|verschlissen|beschadigt|ausgefranst)\\w*",
            "(?:schlechte|miese|mangelhafte|minderwertige|billige|sinkende|nachlassende) (?:qualitat|verarbeitung"
                + "|bildqualitat|tonqualitat|ware|produkte|materialien|gerate)",
            "qualitat (?:ist|war|hat|lasst|liess)",
            "(?:ladt|startet|verbindet|halt|schaltet|geht)\\w* (?:\\w+ ){0,4}nicht mehr",
            "(?:langsam|ruckelt\\w*|puffert\\w*|laggt|unzuverlassig\\w*|unbrauchbar\\w*|instabil\\w*)",
            "(?:daten|dateien|fotos) (?:\\w+ )?(?:verloren|weg|geloscht)",
            "(?:schmutzig|dreckig|unsauber|eklig|verdreckt|schimmel\\w*|stinkt|unhygienisch)",
            "(?:gerate|gerate|maschinen|laufbander|duschen|spinde)\\w* (?:sind |waren |standig |oft |immer )*"
                + "(?:kaputt|defekt|ausser betrieb)",
            "(?:nicht wie|anders als) (?:beschrieben|beworben|versprochen|abgebildet)",
            "(?:falsche|fehlerhafte) (?:beratung|auskunft|auskunfte|angaben)")
        .topic(PRODUCT_QUALITY, "qualitat", "langsam")
        .strong(
            PRODUCT_CHANGE,
            "(?:neue|neuen|neues) (?:version|design|oberflache|app|layout|update|tarif|tarife|tarifstruktur|agb"
                + "|bedingungen|konditionen|besitzer|leitung|management|kursplan|menu|regeln|system|webseite)",
            "(?:letzte|letzten|neueste|neuesten|jungste|jungsten) (?:update|aktualisierung)",
            "update",
            "umgestellt|umstellung",
            "(?:abgeschafft|eingestellt|weggenommen|verschlechtert)",
            "(?:nicht mehr|nicht langer) (?:angeboten|verfugbar|dabei|enthalten|moglich|inklusive|im angebot"
                + "|unterstutzt)",
            "(?:gibt es|gab es|bieten sie) (?:\\w+ )?nicht mehr",
            "(?:fruher|damals) (?:war|gab|hatte|hatten|konnte)",
            "(?:werbung|werbespots) (?:eingefuhrt|eingebaut|dazu|jetzt|seit)",
            "(?:jetzt|nun|seit neuestem) (?:mit|auch|plotzlich) werbung",
            "(?:ubernahme|ubernommen|fusion|fusioniert)",
            "(?:filiale|studio|laden|geschaft)\\w* (?:\\w+ ){0,4}(?:geschlossen|dicht)",
            "werbung (?:im|in der|beim|trotz) (?:\\w+ )?(?:bezahl|premium|abo)\\w*",
            "(?:offnungszeiten|kurszeiten|kursplan) (?:wurden |wurde )?(?:\\w+ )?(?:geandert|gekurzt|reduziert)",
            "(?:zwangs|zwangsweise|gezwungen)\\w*")
        .topic(PRODUCT_CHANGE, "anderung\\w*", "veranderung\\w*", "gestrichen", "geandert")
        .strong(
            MISSING_FEATURE,
            "(?:fehlt|fehlte|fehlen|fehlten|fehlende|fehlenden|vermisst\\w*|vermisse)",
            "(?:gibt es|gab es|gibt's|hat|hatte|haben|hatten|bietet|bot|bieten|unterstutzt|unterstutzte)"
                + " (?:\\w+ ){0,3}(?:kein|keine|keinen|nicht)",
            "(?:kein|keine|keinen|zu wenig|zu wenige|kaum) (?:\\w+ )?(?:funktion|funktionen|schnittstelle|api"
                + "|integration|anbindung|auswahl|angebot|inhalte|filme|serien|kurse|filialen|geldautomaten|app|export"
                + "|optionen|moglichkeit|sortiment|grossen|parkplatze|sauna|schwimmbad|kinderbetreuung|abendkurse)",
            "(?:funktion|funktionen|feature|features|schnittstelle\\w*|integration\\w*|anbindung\\w*)\\b",
            "(?:wunschte|hatte gern|hatten gern|hatte gerne|hatten gerne|brauchten|brauchte|benotigten|benotigte)",
            "(?:nicht|nur) (?:\\w+ )?(?:verfugbar|moglich|unterstutzt|kompatibel)",
            "(?:auswahl|sortiment|angebot|katalog) (?:ist |war )?(?:zu )?(?:klein|gering|begrenzt|durftig|mager)")
        .strong(
            COMPETITOR_OFFER,
            "(?:konkurren|mitbewerber|wettbewerber)\\w*",
            "(?:gewechselt|wechsle|wechseln|wechsel|umgestiegen|umsteigen) (?:\\w+ ){0,3}(?:zu|zur|zum|nach)",
            "(?:anderen|anderer|andere|anderes|neue|neuen|neuer|gunstigeren|gunstigeren|gunstigerer|billigeren"
                + "|besseren) (?:anbieter|bank|fitnessstudio|studio|verein|dienst|tarif|vertrag|streamingdienst"
                + "|provider|netzbetreiber|firma|tool|software|shop|organisation|laden|angebot|app)",
            "(?:besseres|gunstigeres|billigeres|attraktiveres) (?:angebot|paket|vertrag)",
            "(?:woanders|anderswo|bei der konkurrenz)",
            "(?:mehr|besser\\w*|schneller\\w*) (?:\\w+ ){0,3}fur weniger",
            "(?:zu|zur|zum|nach) (?:\\w+ ){1,3}(?:gewechselt|umgestiegen)",
            "(?:gunstiger|billiger|besser) (?:bei|gefunden|woanders)",
            "(?:bessere|gunstigere|niedrigere) (?:konditionen|zinsen|preise|tarife)",
            "(?:wechselbonus|neukundenbonus|neukundenangebot|lockangebot)",
            "alternative\\w*",
            "(?:netflix|disney|spotify|amazon|prime|apple|youtube|n26|dkb|ing|comdirect|c24|check24|telekom"
                + "|vodafone|o2|1und1|1&1|mcfit|fitx|clever fit|urban sports|aldi|lidl|zalando|otto|temu|shein)\\b"
                + "(?: \\w+)?")
        .topic(COMPETITOR_OFFER, "wechsel\\w*", "stattdessen")
        .strong(
            BUDGET_CUT,
            "budget\\w*",
            "(?:sparmassnahmen|sparkurs|kurzung\\w*|einsparung\\w*|kostensenkung\\w*|sparen|gespart|spare)",
            "(?:arbeitslos|arbeit verloren|job verloren|stelle verloren|gekundigt worden|kurzarbeit|entlassen)",
            "(?:kann|konnen|konnte|konnten) (?:\\w+ ){0,3}(?:nicht mehr )?(?:leisten|bezahlen)",
            "(?:nicht mehr|nicht) (?:leisten|bezahlbar|finanzierbar)",
            "(?:knapp bei kasse|geld (?:ist |war )?knapp|finanziell\\w*|finanzen|finanzielle)",
            "(?:inflation|lebenshaltungskosten|energiekosten|nebenkosten|miete (?:ist |wurde )?(?:gestiegen|erhoht))",
            "(?:elternzeit|mutterschutz|bafog)",
            "(?:kein geld|geldmangel|engpass|schulden)",
            "(?:fordermittel|fordergelder|zuschuss|zuschusse) (?:\\w+ )?(?:gestrichen|weggefallen|gekurzt)")
        .topic(BUDGET_CUT, "geld")
        .decisive(
            PRICE,
            "zu (?:teuer|tuer|teur|hoch|kostspielig)",
            "(?:viel|viel zu|einfach zu|deutlich zu) teuer",
            "uberteuert",
            "abzocke")
        .strong(
            PRICE,
            "teuer\\w*",
            "preis(?:erhohung|steigerung|anstieg|anpassung|erhohungen)\\w*",
            "(?:preis|preise|gebuhr|gebuhren|beitrag|beitrage|kosten|abo|abopreis|monatsbeitrag|grundgebuhr"
                + "|kontofuhrungsgebuhr\\w*|tarif|mitgliedsbeitrag) (?:\\w+ ){0,2}(?:gestiegen|erhoht|verdoppelt"
                + "|angehoben|zu hoch|hoch|steigen|stiegen)",
            "(?:erhoht|angehoben|verdoppelt|gestiegen)",
            "(?:nicht|nicht mehr) (?:\\w+ )?(?:wert|preiswert|angemessen)",
            "(?:preis-leistung|preis leistung|preis/leistung|preisleistung)\\w*",
            "(?:kontofuhrungsgebuhr|grundgebuhr|jahresgebuhr|aufnahmegebuhr|gebuhr|gebuhren)\\w*",
            "(?:kostet|kosten|kostete|zahlen|bezahlen|zahle) (?:\\w+ ){0,2}(?:zu viel|viel zu viel|zu hoch)")
        .topic(PRICE, "preis\\w*", "kosten", "billiger", "gunstiger", "\\d+ ?(?:euro|eur|\\u20ac)")
        .strong(
            NO_LONGER_NEEDED,
            "(?:brauch\\w*|benotig\\w*|benutz\\w*|nutz\\w*|verwend\\w*|schau\\w*|sehe|sehen|gehe|gehen|ging) (?:\\w+ ){0,3}(?:nicht mehr|kaum noch|nie"
                + " mehr|nicht wirklich|kaum|selten|nie|nicht)\\b",
            "(?:kein|keinen) (?:bedarf|bedurfnis|nutzen|interesse|verwendung|zeit)",
            "(?:nicht mehr|kaum noch|kaum|selten|nie) (?:\\w+ )?(?:genutzt|gebraucht|benutzt|verwendet|gesehen"
                + "|geschaut|hingegangen|trainiert|notig)",
            "(?:aufgehort|aufgegeben|abgeschlossen|beendet|fertig)",
            "(?:projekt|studium|kurs|ausbildung|saison|serie|umbau|vertrag|training) (?:ist |war |wurde )?"
                + "(?:\\w+ )?(?:vorbei|beendet|abgeschlossen|fertig|zu ende)",
            "(?:geschaft|firma|laden|praxis|betrieb|unternehmen)\\w* (?:\\w+ ){0,2}(?:geschlossen|aufgegeben"
                + "|verkauft|aufgelost|dichtgemacht|zugemacht)",
            "(?:ruhestand|rentner\\w*|in rente)",
            "(?:kinder|sohn|tochter) (?:sind |ist )?(?:\\w+ )?(?:ausgezogen|aus dem haus|gross|weg)",
            "(?:verletzung|verletzt|operation|schwanger\\w*|krank\\w*|gesundheitlich\\w*)",
            "(?:keine zeit|zu wenig zeit|zeitmangel|zu viel zu tun)",
            "(?:interesse verloren|kein interesse mehr|nicht mehr interessiert)",
            "(?:nur fur|nur wegen|nur fur eine|einmalig|vorubergehend)",
            "(?:arbeitgeber|firma|job|arbeit|schule|uni)\\w* (?:\\w+ )?(?:stellt|bezahlt|zahlt|ubernimmt|bietet)",
            "(?:selbst|eigene|eigenen|eigenes) (?:\\w+ )?(?:gekauft|angeschafft|machen)",
            "(?:nicht mehr notig|nicht mehr gebraucht|uberflussig)",
            "(?:war|bin|ging|gehe) (?:\\w+ )?(?:kaum|selten|nie) (?:noch |mehr )?(?:im|ins|beim|zum|in der)",
            "alles (?:gesehen|geschaut|gelesen)")
        .hint(NO_LONGER_NEEDED, "nicht mehr", "kaum noch")
        .strong(
            MOVED,
            "(?:umgezogen|umzug|ziehe|ziehen|zogen|gezogen|wegziehen|weggezogen|umziehen|ausgewandert"
                + "|auswandern|auswanderung)",
            "(?:neue|neuen) (?:stadt|wohnung|wohnort|adresse|land|heimat|region)",
            "(?:ins|im) ausland",
            "(?:nicht|keine) (?:\\w+ )?(?:in der nahe|in meiner nahe|vor ort|in meiner region)",
            "(?:zu weit|weit weg|zu weit weg|kilometer entfernt|km entfernt)",
            "(?:ausserhalb|nicht mehr im) (?:des |dem |vom )?(?:liefergebiet|versorgungsgebiet|netzgebiet"
                + "|einzugsgebiet|gebiet)",
            "versetzt",
            "(?:wohne|wohnen|lebe|leben) (?:jetzt|nun|inzwischen|mittlerweile|seit kurzem)",
            "(?:nach|in die|in den) (?:\\w+ )?(?:gezogen|umgezogen)");
  }
}
