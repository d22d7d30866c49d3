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

/** Spanish phrases for each exit category. Normalised text: lower case, no accents ({@code ñ} is {@code n}). */
final class SpanishCues {
  private static final String MESSAGES =
      "(?:e-?mails?|correos?|mensajes?|sms|llamadas|newsletters?|boletines"
          + "|notificaciones|publicidad|promociones|ofertas|cartas|folletos|catalogos|whatsapps?|boletin)";

  private SpanishCues() {}

  static Cues cues() {
    return new Cues()
        .decisive(
            DECEASED,
            "falleci\\w*",
            "(?:ha|han) muerto",
            "murio",
            "(?:esta|estan) muert[oa]s?",
            "defuncion",
            "(?:herencia|herederos?|albacea|sucesion)",
            "funeral",
            "en memoria de",
            "q\\.?e\\.?p\\.?d")
        .decisive(
            LEGAL_HOLD,
            "abogad[oa]s?",
            "(?:acciones|via|medidas) (?:legales|judicial)",
            "demanda\\w*",
            "tribunal\\w*",
            "juicio",
            "litigio",
            "denuncia\\w*",
            "juzgado",
            "burofax")
        .decisive(
            DO_NOT_CONTACT,
            "no (?:me |nos )?(?:vuelvan|vuelva) a (?:llamar|contactar|escribir|molestar)",
            "(?:dejen|deje|dejad) de (?:llamar|contactar|escribir|molestar|enviar)\\w*",
            "(?:borren|eliminen|borrad|eliminad|borrar|eliminar|supriman) (?:todos )?(?:mis|nuestros) datos",
            "(?:no|nunca) (?:me |nos )?(?:contacten|llamen|escriban|molesten) (?:mas|nunca)",
            "(?:dejenme|dejeme|dejadme) en paz",
            "rgpd",
            "lista robinson",
            "(?:quitenme|saquenme|borrenme|eliminenme) de")
        .strong(
            TOO_MANY_MESSAGES,
            "demasiad[oa]s " + MESSAGES,
            "(?:tant[oa]s|much[oa]s|un monton de|un sinfin de) " + MESSAGES,
            "spam\\w*",
            MESSAGES
                + " (?:\\w+ ){0,2}(?:todos los dias|cada dia|a diario|cada semana|sin parar|constantes|constantemente"
                + "|continuamente|varias veces)",
            "(?:acoso|acosad|bombarde|inund|saturad|agobi|harto de)\\w*",
            "(?:llaman|llamaban|escriben|escribian|mandan|mandaban|envian|enviaban|insisten|insistian)\\w* (?:\\w+ )?"
                + "(?:todos los dias|cada dia|a diario|sin parar|constantemente|continuamente|a todas horas"
                + "|cada dos por tres)",
            "(?:no paran|no paraban|no dejan|no dejaban) de (?:llamar|escribir|mandar|enviar)",
            "(?:llamadas|publicidad) (?:comerciales|insistentes|agresivas)",
            "(?:demasiado|muy) (?:a menudo|frecuente|seguido|insistentes?|pesados?)",
            "(?:pesados|pesadisimos|cansinos)")
        .topic(TOO_MANY_MESSAGES, "darme de baja de", "desuscrib\\w*", "newsletter")
        .strong(
            STAFF_ATTITUDE,
            "(?:maleducad|mal educad|grosero|grosera|groseros|groseras|borde|bordes|antipatic|prepotent|prepotenc"
                + "|arrogant|despectiv|irrespetuos|desagradable|chulo|chula|chulos|altaner|condescendient|agresiv"
                + "|maltrat|humill|insult|faltas de respeto|falta de respeto|mal trato|trato pesimo|pesimo trato"
                + "|mal tratad|poco profesional)\\w*",
            "(?:me|nos) (?:\\w+ )?(?:colgaron|colgo|gritaron|grito|trataron mal|trato mal|trataron fatal|trato fatal"
                + "|trataron como|ignoraron|ignoro|hablo mal"
                + "|hablaron mal|se rieron|se rio)",
            "(?:trato|actitud) (?:\\w+ )?(?:del|de la|de los|de las) (?:\\w+ )?(?:personal|empleados|empleada|empleado"
                + "|dependient\\w*|comercial\\w*|entrenador\\w*|monitor\\w*|cajer\\w*|agente\\w*|recepcion\\w*)",
            "(?:como si fuera|como a un) (?:tonto|idiota|estupido|nadie)")
        .hint(
            STAFF_ATTITUDE,
            "personal",
            "empleados?",
            "dependient\\w*",
            "comercial\\w*",
            "monitor\\w*",
            "trato",
            "actitud")
        .strong(
            FELT_UNAPPRECIATED,
            "(?:no|nunca|poco) (?:me |nos )?(?:\\w+ )?(?:valorad|valoran|valoraron|apreciad|aprecian|agradec\\w*"
                + "|reconoc\\w*|cuidan|cuidaron|tuvieron en cuenta)\\w*",
            "(?:solo|un) (?:un )?numero mas",
            "(?:fidelidad|clientes fieles|clientes de toda la vida|antiguos clientes|clientes antiguos)"
                + " (?:\\w+ ){0,3}(?:premia\\w*|nada|ignor\\w*|castig\\w*|olvid\\w*|no cuenta|no vale)",
            "(?:solo|solamente|unicamente) (?:para|a) (?:los )?(?:nuevos clientes|clientes nuevos|nuevos socios)",
            "(?:nuevos clientes|clientes nuevos) (?:tienen|reciben|consiguen|obtienen)",
            "(?:ni un|ningun|nunca un|sin un) (?:gracias|agradecimiento|detalle|gesto)",
            "(?:nunca|jamas) (?:mas )?(?:supe|supimos|tuve|tuvimos|recibi|recibimos) (?:nada |noticias )",
            "(?:nadie|ninguno) (?:me |nos )?(?:\\w+ )?(?:llamo|contacto|agradecio|pregunto|se intereso|se preocupo)",
            "(?:olvidad|ignorad|abandonad|desatendid|invisible)\\w*",
            "(?:ignoran|ignoraron|pasan de)",
            "(?:preguntar|saber) (?:si|como) (?:estaba|estabamos|iba|me iba|nos iba)")
        .strong(FELT_UNAPPRECIATED, "para (?:preguntar|saber) (?:si|como)")
        .strong(MISSING_FEATURE, "modo (?:sin conexion|offline|oscuro)")
        .topic(
            FELT_UNAPPRECIATED,
            "fidel\\w*",
            "(?:\\d+|diez|veinte|quince|cinco|muchos) anos",
            "de toda la vida")
        .strong(
            SERVICE_FAILURE,
            "(?:caida|caidas|corte|cortes|averia|averias|apagon|interrupcion|interrupciones)",
            "(?:red|internet|conexion|wifi|fibra|linea|servidor|pagina|web|app|aplicacion|sistema|banca online"
                + "|banca en linea|cajero|cajeros)\\w* (?:\\w+ ){0,2}(?:caid[oa]|se caia|se cae|se cayo|no funciona"
                + "|no funcionaba|fuera de servicio|inaccesible|no va|no iba)",
            "(?:sin|poca|mala|nula|ninguna|no hay|no tengo|no tenia|no tenemos) (?:cobertura|senal|conexion|red"
                + "|internet|velocidad)",
            "bloquearon (?:\\w+ )?(?:la |mi )?(?:tarjeta|cuenta)",
            "(?:siguieron|seguian|siguen|continuaron) cobrando",
            "despues de (?:darme|darnos|dar) de baja",
            "(?:atencion al cliente|servicio al cliente|servicio tecnico|soporte|asistencia|sat)"
                + " (?:\\w+ ){0,3}(?:pesim\\w*|nefast\\w*|horrible|inexistente|malisim\\w*|fatal|lament\\w*"
                + "|deficiente|incompetente|inutil|desastros\\w*|un desastre|mala|malo|lento)",
            "(?:pesim|nefast|malisim|horribl|fatal|mal)\\w* (?:atencion|servicio|soporte|asistencia)",
            "(?:nunca|no|sin|todavia no|aun no|jamas) (?:me |nos |lo |la |se )?(?:\\w+ )?(?:resolvi\\w*|soluciona"
                + "\\w*|arregla\\w*|reembols\\w*|devolvi\\w*|contesta\\w*|respondi\\w*|entrega\\w*"
                + "|recibi\\w*|repara\\w*|tramita\\w*)",
            "(?:horas|semanas|dias|meses|una hora|\\d+ minutos) (?:\\w+ )?(?:esperando|de espera|en espera|al telefono)",
            "(?:esperas|espera|colas|cola) (?:\\w+ )?(?:interminables?|larguisim\\w*|eternas?|enormes?|muy largas?)",
            "(?:tiempos? de espera|lista de espera)",
            "(?:nadie|ningun agente) (?:me |nos )?(?:\\w+ )?(?:contesta|contesto|respondia|respondio|atendio|ayudo"
                + "|solucion\\w*|vino|llamo)",
            "(?:ninguna|sin|nunca) (?:respuesta|solucion|ayuda)",
            "(?:pedido|paquete|envio|entrega|compra)s? (?:\\w+ ){0,3}(?:tarde|retras\\w*|nunca|perdid\\w*|danad\\w*"
                + "|roto|rota|incomplet\\w*|equivocad\\w*|no llego)",
            "(?:retraso|retrasos) (?:\\w+ )?(?:en|del|de la|de los) (?:entrega|envio|pedido|paquete)",
            "(?:error|errores) (?:\\w+ )?(?:en|de) (?:la |las |mi |mis )?(?:factura|facturas|facturacion|cobro|recibo)",
            "(?:factura|facturas|recibos?) (?:\\w+ )?(?:erronea|erroneas|equivocad\\w*|inflad\\w*|incorrect\\w*)",
            "(?:cargo|cobro|recibo)s? (?:\\w+ )?(?:erroneo|indebido|equivocado|duplicado)\\w*",
            "(?:prometieron|prometio|me prometen) (?:\\w+ ){0,2}(?:llamada|tecnico|reembolso|solucion|devolucion)",
            "(?:cobraron|cobrado|cobran|cobro|cargaron|cargado)\\w* (?:\\w+ ){0,2}(?:dos veces|doble|de mas|sin"
                + "|indebid\\w*|por error)",
            "(?:cargos|cobros|gastos|costes|costos|comisiones) (?:\\w+ )?(?:ocult\\w*|extra|adicional\\w*|inesperad\\w*"
                + "|sorpresa|indebid\\w*|abusiv\\w*|no autorizad\\w*)",
            "(?:incompeten\\w*|no tenian ni idea|no tenia ni idea|ni idea de|no sabian|no sabia nada|inutiles)",
            "(?:tecnico|instalador|repartidor|mensajero)\\w* (?:\\w+ )?(?:nunca vino|no vino|no aparecio|nunca"
                + " aparecio|no se presento)",
            "(?:cita|citas) (?:\\w+ )?(?:cancelad\\w*|anulad\\w*|perdid\\w*)",
            "(?:tarjeta|cuenta) (?:\\w+ )?(?:bloquead\\w*|congelad\\w*|suspendid\\w*)",
            "(?:clases|sesiones) (?:\\w+ ){0,2}(?:cancelad\\w*|llenas|abarrotad\\w*|completas|suspendid\\w*)",
            "(?:de un departamento a otro|pasandome de uno a otro|me pasaban de)",
            "(?:reclamacion|reclamaciones|queja|quejas) (?:\\w+ )?(?:ignorad\\w*|sin respuesta|sin resolver)",
            "(?:chatbot|robot|contestador|maquina contestadora)")
        .topic(SERVICE_FAILURE, "atencion al cliente", "reembolso", "entrega", "espera")
        .hint(SERVICE_FAILURE, "servicio", "soporte", "factura")
        .strong(
            PRODUCT_QUALITY,
            "(?:bug|bugs|fallo|fallos|falla|fallaba|fallan|error|errores|cuelg|se colgaba|se cuelga|se bloquea"
                + "|crash|pete|petaba|peta|se cerraba|se cierra)\\w*",
            "(?:no )?(?:funciona|funcionaba|funcionan|funcionaban|va|iba) (?:\\w+ )?(?:mal|fatal|lent\\w*|nunca)",
            "no (?:\\w+ )?(?:funciona|funcionaba|funcionan|funcionaban)",
            "(?:dejo|dejaron|ha dejado|han dejado) de (?:funcionar|cargar|encender|conectar)",
            "(?:roto|rota|rotos|rotas|rompi\\w*|se rompio|defectuos\\w*|estropead\\w*|descosid\\w*|desgastad\\w*)",
            "(?:mala|baja|pesima|poca|peor|mediocre) (?:calidad|imagen|sonido|senal de video|producto|material)",
            "calidad (?:\\w+ )?(?:pesima|mala|bajo|baja|mediocre|horrible|empeoro|ha bajado|deja mucho que desear)",
            "(?:lent[oa]|lentisim[oa]|se traba|trabas|inestable|inservible|inutilizable|poco fiable|no es fiable"
                + "|se corta|cortes de imagen|pixelad\\w*|buffering)",
            "(?:datos|archivos|fotos) (?:\\w+ )?(?:perdid\\w*|borrad\\w*)",
            "(?:suci[oa]s?|suciedad|mugre|mugrient\\w*|asquero\\w*|huele|olor|moho|cucarach\\w*|higiene)",
            "(?:maquinas|aparatos|cintas|duchas|vestuarios|taquillas)\\w* (?:\\w+ ){0,4}(?:rot\\w*|averiad\\w*"
                + "|fuera de servicio|estropead\\w*|suci\\w*)",
            "(?:no era|no es|nada) como (?:en la foto|se describia|anunciaban|prometian)",
            "(?:podrid\\w*|caducad\\w*|en mal estado|pasad[oa]s)",
            "se (?:estropeo|rompio|averio|estropeaba|rompia|averiaba)",
            "(?:nunca|jamas) (?:\\w+ )?(?:funciona|funcionaba|funcionan|funcionaban)")
        .topic(PRODUCT_QUALITY, "calidad", "lento")
        .strong(
            PRODUCT_CHANGE,
            "(?:nueva|nuevo|nuevas|nuevos) (?:version|diseno|interfaz|app|aplicacion|tarifa|tarifas|condiciones"
                + "|dueno|duenos|gerencia|propietario|menu|horario|sistema|web|formato|plan|planes)",
            "(?:ultima|ultimas|reciente) (?:actualizacion|actualizaciones|version)",
            "actualizacion",
            "(?:quitaron|quitado|eliminaron|eliminado|retiraron|cambiaron|cambiado|suprimieron|modificaron"
                + "|dejaron de ofrecer|dejaron de incluir)",
            "ya no (?:\\w+ )?(?:ofrecen|incluye|incluyen|tiene|tienen|hay|esta disponible|venden|dan)",
            "(?:antes|antes si) (?:\\w+ )?(?:habia|tenia|incluia|era|podia|funcionaba bien|estaba)",
            "(?:anuncios|publicidad) (?:\\w+ )?(?:ahora|anadido|metido|por todas partes|en todo)",
            "(?:ahora|ahora hay|ahora con) (?:\\w+ )?(?:anuncios|publicidad)",
            "(?:fusion|fusionado|compraron la empresa|absorbid\\w*|nueva propiedad)",
            "(?:oficina|sucursal|tienda|gimnasio|centro) (?:\\w+ )?(?:cerro|cerraron|cerrad\\w*|cierre)",
            "(?:cerraron|cerro|han cerrado|ha cerrado) (?:\\w+ )?(?:la |el )?(?:oficina|sucursal|tienda|gimnasio|centro)",
            "(?:metieron|pusieron|anadieron|han metido|han puesto|incluyen|meten) (?:\\w+ )?(?:anuncios|publicidad)",
            "(?:horario|horarios) (?:\\w+ )?(?:cambi\\w*|reducid\\w*|recortad\\w*)",
            "(?:obligaron|obligado|obligan|forzaron) a")
        .topic(PRODUCT_CHANGE, "cambios?", "cambiaron")
        .strong(
            MISSING_FEATURE,
            "(?:falta|faltaba|faltan|faltaban|carece|carecia|echo de menos|echaba de menos)",
            "(?:no|nunca) (?:\\w+ )?(?:tiene|tenia|tienen|tenian|ofrece|ofrecia|ofrecen|permite|permitia|admite"
                + "|admitia|incluye|incluia|integra|soporta|hay|habia|acepta|aceptaba)",
            "(?:sin|no hay|no tiene) modo",
            "(?:sin|ninguna|ningun|pocas|pocos|poca|poco) (?:\\w+ )?(?:funcion|funciones|funcionalidad\\w*|opcion"
                + "|opciones|integracion|api|variedad|catalogo|contenido|peliculas|series|clases|sucursales|oficinas"
                + "|cajeros|app|aplicacion|exportar|tallas|productos|aparcamiento|piscina|sauna|guarderia)",
            "(?:funcion\\b|funciones\\b|funcionalidad\\w*|integracion\\w*|compatib\\w*)",
            "(?:necesitaba|necesitabamos|me hubiera gustado|nos hubiera gustado|ojala)",
            "(?:no|solo) (?:\\w+ )?(?:disponible|compatible|posible)",
            "(?:catalogo|seleccion|oferta|surtido) (?:\\w+ )?(?:muy |demasiado )?(?:limitad\\w*|pobre|escas\\w*"
                + "|reducid\\w*|pequen\\w*)")
        .strong(
            COMPETITOR_OFFER,
            "competencia",
            "competidor\\w*",
            "(?:me cambie|nos cambiamos|me he cambiado|nos hemos cambiado|cambie|cambiamos|me paso|me pase"
                + "|portabilidad)\\w* (?:\\w+ ){0,2}(?:a|con|por)",
            "(?:me fui|me voy|me he ido|nos fuimos|nos vamos|me marcho) (?:a|con) (?:la competencia|otr\\w*)",
            "(?:otra|otro|nueva|nuevo) (?:compania|operador|operadora|proveedor|banco|gimnasio|gym|plataforma"
                + "|empresa|servicio|app|aplicacion|herramienta|tienda|entidad|ong|asociacion|marca|club)",
            "(?:mejor|mejores) (?:oferta|ofertas|precio|precios|tarifa|condiciones|trato|interes) (?:\\w+ )?(?:en"
                + " otr\\w*|en la competencia|con otr\\w*|de otr\\w*|fuera)",
            "(?:mas barat[oa]|mas economic[oa]) (?:\\w+ )?(?:en otr\\w*|con otr\\w*|fuera|en la competencia)",
            "(?:me ofrecieron|nos ofrecieron|me ofrecen|nos ofrecen|me daban|me dan) (?:\\w+ )?(?:mas|mejor|una"
                + " oferta|un precio|gratis)",
            "(?:en otro sitio|en otra parte|en otro lado)",
            "alternativa\\w*",
            "(?:movistar|vodafone|orange|yoigo|digi|masmovil|pepephone|lowi|jazztel|o2|simyo|bbva|santander"
                + "|caixabank|bankinter|ing|openbank|revolut|n26|netflix|hbo|max|disney|spotify|amazon|prime"
                + "|filmin|dazn|basic fit|basic-fit|mcfit|altafit|anytime|decathlon|mercadona|lidl|aldi|shein"
                + "|temu|zara)\\b(?: \\w+)?")
        .decisive(
            BUDGET_CUT,
            "(?:retiraron|quitaron|recortaron|cancelaron) (?:\\w+ )?(?:la |las |el |los )?(?:subvencion\\w*|financiacion"
                + "|fondos|ayudas?)")
        .strong(
            BUDGET_CUT,
            "presupuesto\\w*",
            "(?:recortes?|reduccion(?:es)?) (?:\\w+ )?(?:de |en )?(?:gastos|presupuesto|costes|costos|personal)",
            "(?:recortar|reducir|ahorrar|ajustar|apretar) (?:\\w+ )?(?:gastos|costes|costos|el cinturon|dinero)",
            "(?:ahorr|recort)\\w*",
            "(?:paro|desemplead\\w*|perdi (?:el|mi) (?:trabajo|empleo)|me despidieron|despido|sin trabajo|erte"
                + "|en el paro)",
            "(?:no|ya no) (?:me |nos )?(?:lo )?(?:puedo|podemos|podia|podiamos) (?:\\w+ )?(?:pagar|permitir|costear"
                + "|asumir)",
            "(?:no llego|no llegamos|no llegaba) a fin de mes",
            "(?:situacion|problemas|dificultades|motivos) (?:\\w+ )?economic\\w*",
            "(?:inflacion|coste de la vida|costo de la vida|la luz|el alquiler|la hipoteca) (?:\\w+ )?(?:subio"
                + "|sube|ha subido|por las nubes)",
            "(?:jubilacion|pension) (?:\\w+ )?(?:pequena|baja|minima)",
            "(?:sin dinero|poco dinero|falta de dinero|menos dinero|crisis)",
            "(?:subvencion|subvenciones|financiacion|fondos) (?:\\w+ )?(?:recortad\\w*|retirad\\w*|cancelad\\w*)")
        .topic(BUDGET_CUT, "dinero", "economic\\w*")
        .decisive(
            PRICE,
            "(?:demasiado|muy|carisim|super|bastante|excesivamente) (?:car[oa]s?|costos[oa]s?)",
            "carisim\\w*",
            "abusiv[oa]s?",
            "un robo",
            "una estafa")
        .strong(
            PRICE,
            "(?:car[oa]s?|costos[oa]s?)\\b",
            "(?:subida|subidas|aumento|aumentos|incremento|incrementos) (?:\\w+ ){0,2}(?:precio|precios|tarifa"
                + "|tarifas|cuota|cuotas|comisiones|suscripcion)",
            "(?:precio|precios|tarifa|tarifas|cuota|cuotas|mensualidad|suscripcion|comision|comisiones)"
                + " (?:\\w+ ){0,3}(?:subio|subieron|sube|suben|ha subido|han subido|aumento|aumentaron|se duplico"
                + "|demasiado alt\\w*|muy alt\\w*|excesiv\\w*|por las nubes)",
            "(?:subieron|subio|han subido|ha subido|aumentaron|duplicaron) (?:\\w+ ){0,2}(?:precio|precios|tarifa"
                + "|cuota|comisiones)",
            "(?:no|ya no) (?:\\w+ )?(?:vale|merece|compensa) (?:la pena|lo que cuesta|el precio)",
            "(?:calidad[- ]precio|relacion calidad)",
            "(?:cuesta|costaba|pago|pagaba|cobran|cobraban|cobraron)\\w* (?:\\w+ ){0,2}(?:el doble|el triple)",
            "(?:comision|comisiones) (?:de|por) (?:mantenimiento|tarjeta|transferencia)",
            "(?:pagaba|pago|pagar|cuesta|costaba|cobran) (?:\\w+ ){0,2}(?:demasiado|mucho|un dineral|una pasta)")
        .topic(
            PRICE, "precios?", "tarifas?", "cuotas?", "mas barat\\w*", "\\d+ ?(?:euros?|\\u20ac)")
        .strong(
            NO_LONGER_NEEDED,
            "(?:ya )?no (?:lo |la |los |las )?(?:necesito|necesitamos|uso|usamos|utilizo|utilizamos|veo|vemos|voy"
                + "|iba|usaba|necesitaba|escucho|juego)\\w*",
            "ya no (?:\\w+ )?(?:me hace falta|nos hace falta|lo necesito|tengo tiempo|me interesa|entreno|voy)",
            "(?:apenas|casi nunca|nunca|poco|rara vez) (?:lo |la )?(?:\\w+ )?(?:usaba|uso|utilizaba|iba|veia|voy"
                + "|entraba|entrenaba)",
            "(?:deje|dejamos|he dejado) de (?:usar|ir|entrenar|ver|necesitar|jugar|utilizar|correr)",
            "(?:termine|terminamos|acabe|acabamos|finalic\\w*|he terminado|ha terminado|se acabo|termino|acabo)"
                + " (?:\\w+ ){0,2}(?:proyecto|estudios|curso|carrera|temporada|serie|obra|reforma|contrato|master)?",
            "(?:proyecto|estudios|curso|carrera|temporada|serie|obra|reforma|contrato|master) (?:\\w+ )?(?:termino"
                + "|acabo|ha terminado|se acabo|finalizo)",
            "(?:operaron|operado|operada)",
            "(?:ya )?(?:vi|he visto|vimos|hemos visto) todo",
            "(?:cerre|cerramos|cerrado|vendi|vendimos|traspase|traspasamos) (?:\\w+ )?(?:el|mi|nuestro|la)"
                + " (?:negocio|empresa|tienda|local|restaurante|despacho|bar|consulta)",
            "(?:jubil\\w*|retirad[oa])",
            "(?:hijos|hijo|hija|ninos|ninas) (?:\\w+ ){0,2}(?:se fueron|mayores|se fueron|independizaron|se independizo)",
            "(?:lesion|lesionad\\w*|operacion|embarazad\\w*|embarazo|enfermedad|enferm[oa]|salud)",
            "(?:no tengo tiempo|no tenia tiempo|falta de tiempo|sin tiempo|muy ocupad\\w*|poco tiempo)",
            "(?:perdi el interes|ya no me interesa|no me interesa|sin interes)",
            "(?:solo|solamente) (?:lo |la )?(?:\\w+ )?(?:para|por) (?:un|una|el|la)",
            "(?:mi empresa|mi trabajo|la empresa|el trabajo|mi universidad) (?:\\w+ )?(?:me da|me lo da|paga"
                + "|proporciona|ofrece|incluye)",
            "(?:ya no es necesario|innecesari\\w*|ya no hace falta)",
            "no (?:me |nos )?(?:sirve|servia)")
        .hint(NO_LONGER_NEEDED, "ya no")
        .strong(
            MOVED,
            "(?:mudanza|mudamos|mudado|mude|mudo|mudarme|mudarnos|me mudo|nos mudamos|traslad|emigr)\\w*",
            "(?:nueva|nuevo|otra|otro) (?:ciudad|pais|casa|piso|direccion|region|provincia|zona)",
            "(?:al |en el )?extranjero",
            "(?:fuera de|fuera del) (?:espana|pais|la zona|area|zona de cobertura)",
            "(?:no hay|no tienen|ninguna|ningun) (?:\\w+ )?(?:oficina|sucursal|tienda|gimnasio|centro|club)"
                + " (?:\\w+ )?(?:cerca|cercan\\w*|en mi (?:ciudad|pueblo|zona))",
            "(?:muy lejos|demasiado lejos|me queda lejos|me pilla lejos|a \\d+ ?km)",
            "(?:vivo|vivimos|vivir) (?:ahora )?(?:en|fuera)",
            "ahora (?:vivo|vivimos)",
            "(?:me voy|nos vamos|me fui|nos fuimos|me he ido|nos hemos ido) a vivir",
            "(?:me voy|nos vamos|me fui|nos fuimos|nos mudamos|me mudo) a [a-z]+ (?:por trabajo|por el trabajo)");
  }
}
