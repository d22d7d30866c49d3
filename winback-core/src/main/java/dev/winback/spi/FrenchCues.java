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

/** French phrases for each exit category. Normalised text: lower case, no accents ({@code é} is {@code e}). */
final class FrenchCues {
  private static final String MESSAGES =
      "(?:e-?mails?|mails|courriels?|messages?|sms|textos?|appels|coups de fil"
          + "|newsletters?|notifications?|pubs?|publicites?|offres|promos?|promotions|relances|sollicitations|courriers"
          + "|lettres|catalogues|appels aux dons|courrier)";

  private FrenchCues() {}

  static Cues cues() {
    return new Cues()
        .decisive(
            DECEASED,
            "decede\\w*",
            "deces",
            "(?:mari|femme|epouse|epoux|mere|pere|fils|fille|frere|soeur|conjoint|compagnon|compagne|grand-mere"
                + "|grand-pere|titulaire|abonne|abonnee|il|elle) (?:\\w+ )?(?:est|sont) (?:\\w+ )?(?:mort|morte)",
            "(?:nous a quittes?|nous a quitte)",
            "succession",
            "obseques",
            "funerailles",
            "defunte?",
            "en memoire de")
        .decisive(
            LEGAL_HOLD,
            "avocats?",
            "(?:action|procedure|poursuites?) (?:en justice|judiciaires?)",
            "proces",
            "tribunal",
            "litige",
            "mise en demeure",
            "plainte (?:contre|deposee|penale)",
            "porter plainte",
            "huissier")
        .decisive(
            DO_NOT_CONTACT,
            "ne (?:me |nous )?(?:contactez|appelez|ecrivez|sollicitez|relancez|derangez) (?:plus|jamais|pas)",
            "(?:arretez|cessez) de (?:me |nous |m')?(?:contacter|appeler|ecrire|solliciter|relancer|harceler|deranger)",
            "(?:supprimez|effacez|supprimer|effacer) (?:toutes )?(?:mes|nos) (?:donnees|coordonnees|informations)",
            "(?:retirez|retirer|enlevez) (?:moi|mon (?:nom|adresse|numero))",
            "(?:laissez|laisser)-?(?:moi|nous) tranquilles?",
            "rgpd",
            "(?:plus|aucun) (?:jamais )?(?:de )?contact",
            "bloctel")
        .strong(
            TOO_MANY_MESSAGES,
            "trop (?:de |d')" + MESSAGES,
            "(?:tant|autant|beaucoup trop) (?:de |d')" + MESSAGES,
            "spam\\w*",
            MESSAGES
                + " (?:\\w+ ){0,3}(?:tous les|toutes les|chaque|plusieurs fois par|a longueur de|sans arret"
                + "|en permanence|tout le)",
            "(?:harcel|bombard|inond|submerg|matraqu|spamm)\\w*",
            "(?:sans arret|sans cesse|tout le temps|en permanence|constamment|a longueur de journee|tous les jours)"
                + " (?:\\w+ ){0,3}(?:appel|appele|ecrit|relance|sollicite|mail|message|envoy|demarch)\\w*",
            "(?:appel|ecri|relanc|sollicit|envoy|demarch)\\w* (?:\\w+ ){0,2}(?:sans arret|sans cesse|tout le temps"
                + "|en permanence|constamment|tous les jours)",
            "demarchage",
            "trop souvent",
            "(?:boite|boite mail|boite aux lettres) (?:\\w+ )?(?:pleine|saturee|inondee|envahie)")
        .topic(TOO_MANY_MESSAGES, "desinscri\\w*", "desabonn\\w*", "newsletter")
        .strong(
            STAFF_ATTITUDE,
            "(?:impoli|impolie|impolis|impolies|irrespectueu\\w*|desagreable\\w*|grossier\\w*|arrogant\\w*"
                + "|condescendant\\w*|meprisant\\w*|hautain\\w*|agressi\\w*|insolent\\w*|antipathique\\w*|froid"
                + "|froids|froide|froides|malpoli\\w*|mal poli\\w*|desobligeant\\w*)",
            "(?:manque de|aucun|zero) (?:respect|politesse|courtoisie|amabilite|empathie)",
            "(?:mal|tres mal) (?:accueilli|recu|reçu|traite|parle)\\w*",
            "(?:m'a|nous a|on m'a) (?:\\w+ )?(?:raccroche au nez|crie dessus|parle mal|pris de haut|ri au nez"
                + "|humilie|insulte|engueule)",
            "(?:raccroche au nez|pris de haut|de haut en bas|comme un (?:idiot|chien|moins que rien))",
            "(?:pas|peu) professionnel\\w*",
            "(?:attitude|comportement) (?:\\w+ )?(?:du|de la|des|de l')")
        .hint(
            STAFF_ATTITUDE,
            "personnel",
            "employes?",
            "vendeu\\w*",
            "conseill\\w*",
            "coachs?",
            "accueil")
        .strong(
            FELT_UNAPPRECIATED,
            "(?:pas|jamais|aucunement|peu) (?:\\w+ )?(?:valorise|valorisee|apprecie|appreciee|reconnu|reconnue"
                + "|remercie|remerciee|considere|consideree)s?",
            "(?:qu'un|juste un|un simple) numero",
            "(?:fidelite|fideles|anciens clients|clients fideles|clients de longue date) (?:\\w+ ){0,3}(?:recompense"
                + "|rien|ignore|penalise|oublie|compte pas)\\w*",
            "(?:que|qu'|seulement|uniquement) (?:pour|aux) (?:les )?nouveaux (?:clients|abonnes|adherents|membres)",
            "nouveaux (?:clients|abonnes|adherents) (?:ont|obtiennent|recoivent|beneficient)",
            "(?:jamais|pas un seul|aucun) (?:un )?(?:merci|remerciement|geste)",
            "(?:jamais|plus jamais) (?:eu de |de )?nouvelles",
            "(?:personne|aucun) (?:ne )?(?:m'a|nous a|n'a) (?:jamais )?(?:\\w+ )?(?:appele|contacte|remercie"
                + "|demande|rappele)",
            "(?:oublie|oubliee|ignore|ignoree|delaisse|delaissee|neglige|negligee)s? (?:par|apres|depuis)",
            "(?:se sentir|me sentir|je me sens|je me suis senti|on se sent)\\w* (?:\\w+ )?(?:oublie|ignore|delaisse"
                + "|neglige|invisible)")
        .topic(FELT_UNAPPRECIATED, "fidel\\w*", "(?:\\d+|dix|vingt|quinze|cinq|nombreuses) ans")
        .strong(
            SERVICE_FAILURE,
            "(?:pannes|coupure|coupures|interruption|interruptions|plantage serveur|panne (?:de|d'|reseau|internet"
                + "|generale))",
            "(?:reseau|internet|connexion|wifi|box|serveur|site|appli|application|ligne|service|banque en ligne)"
                + " (?:\\w+ )?(?:en panne|coupe|coupee|inaccessible|indisponible|hors service)",
            "(?:plus d'|pas d'|sans )(?:internet|reseau|connexion|telephone|tele|ligne)",
            "personne ne (?:fait|bouge|repond|rappelle)",
            "(?:preleve\\w*|factur\\w*|debit\\w*) (?:\\w+ ){0,3}apres (?:la |ma )?resiliation",
            "(?:pas de|aucun|aucune|mauvais|mauvaise) (?:reseau|couverture|connexion|signal|debit|reception)",
            "(?:service client|sav|service apres-vente|support|assistance|hotline|service clientele)"
                + " (?:\\w+ ){0,3}(?:nul|nuls|inexistant|injoignable|catastrophique|lamentable|deplorable"
                + "|incompetent|inefficace|absent|lent|deficient)",
            "(?:jamais|toujours pas|pas|toujours rien|rien) (?:\\w+ )?(?:resolu|regle|repare|rembourse|livre|recu"
                + "|arrive|repondu|traite|rappele)\\w*",
            "(?:des heures|des semaines|des jours|des mois|longtemps|une heure|\\d+ minutes) (?:\\w+ )?(?:d'attente"
                + "|en attente|a attendre|au telephone)",
            "(?:attente|delais?) (?:\\w+ )?(?:interminable|enorme|trop long|inacceptable|tres long)\\w*",
            "(?:temps d'attente|file d'attente)",
            "(?:personne|aucun conseiller) (?:ne )?(?:\\w+ )?(?:repond|repondu|rappele|rappelle|aide|venu|decroche)",
            "(?:aucune|jamais de|pas de) (?:reponse|solution|retour|suivi|aide)",
            "(?:livraison|colis|commande|paquet)s? (?:\\w+ ){0,3}(?:en retard|retard|jamais|perdu|perdue|abime"
                + "|abimee|endommage|incomplet|incomplete|manquant|errone|fausse|pas arrive|pas recu)",
            "(?:retards?) (?:de|du|des) (?:livraison|colis|commande|train)",
            "(?:erreur|erreurs) (?:de|sur|dans) (?:la |ma |les |mes )?(?:facture|facturation|prelevement|compte)",
            "(?:facture|factures|facturation) (?:\\w+ )?(?:errone|fausse|incorrect|gonfle)\\w*",
            "(?:prelevement|debit|paiement)s? (?:\\w+ )?(?:errone|injustifie|en double)\\w*",
            "promis (?:\\w+ ){0,2}(?:rappel|technicien|remboursement|retour|geste)",
            "(?:preleve|facture|debite)\\w* (?:\\w+ )?(?:deux fois|a tort|en double|sans|trop)",
            "(?:frais|couts|charges) (?:\\w+ )?(?:caches|cachees|supplementaires|imprevus|imprevues|inattendus"
                + "|inexpliques|surprises|non prevus|en plus|abusifs)",
            "(?:incompetent\\w*|incompetence|aucune idee|aucune competence|ne savait pas|ne savaient pas"
                + "|ne connaissait rien|ne connaissaient rien)",
            "(?:technicien|livreur|installateur)s? (?:n'est )?(?:\\w+ )?(?:jamais venu|pas venu|jamais passe"
                + "|pas passe)",
            "(?:rendez-vous|rdv) (?:\\w+ )?(?:manque|annule|rate|pas honore)",
            "(?:carte|compte) (?:\\w+ ){0,3}(?:bloque|bloquee|gele|gelee|suspendu)",
            "(?:cours|seances) (?:\\w+ ){0,2}(?:annule|annules|complet|complets|surcharge|bondes?)",
            "(?:renvoye|balade|transfere) (?:\\w+ ){0,2}(?:service en service|l'un a l'autre|conseiller en conseiller)",
            "(?:reclamation|reclamations|plainte|plaintes) (?:\\w+ )?(?:ignore|sans reponse|restee)\\w*",
            "(?:chatbot|robot|serveur vocal)")
        .topic(SERVICE_FAILURE, "service client", "sav", "remboursement", "livraison", "attente")
        .hint(SERVICE_FAILURE, "service", "support", "facture")
        .decisive(PRODUCT_QUALITY, "rendu l'ame")
        .strong(
            PRODUCT_QUALITY,
            "(?:bug|bugs|bugue|beug|beugue|beugait|buggait|plantage|plantages|plante|plantait|crash)\\w*",
            "(?:fig|freez)\\w*",
            "(?:ne )?(?:fonctionne|fonctionnait|marche|marchait|marchent|fonctionnent) (?:\\w+ )?(?:pas|jamais|mal"
                + "|plus)",
            "(?:casse|cassee|casses|abime|defectueu\\w*|dechire|decousu|troue)\\w*",
            "(?:mauvaise|piètre|piètre|pietre|mediocre|faible|baisse de|mauvais) (?:qualite|image|son|produit"
                + "|produits|materiel|finition|contenu)",
            "qualite (?:\\w+ )?(?:mediocre|deplorable|en baisse|decevante|nulle|baisse|laisse a desirer)",
            "(?:ne )?(?:charge|s'allume|demarre|se connecte|tient la charge)\\w* (?:\\w+ )?plus",
            "(?:lent|lente|lenteur|lenteurs|rame|ramait|saccade\\w*|buffering|mise en memoire|instable|inutilisable"
                + "|pas fiable|peu fiable)",
            "(?:donnees|fichiers|photos) (?:\\w+ )?(?:perdu|perdues|perdus|effaces)",
            "(?:sale|sales|salete|crasseu\\w*|degoutant\\w*|moisi\\w*|insalubre|puait|pue|hygiene)",
            "(?:machines|appareils|tapis|douches|vestiaires|equipements)\\w* (?:\\w+ ){0,4}(?:en panne|cass\\w*"
                + "|hors service|sales)",
            "(?:pas conforme|non conforme|pas comme (?:decrit|annonce|sur la photo))",
            "(?:mauvais|faux|errones) (?:conseils|informations|resultats)")
        .topic(PRODUCT_QUALITY, "qualite", "lent")
        .strong(
            PRODUCT_CHANGE,
            "(?:nouvelle|nouveau|nouvelles|nouveaux) (?:version|interface|design|appli|application|formule|offre"
                + "|tarif|tarifs|grille|conditions|cgv|proprietaire|direction|gerant|menu|planning|systeme|site"
                + "|mise en page)",
            "(?:derniere|recente) (?:mise a jour|maj|version)",
            "mise a jour",
            "(?:supprime|retire|enleve|change|modifie|remplace|abandonne|arrete)\\w* (?:\\w+ ){0,2}(?:la |le |les |l'|mon"
                + " |ma |mes |notre |nos |leur |leurs )",
            "(?:n'est plus|ne sont plus|n'existe plus|ne propose plus|ne proposent plus|n'offre plus|n'inclut plus"
                + "|plus disponible|plus inclus|plus inclue|plus propose)",
            "(?:avant|auparavant|autrefois) (?:\\w+ )?(?:il y avait|c'etait|on avait|on pouvait|etait)",
            "(?:publicite|publicites|pubs) (?:\\w+ )?(?:ajoute|maintenant|desormais|partout|rajoute)\\w*",
            "(?:maintenant|desormais) (?:\\w+ )?(?:avec|des|de la) (?:pub|pubs|publicite|publicites)",
            "(?:rachat|rachete|fusion|fusionne|repris par)",
            "(?:agence|magasin|boutique|salle|club) (?:\\w+ ){0,4}(?:ferme|fermee|fermeture)",
            "(?:horaires|planning) (?:\\w+ )?(?:change|modifie|reduit|reduits)\\w*",
            "(?:force|forcee|oblige|obligee)s? (?:de |a |d')")
        .hint(PRODUCT_CHANGE, "changement\\w*", "modification\\w*")
        .strong(
            MISSING_FEATURE,
            "(?:manque|manquait|manquent|manquaient|manquante|manquantes|absence)",
            "(?:pas de |pas d'|aucune |aucun |trop peu de |peu de |pas assez de |sans )(?:\\w+ )?(?:fonction|fonctionnalite"
                + "|fonctionnalites|option|options|integration|api|choix|contenu|films|series|cours|agences|application"
                + "|appli|export|distributeur|distributeurs|tailles|produits|parking|piscine|sauna|garderie|offre"
                + "|mode hors ligne|hors ligne|compte joint|virement|paiement)",
            "(?:hors ligne|hors connexion|compte joint)",
            "(?:fonctionnalite\\w*|fonctions?\\b|integration\\w*|compatib\\w*)",
            "(?:ne )?(?:propose|proposait|offre|offrait|permet|permettait|gere|gerait|accepte|acceptait|supporte"
                + "|avait|a) (?:\\w+ )?(?:pas|jamais|aucun|aucune)",
            "(?:il n'y a pas|il n'y avait pas|y a pas|y avait pas)",
            "(?:j'aurais|on aurait|nous aurions|j'avais|nous avions) (?:eu )?(?:besoin|voulu|aime)",
            "(?:pas|non|uniquement|seulement) (?:\\w+ )?(?:disponible|compatible|possible|prevu)",
            "(?:catalogue|choix|selection|offre) (?:\\w+ )?(?:trop )?(?:limite|pauvre|restreint|faible|maigre)")
        .strong(
            COMPETITOR_OFFER,
            "(?:concurren|concurrent)\\w*",
            "(?:passe|parti|partie|alle|allee|change|changer|passer|partir)s? (?:\\w+ ){0,2}(?:chez|vers|pour|a la"
                + " concurrence)",
            "(?:autre|nouvel|nouveau|nouvelle|meilleur|meilleure) (?:operateur|fournisseur|banque|salle|club|prestataire"
                + "|offre|service|plateforme|outil|logiciel|association|enseigne|boutique|magasin|abonnement|appli)",
            "(?:meilleure|meilleur) (?:offre|prix|tarif|taux|affaire|proposition)",
            "(?:moins cher|moins chere|plus avantageu\\w*|plus interessant\\w*) (?:\\w+ )?(?:ailleurs|chez|avec"
                + "|en face)",
            "(?:ailleurs|en face)",
            "(?:meilleur|meilleure) (?:rapport|qualite)",
            "(?:propose|offert|offre|proposait)\\w* (?:\\w+ )?(?:mieux|moins cher|une meilleure|un meilleur|gratuit)",
            "(?:prime|bonus|offre) (?:de bienvenue|de parrainage|d'ouverture)",
            "alternative\\w*",
            "(?:free|sfr|orange|bouygues|sosh|red|boursorama|boursobank|revolut|n26|fortuneo|hello bank|netflix"
                + "|disney|spotify|deezer|amazon|prime|canal|basic fit|basic-fit|fitness park|decathlon|leclerc"
                + "|carrefour|lidl|aldi|shein|temu)\\b(?: \\w+)?")
        .strong(
            BUDGET_CUT,
            "budget\\w*",
            "(?:restrictions?|coupes?|reductions?) (?:budgetaires?|de budget|des depenses|de couts)",
            "(?:reduire|reduit|reduis|reduisons|limiter|couper|faire) (?:\\w+ )?(?:les |mes |nos )?(?:depenses"
                + "|couts|frais|economies|budget)",
            "(?:economies|economiser)",
            "(?:chomage|chomeu\\w*|perdu (?:mon|son|notre) (?:emploi|travail|boulot|job)|licencie\\w*|licenciement"
                + "|sans emploi|au rsa)",
            "(?:n'ai plus|n'avons plus|pas|plus) (?:les )?moyens",
            "(?:fin de mois|fins de mois) (?:\\w+ )?(?:difficile|dure)\\w*",
            "(?:difficultes|soucis|problemes|situation) (?:\\w+ )?financier\\w*",
            "(?:inflation|cout de la vie|pouvoir d'achat|loyer (?:a |qui )?augmente)",
            "(?:retraite|pension) (?:\\w+ )?(?:petite|faible|modeste)",
            "(?:plus d'argent|pas d'argent|manque d'argent|serrer la ceinture)",
            "(?:subventions?|financement) (?:\\w+ ){0,3}(?:supprime|coupe|baisse|arrete|reduit)\\w*")
        .topic(BUDGET_CUT, "argent", "moyens")
        .decisive(
            PRICE,
            "trop (?:cher|chere|chers|cheres|onereu\\w*|couteu\\w*|eleve|elevee|eleves|elevees)",
            "hors de prix",
            "(?:beaucoup|bien) trop cher\\w*",
            "arnaque")
        .strong(
            PRICE,
            "(?<!moins )(?<!plus )(?:cher|chere|chers|cheres|onereu\\w*|couteu\\w*)\\b",
            "(?:hausse|augmentation|augmentations|hausses) (?:\\w+ ){0,2}(?:prix|tarif|tarifs|cotisation"
                + "|abonnement|frais)",
            "(?:prix|tarif|tarifs|abonnement|cotisation|frais|forfait|mensualite)s? (?:\\w+ ){0,2}(?:augmente"
                + "|augmentent|double|grimpe|explose|trop eleve|trop haut|excessif|abusif)\\w*",
            "(?:augmente|double|gonfle)\\w* (?:\\w+ ){0,2}(?:prix|tarif|tarifs|cotisation|abonnement|frais)",
            "(?<!meilleur )(?<!meilleure )(?:rapport qualite[- ]prix|qualite[- ]prix)",
            "(?:coute|coutait|paye|payer|facture|payais)\\w* (?:\\w+ ){0,2}(?:le double|deux fois plus|le triple)",
            "(?:vaut|valait|vaux) (?:pas|plus) (?:le coup|la peine|son prix|le prix|l'argent)",
            "(?:frais (?:de tenue de compte|bancaires|de dossier|d'inscription|mensuels|de carte))",
            "(?:paie|paye|payer|payais|coute|coutait) (?:\\w+ ){0,2}(?:trop|beaucoup trop|une fortune)")
        .topic(PRICE, "prix", "tarifs?", "frais", "moins cher\\w*", "\\d+ ?(?:euros?|\\u20ac)")
        .strong(
            NO_LONGER_NEEDED,
            "(?:n'ai|n'avons|n'a|n'avais|ai|avons|n'en ai|n'en avons|n'en a) (?:\\w+ )?plus (?:vraiment )?"
                + "(?:besoin|l'utilite|d'utilite|le temps)",
            "plus besoin",
            "(?:ne |n')(?:l'|les |la |le )?(?:utilise|utilisais|utilisons|regarde|regardais|ecoute|vais|allais|sers"
                + "|servais|frequente|joue)\\w* (?:\\w+ )?(?:plus|jamais|presque jamais|pas assez|quasiment plus"
                + "|rarement)",
            "(?:rarement|peu|presque jamais|jamais) (?:\\w+ )?(?:utilise|servi|regarde|alle|connecte)\\w*",
            "(?:n'y |ne )?(?:vais|allais|allait|suis alle|utilisais|utilise|regardais|regarde) (?:\\w+ )?(?:presque"
                + " jamais|jamais|rarement|plus|peu)",
            "tout (?:vu|regarde)",
            "(?:ne me sert|ne nous sert|ne servait) (?:plus|a rien)",
            "(?:arrete|arretee|abandonne|abandonnee|fini|termine|terminee|acheve)s? (?:de |d'|le |la |mes |mon |ma |mon )?",
            "(?:projet|etudes|formation|saison|serie|chantier|contrat|travaux) (?:\\w+ )?(?:termine|fini|acheve)\\w*",
            "(?:ferme|vendu|cede|liquide|cesse) (?:\\w+ )?(?:mon|notre|la|ma) (?:entreprise|societe|boutique|commerce"
                + "|cabinet|activite|restaurant|magasin)",
            "(?:cessation d'activite|retraite)",
            "(?:enfants|fils|fille) (?:\\w+ )?(?:grands|partis|quitte la maison)",
            "(?:blessure|blesse|blessee|operation|enceinte|grossesse|maladie|malade|sante)",
            "(?:pas le temps|plus le temps|manque de temps|trop occupe\\w*|pas assez de temps)",
            "(?:plus interesse|perdu l'interet|plus d'interet|aucun interet)",
            "(?:seulement|uniquement|juste) (?:\\w+ )?pour (?:un|une|le|la)",
            "(?:mon employeur|ma boite|mon entreprise|mon travail|mon ecole) (?:\\w+ )?(?:fournit|paie|offre|prend)",
            "(?:plus utile|inutile pour moi|plus necessaire)")
        .hint(NO_LONGER_NEEDED, "plus")
        .strong(
            MOVED,
            "(?:demenag|demenagement|expatri|emigr)\\w*",
            "(?:installe|installee|installes|parti|partie|partis|vis|vit|vivons|habite|habitons)s? (?:\\w+ )?"
                + "(?:a l'etranger|en province|dans le sud|dans le nord|dans une autre|au canada|en belgique|en suisse"
                + "|a \\w+|en \\w+)",
            "(?:nouvelle|nouveau|autre) (?:ville|pays|region|adresse|logement|appartement|maison)",
            "(?:pars|partons|part|parti\\w*|vais|allons) (?:vivre|habiter|m'installer|nous installer|s'installer)",
            "(?:a l'etranger|hors de france|outre-mer)",
            "(?:pas|aucune?|plus) (?:de |d')?(?:agence|magasin|salle|club|boutique)s? (?:\\w+ )?(?:pres|a proximite"
                + "|dans ma ville|dans le coin)",
            "(?:trop loin|loin de chez moi|a \\d+ ?km)",
            "(?:hors|en dehors) (?:de la |du )?(?:zone|secteur)",
            "mutation|mute|mutee",
            "(?:j'habite|nous habitons|je vis|nous vivons|on habite|on vit) (?:maintenant|desormais|aujourd'hui)");
  }
}
