"""Hand-written fragments for the Dutch development set (see docs/codebook.md).

Every sentence frame below was written for this project; none is copied from a real document
or from the source articles. A frame may contain slots (``{aanb}``) filled from ``SLOTS`` and
inline alternatives (``[a|b]``). Frames are grouped by their labels: the labels of a frame
hold for every filling, which is why slot fillers are chosen to be label-neutral.

Soort tags: ``""`` any document, ``"i"`` inkoopdocument, ``"r"`` raadsvoorstel,
``"b"`` beleidsplan or meerjarenvisie.
"""

# ruff: noqa: E501
from __future__ import annotations

SLOTS: dict[str, list[str]] = {
    "aanb": [
        "de aanbieders",
        "de jeugdhulpaanbieders",
        "de zorgaanbieders",
        "de aanbieders van begeleiding",
        "de welzijnsorganisaties",
        "de zorg- en welzijnsaanbieders",
        "de gecontracteerde aanbieders",
        "de aanbieders van ambulante jeugdhulp",
        "de maatschappelijke partners",
    ],
    "verz": [
        "de zorgverzekeraar",
        "het zorgkantoor",
        "de zorgverzekeraars",
        "de preferente zorgverzekeraar",
    ],
    "dom": [
        "de jeugdhulp",
        "de Wmo-ondersteuning",
        "de maatschappelijke ondersteuning",
        "beschermd wonen",
        "de jeugd- en gezinsondersteuning",
        "het sociaal domein",
        "de participatie en het werk",
        "de ondersteuning thuis",
    ],
    "team": [
        "het sociaal wijkteam",
        "het buurtteam",
        "het wijkteam",
        "het jeugd- en gezinsteam",
        "het generalistisch team",
        "het sociaal team",
        "het CJG-team",
    ],
    "wijk": [
        "de wijk",
        "de kern",
        "het dorp",
        "de buurt",
    ],
    "aantal": ["860", "1.240", "1.875", "2.310", "3.050", "640", "4.120"],
    "hoogpct": ["68", "72", "76", "81", "84", "88"],
    "kernen": ["drie", "vier", "zes", "negen", "elf"],
    "jaar": ["2025", "2026", "2027", "2028"],
    "per": ["2025-2028", "2026-2029", "2024-2027", "2026-2030"],
    "n": ["12", "14", "17", "23", "31", "38", "45", "52", "64", "87"],
    "pct": ["3", "4,5", "6", "8", "11", "12", "15", "18", "22"],
    "bedrag": ["1,2", "2,8", "3,4", "4,1", "6,5", "7,9", "12,3", "18,6", "24,0", "31,7"],
    "doelgroep": [
        "jeugdigen tot 18 jaar",
        "ouderen die langer thuis wonen",
        "inwoners met een licht verstandelijke beperking",
        "mantelzorgers",
        "inwoners met psychische kwetsbaarheid",
        "gezinnen met meervoudige problemen",
        "jongvolwassenen tussen 18 en 23 jaar",
    ],
    "regio": [
        "de regio Rivierland-West",
        "de jeugdregio Veenstreek",
        "de regio Kustvallei",
        "de inkoopregio Middenmaas",
        "de regio Heuvelrand",
        "de regio Dommeldal",
    ],
    "cgem": [
        "de gemeente Brakelveen",
        "de gemeente Gravenwaard",
        "de gemeente Lindemaas",
        "de gemeente Heukelmond",
        "de gemeente Schelderbeek",
    ],
    "datum": ["1 januari", "1 april", "1 juli", "15 maart", "30 september", "1 oktober"],
    "maand": ["januari", "maart", "juni", "september", "november"],
}

# --- cocreatie: frameworks (strategic, financial, content) set together ----------------------
COCREATIE: list[tuple[str, str]] = [
    (
        "Samen met {aanb} en {verz} stellen we de strategische, financiële en inhoudelijke "
        "kaders voor {dom} op.",
        "b",
    ),
    (
        "De gemeente, {verz} en {aanb} bepalen gezamenlijk welke resultaten we in {per} "
        "willen bereiken en hoe het budget daarover wordt verdeeld.",
        "",
    ),
    ("Het financieel kader voor {dom} wordt in gezamenlijkheid met {aanb} vastgesteld.", ""),
    (
        "We sluiten met {aanb} een partnerschapsovereenkomst waarin gemeente en aanbieders "
        "samen verantwoordelijk zijn voor de opgave.",
        "",
    ),
    (
        "Gemeente en aanbieders vormen een alliantie met één gezamenlijk budget en een "
        "alliantieteam dat besluiten in consensus neemt.",
        "",
    ),
    (
        "In het alliantiecontract leggen opdrachtgever en opdrachtnemers vast dat zij de "
        "doelen, de werkwijze en de bekostiging samen vaststellen en bijstellen.",
        "i",
    ),
    (
        "Opdrachtgever en Opdrachtnemer stellen jaarlijks in gezamenlijk overleg het "
        "uitvoeringsplan en de bijbehorende tarieven vast.",
        "i",
    ),
    (
        "De visie op {dom} is niet door de gemeente alleen geschreven, maar in "
        "[co-creatie|cocreatie] met {aanb}, {verz} en cliëntvertegenwoordigers opgesteld.",
        "b",
    ),
    (
        "We kiezen voor een lerend partnerschap: gemeente en {aanb} evalueren elk half jaar "
        "samen de afspraken en passen de kaders gezamenlijk aan.",
        "",
    ),
    (
        "Het inkoopkader is met {aanb} ontworpen in een reeks werkateliers waarin de "
        "gemeente en aanbieders als gelijkwaardige partners de uitgangspunten vaststelden.",
        "",
    ),
    (
        "Een gezamenlijke stuurgroep van gemeente, {verz} en {aanb} beslist over de "
        "besteding van het transformatiebudget.",
        "",
    ),
    (
        "De zorgverzekeraar en de gemeente leggen hun middelen voor preventie samen in één "
        "fonds, waarover zij gezamenlijk met de aanbieders besluiten.",
        "",
    ),
    (
        "Kwaliteitseisen worden niet opgelegd, maar samen met {aanb} en cliënten "
        "geformuleerd en periodiek herijkt.",
        "",
    ),
    (
        "Het college stelt voor de koers voor {dom} te bepalen in een gezamenlijk "
        "programma met {verz} en {aanb}, waarin de partijen ook de financiële kaders delen.",
        "r",
    ),
    (
        "Wij sturen op basis van gedeelde doelen die gemeente en {aanb} samen hebben "
        "vastgesteld, en dragen samen het risico van over- en onderschrijding.",
        "",
    ),
    (
        "Binnen de samenwerkingsovereenkomst zijn de gemeente, {verz} en {aanb} "
        "gezamenlijk eigenaar van de maatschappelijke opgave.",
        "i",
    ),
    (
        "De tarieven zijn samen met {aanb} bepaald op basis van een open kostprijsonderzoek "
        "waarin beide partijen de uitgangspunten hebben vastgesteld.",
        "i",
    ),
    (
        "Gemeente en {aanb} ontwikkelen [samen|gezamenlijk] de monitor waarmee zij de "
        "voortgang volgen en bepalen samen welke indicatoren daarin komen.",
        "",
    ),
    (
        "Het convenant bepaalt dat gemeente, {verz} en {aanb} de meerjarenagenda voor "
        "{dom} gezamenlijk opstellen en jaarlijks samen herzien.",
        "",
    ),
    (
        "In de ontwikkeltafel bepalen gemeente en aanbieders samen hoe het budget voor "
        "{jaar} over de verschillende vormen van ondersteuning wordt verdeeld.",
        "",
    ),
    (
        "We maken de inkoopstrategie niet achter het bureau, maar in een gezamenlijk "
        "ontwerpproces waarin {aanb} mede het kader bepalen.",
        "b",
    ),
    (
        "De raad wordt voorgesteld in te stemmen met het principe van gedeeld "
        "opdrachtgeverschap, waarbij de gemeente en {verz} samen met {aanb} de doelen en "
        "middelen bepalen.",
        "r",
    ),
    (
        "Aanbieders zijn geen uitvoerders op afstand maar medeontwerpers: zij beslissen "
        "mee over doelen, budget en werkwijze.",
        "b",
    ),
    (
        "We leren met {aanb} en {verz} van wat werkt, en de lessen leiden tot kaders die we "
        "samen bijstellen.",
        "",
    ),
    (
        "De gemeente stelt de kaders niet eenzijdig vast: strategie, financiën en inhoud "
        "worden bepaald aan een gezamenlijke bestuurstafel met {aanb} en {verz}.",
        "",
    ),
    (
        "In het partnerschap is afgesproken dat tekorten en overschotten gezamenlijk worden "
        "gedragen en dat de partners samen besluiten over bijsturing.",
        "i",
    ),
    (
        "Het programmaplan is opgesteld door een kernteam van gemeente, {verz} en {aanb}, "
        "dat ook de begroting van het programma samen heeft vastgesteld.",
        "",
    ),
    (
        "Gemeente en {aanb} werken met een gezamenlijk jaarplan, waarvan doelen en "
        "financiering in onderling overleg worden vastgesteld.",
        "",
    ),
    (
        "Wij willen de regie delen: de gemeente bepaalt het kader samen met degenen die de "
        "ondersteuning leveren en financieren.",
        "b",
    ),
    (
        "De bestuurlijke overleggen met {aanb} zijn het gremium waar de strategische en "
        "financiële kaders gezamenlijk worden vastgelegd.",
        "",
    ),
    (
        "Via een ontwikkelgerichte contractvorm bepalen opdrachtgever en opdrachtnemers "
        "samen tijdens de looptijd welke prestaties worden geleverd en tegen welk budget.",
        "i",
    ),
    (
        "Met {verz} is afgesproken dat beide financiers en {aanb} een gezamenlijke "
        "investeringsagenda opstellen voor de wijkgerichte zorg.",
        "",
    ),
    (
        "De gemeente ziet zichzelf als partner en niet als opdrachtgever op afstand; kaders "
        "komen tot stand in gezamenlijke besluitvorming met {aanb}.",
        "b",
    ),
    (
        "Bij de herijking van de verordening hebben {aanb} en cliëntenraden mee bepaald "
        "welke uitgangspunten daarin zijn opgenomen.",
        "r",
    ),
    (
        "Gemeente en partners delen de verantwoordelijkheid voor het resultaat en stellen "
        "samen de prioriteiten voor de komende vier jaar vast.",
        "",
    ),
    (
        "In de gezamenlijke leeragenda bepalen gemeente, {verz} en {aanb} welke "
        "vernieuwingen worden beproefd en hoe die worden bekostigd.",
        "",
    ),
    (
        "Partijen stellen gezamenlijk een bestuurlijk kader op dat zowel de inhoudelijke "
        "doelen als de financiële afspraken bevat.",
        "i",
    ),
    (
        "De uitgangspunten van de transformatieagenda zijn in een serie sessies samen met "
        "{aanb} bepaald en door alle partners ondertekend.",
        "",
    ),
    (
        "We stellen voor het budget voor {dom} voortaan als gezamenlijk budget van de "
        "gemeente en {aanb} te beheren, met een gedeelde verantwoordelijkheid voor de besteding.",
        "r",
    ),
    (
        "De gemeente en {verz} trekken samen op als opdrachtgever en bepalen in overleg met "
        "{aanb} de inhoudelijke en financiële randvoorwaarden.",
        "",
    ),
    (
        "Wij kiezen voor een relationele contractvorm waarin de partners gezamenlijk "
        "afspraken maken over doelen, werkwijze en geld, in plaats van vooraf alles vast te "
        "leggen.",
        "i",
    ),
    (
        "Het sturingsmodel is samen met {aanb} uitgewerkt: zij bepalen mee hoe het budget "
        "wordt verdeeld en waarop wordt gestuurd.",
        "",
    ),
    (
        "De gemeente, {verz} en {aanb} formuleren samen de maatschappelijke effecten die zij "
        "willen bereiken en spreken af hoe zij daar gezamenlijk op bijsturen.",
        "b",
    ),
    (
        "Deze meerjarenvisie is het resultaat van een gezamenlijk proces: gemeente, "
        "{verz} en {aanb} hebben de ambities en de financiële kaders samen bepaald.",
        "b",
    ),
    (
        "Het contract is zo ingericht dat opdrachtgever en opdrachtnemer de "
        "prestatieafspraken jaarlijks gezamenlijk herijken op basis van wat zij samen "
        "hebben geleerd.",
        "i",
    ),
    (
        "Over de inzet van de transformatiemiddelen besluiten de gemeente en {aanb} "
        "gezamenlijk in het partneroverleg.",
        "",
    ),
]

# --- controle: gemeente sets frameworks alone, contracts one by one, checks compliance -------
CONTROLE: list[tuple[str, str]] = [
    ("De gemeente stelt de kaders voor {dom} vast en toetst of {aanb} zich daaraan houden.", ""),
    (
        "Opdrachtnemer levert elk kwartaal een productieverantwoording aan volgens het door "
        "Opdrachtgever vastgestelde format.",
        "i",
    ),
    (
        "Opdrachtgever is gerechtigd een materiële controle uit te voeren op de "
        "gedeclareerde zorg.",
        "i",
    ),
    (
        "Bij het niet nakomen van de prestatie-eisen kan de gemeente een boete opleggen of "
        "de overeenkomst ontbinden.",
        "i",
    ),
    (
        "Met elke aanbieder sluit de gemeente een afzonderlijke overeenkomst met "
        "resultaatafspraken die de gemeente vooraf heeft vastgesteld.",
        "",
    ),
    (
        "De gemeente bepaalt de tarieven eenzijdig op basis van een eigen kostprijsonderzoek.",
        "i",
    ),
    (
        "Het college stelt de beleidsregels vast; {aanb} voeren de ondersteuning uit binnen "
        "de door de gemeente gestelde kaders.",
        "",
    ),
    (
        "De contractmanager van de gemeente controleert twee keer per jaar of de "
        "afgesproken prestaties zijn geleverd.",
        "",
    ),
    (
        "Opdrachtnemer voldoet aan alle kwaliteitseisen zoals opgenomen in bijlage 3 van dit "
        "bestek.",
        "i",
    ),
    (
        "Aanbieders leggen jaarlijks verantwoording af over de besteding van de middelen met "
        "een door de gemeente voorgeschreven accountantsverklaring.",
        "",
    ),
    (
        "De gemeente houdt toezicht op de rechtmatigheid en doelmatigheid van de geleverde "
        "ondersteuning.",
        "",
    ),
    (
        "Wij stellen als opdrachtgever de doelen, het budget en de kwaliteitseisen vast en "
        "sturen op de naleving daarvan.",
        "b",
    ),
    (
        "De kritieke prestatie-indicatoren zijn door de gemeente bepaald en worden per "
        "aanbieder gemonitord.",
        "",
    ),
    (
        "Indien Opdrachtnemer de wachttijdnorm overschrijdt, treedt de escalatieprocedure "
        "van artikel 14 in werking.",
        "i",
    ),
    (
        "Aanbieders moeten aantonen dat zij voldoen aan de door de gemeente vastgestelde "
        "normen voor personeel en kwaliteit.",
        "",
    ),
    (
        "Het college wil meer grip op de uitgaven en scherpt daarom de contracteisen en de "
        "controle op declaraties aan.",
        "r",
    ),
    (
        "De gemeente bepaalt welke producten worden ingekocht en tegen welke prijs.",
        "i",
    ),
    (
        "Alle aanbieders worden afzonderlijk gecontracteerd via een openbare aanbesteding "
        "met door de gemeente opgestelde gunningscriteria.",
        "i",
    ),
    (
        "De gemeente verplicht {aanb} om met elkaar samen te werken en legt die verplichting "
        "vast in elk afzonderlijk contract.",
        "",
    ),
    (
        "Opdrachtnemer verstrekt Opdrachtgever op eerste verzoek alle informatie die nodig "
        "is om de naleving van deze overeenkomst te beoordelen.",
        "i",
    ),
    (
        "De gemeente stuurt op volume en prijs en zal bij overschrijding van het budgetplafond "
        "geen nieuwe cliënten meer toewijzen aan de betreffende aanbieder.",
        "i",
    ),
    (
        "Wij formuleren als gemeente het beleid en de financiële kaders; aanbieders "
        "voeren uit wat wij hebben afgesproken in de contracten.",
        "b",
    ),
    (
        "In de accountgesprekken toetst de gemeente per aanbieder de resultaten aan de "
        "afgesproken normen.",
        "",
    ),
    (
        "De gemeente laat de kwaliteit van de ondersteuning bij elke aanbieder jaarlijks "
        "toetsen aan de eisen uit haar eigen kwaliteitskader.",
        "",
    ),
    (
        "Opdrachtnemer dient zich te houden aan de door Opdrachtgever vastgestelde "
        "productcodes en declaratieregels.",
        "i",
    ),
    (
        "De raad wordt voorgesteld de kaders voor {dom} vast te stellen, waarna het college "
        "de inkoop en de contractering uitvoert.",
        "r",
    ),
    (
        "Wanneer een aanbieder niet aan de eisen voldoet, wordt een verbeterplan geëist en "
        "kan het contract worden opgeschort.",
        "",
    ),
    (
        "De gemeente legt in elk contract vast hoeveel trajecten een aanbieder maximaal "
        "mag leveren.",
        "i",
    ),
    (
        "We vragen aanbieders maandelijks hun wachtlijsten, doorlooptijden en "
        "uitstroomcijfers aan te leveren, zodat wij kunnen controleren of zij op koers "
        "liggen.",
        "",
    ),
    (
        "De beleidskaders voor {per} zijn door het college opgesteld en worden na "
        "vaststelling door de raad aan {aanb} opgelegd.",
        "r",
    ),
    (
        "De gemeente heeft de regie in handen: zij stelt de eisen, beoordeelt de prestaties "
        "en neemt maatregelen wanneer die tekortschieten.",
        "b",
    ),
    (
        "Opdrachtnemer is verplicht de cliënttevredenheid jaarlijks te meten volgens de "
        "methode die Opdrachtgever voorschrijft.",
        "i",
    ),
    (
        "Het contractmanagement wordt versterkt, zodat de gemeente afwijkingen van de "
        "afspraken eerder signaleert en kan ingrijpen.",
        "",
    ),
    (
        "De gemeente stelt het budgetplafond per aanbieder vast en deelt dit voorafgaand "
        "aan het kalenderjaar mee.",
        "i",
    ),
    (
        "Het college bepaalt het kader; van {aanb} verwachten wij een loyale uitvoering daarvan.",
        "b",
    ),
    (
        "Aanbieders die niet tijdig rapporteren, ontvangen een schriftelijke aanmaning en "
        "bij herhaling een korting op de betaling.",
        "i",
    ),
    (
        "De gemeente voert steekproefsgewijs dossiercontroles uit om te beoordelen of de "
        "ingezette zorg overeenkomt met de beschikking.",
        "",
    ),
    (
        "Per perceel wordt met iedere gegunde inschrijver een raamovereenkomst gesloten "
        "met de eisen uit dit bestek.",
        "i",
    ),
    (
        "De gemeente bepaalt de uitgangspunten voor de inkoop zelf en betrekt aanbieders "
        "alleen via de formele consultatieronde.",
        "",
    ),
    (
        "Omdat de gemeente budgettair verantwoordelijk is, stelt zij ook zelf de "
        "inhoudelijke en financiële kaders vast.",
        "b",
    ),
    (
        "Voor elke aanbieder gelden dezelfde voorwaarden, die de gemeente in het "
        "contract heeft vastgelegd en waarop zij toeziet.",
        "",
    ),
    (
        "Opdrachtnemer aanvaardt dat Opdrachtgever de tarieven jaarlijks eenzijdig kan indexeren.",
        "i",
    ),
    (
        "Met dit raadsvoorstel krijgt het college de bevoegdheid om aanbieders die "
        "structureel onder de norm presteren uit te sluiten van verdere toewijzing.",
        "r",
    ),
    (
        "De gemeente toetst de ingediende plannen van {aanb} aan het eigen beleidskader en "
        "keurt ze goed of af.",
        "",
    ),
    (
        "Aanbieders rapporteren aan de gemeente, die de resultaten vergelijkt en hen daarop "
        "aanspreekt.",
        "",
    ),
    (
        "De prestaties worden vergoed volgens de door de gemeente vastgestelde "
        "productenlijst en het daarbij horende tarief per eenheid.",
        "i",
    ),
    (
        "De gemeente schrijft voor welke methodieken aanbieders moeten gebruiken en "
        "controleert de toepassing daarvan.",
        "",
    ),
    (
        "Opdrachtgever kan de overeenkomst zonder rechterlijke tussenkomst ontbinden indien "
        "Opdrachtnemer tekortschiet in de nakoming.",
        "i",
    ),
    (
        "Wij kiezen voor een zakelijke opdrachtgeversrol: heldere eisen vooraf, strikte "
        "monitoring en consequenties bij onvoldoende prestaties.",
        "b",
    ),
    (
        "De beleidsambtenaar stelt de kaders op; de inkoper vertaalt die naar eisen in de "
        "contracten met iedere afzonderlijke aanbieder.",
        "",
    ),
]

# --- decentraal: providers remain separate organisations that coordinate --------------------
DECENTRAAL: list[tuple[str, str]] = [
    (
        "Inwoners kunnen zich rechtstreeks melden bij de aanbieder van hun keuze, die zelf de "
        "intake verzorgt.",
        "",
    ),
    (
        "{aanb} blijven zelfstandige organisaties en stemmen onderling af wie welke "
        "ondersteuning biedt.",
        "",
    ),
    (
        "Elke aanbieder houdt een eigen toegang; zij maken onderling afspraken over "
        "doorverwijzing en overdracht.",
        "",
    ),
    (
        "De aanbieders in {wijk} vormen een netwerk waarin zij afspraken maken over "
        "samenwerking en zorgcoördinatie, zonder hun zelfstandigheid op te geven.",
        "",
    ),
    (
        "Per cliënt spreken de betrokken aanbieders af wie de coördinatie op zich neemt.",
        "",
    ),
    (
        "Er komt geen nieuwe organisatie; de bestaande aanbieders leveren ieder hun eigen "
        "ondersteuning en stemmen die in het netwerk af.",
        "",
    ),
    (
        "Huisartsen, wijkverpleging en welzijn werken elk vanuit hun eigen organisatie en "
        "maken ketenafspraken over signalering en doorverwijzing.",
        "",
    ),
    (
        "Opdrachtnemers blijven zelf verantwoordelijk voor hun intake en maken onderling "
        "afspraken over warme overdracht.",
        "i",
    ),
    (
        "De toegang tot de ondersteuning loopt via de aanbieders zelf; de gemeente "
        "organiseert geen eigen voordeur.",
        "",
    ),
    (
        "We laten de uitvoering bij de bestaande organisaties, die ieder vanuit hun eigen "
        "expertise bijdragen en elkaar weten te vinden.",
        "b",
    ),
    (
        "Ouders kunnen met hun vraag terecht bij de school, de huisarts of de "
        "jeugdhulpaanbieder; elk van hen kan de ondersteuning in gang zetten.",
        "",
    ),
    (
        "Aanbieders stellen gezamenlijk een samenwerkingsprotocol op waarin staat hoe zij "
        "elkaar inschakelen, terwijl ieder zijn eigen cliënten blijft bedienen.",
        "",
    ),
    (
        "In het wijknetwerk ouderenzorg blijven de partners afzonderlijk werken, maar zij "
        "overleggen maandelijks over cliënten die meer dan één aanbieder nodig hebben.",
        "",
    ),
    (
        "De verschillende organisaties houden hun eigen werkwijze en werken samen via een "
        "gedeeld overzicht van contactpersonen.",
        "",
    ),
    (
        "Iedere opdrachtnemer organiseert zijn eigen aanmelding en wijst per cliënt een "
        "vaste contactpersoon aan.",
        "i",
    ),
    (
        "Het meldpunt dementie is een afspraak tussen zelfstandige aanbieders over wie "
        "welke signalen oppakt, niet een nieuwe organisatie.",
        "",
    ),
    (
        "Voor inwoners blijven er meerdere ingangen: zij kunnen zich melden bij elke "
        "aangesloten organisatie.",
        "",
    ),
    (
        "De aanbieders verdelen onderling de zorgcoördinatie en houden elk hun eigen dossier bij.",
        "",
    ),
    (
        "Wij zetten in op goede verbindingen tussen de bestaande voorzieningen in plaats van "
        "op het samenvoegen van organisaties.",
        "b",
    ),
    (
        "De wijkschakel is een overleg van zelfstandige professionals uit verschillende "
        "organisaties die samen casuïstiek bespreken.",
        "",
    ),
    (
        "Elke partner behoudt zijn eigen mandaat; afstemming vindt plaats in een periodiek "
        "casusoverleg.",
        "",
    ),
    (
        "Cliënten houden hun vertrouwde hulpverlener, en die hulpverlener schakelt zo "
        "nodig collega's van andere aanbieders in.",
        "",
    ),
    (
        "De keten werkt met onderlinge verwijsafspraken tussen huisarts, "
        "jeugdhulpaanbieder en school.",
        "",
    ),
    (
        "Opdrachtnemers stemmen onderling af over de inzet bij cliënten die ondersteuning "
        "van meerdere opdrachtnemers ontvangen.",
        "i",
    ),
    (
        "Er is geen centrale intake: elke aanbieder beoordeelt zelf de hulpvraag en kan "
        "direct starten.",
        "",
    ),
    (
        "Aanbieders werken aan de voorkant ieder voor zich, maar spreken samen af hoe zij "
        "elkaar tijdig betrekken.",
        "",
    ),
    (
        "De organisatie van de ondersteuning blijft verspreid over de bestaande aanbieders "
        "in {wijk}, die elkaar kennen en naar elkaar verwijzen.",
        "",
    ),
    (
        "We stimuleren dat aanbieders afspraken maken over een gezamenlijke werkwijze, "
        "zonder dat zij opgaan in één team.",
        "b",
    ),
    (
        "De aanbieders blijven elk hun eigen casemanager inzetten en stemmen af in het "
        "multidisciplinair overleg.",
        "",
    ),
    (
        "Toegang tot dagbesteding loopt via de dagbestedingsaanbieders, die de aanmelding "
        "zelf afhandelen.",
        "",
    ),
    (
        "Inwoners kiezen zelf een aanbieder en kunnen daar direct terecht voor een "
        "kennismakingsgesprek.",
        "",
    ),
    (
        "Het netwerk van zorg- en welzijnsorganisaties maakt zelf afspraken over "
        "bereikbaarheid en overdracht, en iedere organisatie blijft aanspreekbaar op haar "
        "eigen deel.",
        "",
    ),
    (
        "De aanbieders kennen ieder hun eigen aanmeldpunt; een overzicht daarvan staat op de "
        "website van de gemeente.",
        "",
    ),
    (
        "Samenwerking krijgt vorm in de vorm van afspraken tussen afzonderlijke organisaties, "
        "zoals een gezamenlijk protocol voor huiselijk geweld.",
        "",
    ),
    (
        "Opdrachtnemer is het eerste aanspreekpunt voor de eigen cliënten en coördineert "
        "zelf de afstemming met andere betrokken hulpverleners.",
        "i",
    ),
    (
        "De ondersteuning wordt dicht bij de inwoner geboden door de organisaties die er al "
        "zijn, elk met een eigen ingang.",
        "",
    ),
    (
        "Wij kiezen ervoor aanbieders zelfstandig te laten opereren en hen te vragen hun "
        "onderlinge samenwerking zelf vorm te geven.",
        "b",
    ),
    (
        "De jeugdhulpaanbieders hebben onderling afgesproken wie bij een crisis binnen "
        "24 uur in actie komt, zonder gezamenlijke voordeur.",
        "",
    ),
    (
        "Elke aanbieder bepaalt zelf welke professional het eerste gesprek voert en stemt "
        "vervolgens af met de andere betrokken organisaties.",
        "",
    ),
    (
        "Professionals van verschillende aanbieders kennen elkaar en verwijzen naar "
        "elkaar, maar blijven in dienst van hun eigen organisatie en werken vanuit hun "
        "eigen locatie.",
        "",
    ),
    (
        "De wijkverpleging, de thuisbegeleiding en het welzijnswerk houden ieder een eigen "
        "planning en stemmen die per cliënt onderling af.",
        "",
    ),
]

# --- centraal: provider functions pooled ---------------------------------------------------
CENTRAAL: list[tuple[str, str]] = [
    (
        "Alle vragen over ondersteuning komen binnen bij één toegang, waar de intake, de "
        "vraagverheldering en de toewijzing plaatsvinden.",
        "",
    ),
    (
        "{team} is de enige toegang tot de ondersteuning in {wijk}.",
        "",
    ),
    (
        "Medewerkers van {aanb} worden gedetacheerd in {team}, dat onder aansturing van de "
        "gemeente werkt.",
        "",
    ),
    (
        "We brengen de toegang tot {dom} onder in één generalistisch team dat de intake, "
        "de diagnose en de regie op de hulp verzorgt.",
        "",
    ),
    (
        "Eén gezin, één plan, één regisseur: de casusregie ligt voor alle gezinnen bij {team}.",
        "",
    ),
    (
        "De aanbieders richten samen één voordeur in, met een gezamenlijke intake en "
        "gezamenlijk casemanagement.",
        "",
    ),
    (
        "De lichte ondersteuning wordt niet langer door afzonderlijke aanbieders geleverd, "
        "maar door generalisten in {team}.",
        "",
    ),
    (
        "De functies informatie, advies, vraagverheldering en kortdurende begeleiding worden "
        "gebundeld in één wijkorganisatie.",
        "",
    ),
    (
        "Opdrachtnemer levert medewerkers die deel gaan uitmaken van het integrale "
        "wijkteam en daar onder leiding van de teamleider van de gemeente werken.",
        "i",
    ),
    (
        "De toegang wordt centraal georganiseerd in een front office waar alle aanmeldingen "
        "binnenkomen en worden beoordeeld.",
        "",
    ),
    (
        "De aanbieders gaan samen op in een nieuwe coöperatie die als één organisatie de "
        "ondersteuning in de wijk levert.",
        "",
    ),
    (
        "Er komt één virtuele organisatie waarin de professionals van de verschillende "
        "aanbieders onder één aansturing werken.",
        "",
    ),
    (
        "{team} voert de regie over alle ondersteuning in het gezin; specialistische "
        "aanbieders leveren op verwijzing van het team.",
        "",
    ),
    (
        "Inwoners hebben straks nog maar één aanspreekpunt: de consulent van {team}, die "
        "alle ondersteuning coördineert.",
        "",
    ),
    (
        "De gemeente stuurt de sociale wijkteams rechtstreeks aan en bepaalt hun werkwijze.",
        "",
    ),
    (
        "We richten een gezamenlijk zorgloket in waar intake, diagnose en casemanagement "
        "van alle eerstelijns aanbieders zijn samengebracht.",
        "",
    ),
    (
        "Het casemanagement wordt voor alle cliënten ondergebracht bij één team met een "
        "gedeeld dossier.",
        "",
    ),
    (
        "De geïntegreerde eerste lijn in {wijk} werkt vanuit één gebouw, met één "
        "aanmeldpunt en één gezamenlijk dossier voor alle disciplines.",
        "",
    ),
    (
        "Het Centrum voor Jeugd en Gezin bundelt de consultatiebureaus, het "
        "opvoedingsadvies en de schoolmaatschappelijk werkers in één organisatie.",
        "",
    ),
    (
        "Met ingang van {jaar} verlopen alle aanvragen voor jeugdhulp via {team}, dat "
        "beoordeelt welke hulp nodig is.",
        "",
    ),
    (
        "De professionals uit de verschillende organisaties vormen één team met één "
        "teamleider en één gezamenlijke werkwijze.",
        "",
    ),
    (
        "Het wijkteam is de spil: het doet de intake, stelt samen met het gezin het plan op "
        "en houdt de regie op de uitvoering.",
        "b",
    ),
    (
        "De toeleiding naar specialistische hulp verloopt uitsluitend via de generalisten "
        "van {team}.",
        "",
    ),
    (
        "Opdrachtnemer accepteert uitsluitend cliënten die door {team} zijn verwezen.",
        "i",
    ),
    (
        "De teams bestaan uit generalisten die in dienst zijn van de gemeente of van de "
        "stichting die de gemeente daarvoor heeft opgericht.",
        "",
    ),
    (
        "We voegen het maatschappelijk werk, de jeugdconsulenten en de Wmo-consulenten "
        "samen tot één sociaal team.",
        "",
    ),
    (
        "Voor de inwoner is er één loket waar alle betrokken aanbieders hun "
        "intakefunctie hebben samengebracht.",
        "",
    ),
    (
        "De kortdurende ambulante hulp wordt voortaan geleverd door het gezinsteam zelf in "
        "plaats van door afzonderlijke aanbieders.",
        "",
    ),
    (
        "De coördinatie van zorg rond risicogezinnen wordt belegd bij één centraal "
        "coördinatiepunt dat alle betrokken hulpverleners aanstuurt.",
        "",
    ),
    (
        "Het meldpunt zorg en overlast verzamelt alle signalen en zet vanuit één team de hulp in.",
        "",
    ),
    (
        "De gemeente bouwt de wijkteams uit tot de centrale toegang voor {dom}.",
        "b",
    ),
    (
        "In de nieuwe opzet worden de front offices van {aanb} samengevoegd tot één "
        "gezamenlijke voordeur.",
        "",
    ),
    (
        "Generalisten in {team} nemen de lichte hulp zelf voor hun rekening en schakelen "
        "alleen voor specialistische hulp een aanbieder in.",
        "",
    ),
    (
        "Alle professionals die in {wijk} werken, vallen onder één gezamenlijke "
        "teamleiding en werken vanuit één gedeeld cliëntsysteem.",
        "",
    ),
    (
        "De aanbieders gaan een gezamenlijke werkmaatschappij vormen die de "
        "wijkgerichte ondersteuning als één organisatie levert.",
        "",
    ),
    (
        "De intake en de toewijzing worden losgemaakt van de aanbieders en belegd bij {team}.",
        "",
    ),
    (
        "Vanaf {jaar} is er per wijk één team dat alle vragen op het gebied van zorg, "
        "welzijn en opvoeden oppakt.",
        "b",
    ),
    (
        "Opdrachtnemer stelt een vast aantal uren beschikbaar voor inzet in de wijkteams, "
        "die de gemeente aanstuurt.",
        "i",
    ),
    (
        "Het jeugd- en gezinsteam bepaalt welke hulp een gezin krijgt en blijft "
        "casusregisseur, ook als een specialistische aanbieder wordt ingeschakeld.",
        "",
    ),
    (
        "We kiezen voor één integraal team per gebied waarin de taken van de aanbieders "
        "van lichte ondersteuning zijn opgegaan.",
        "b",
    ),
    (
        "Alle aanmeldingen voor begeleiding, dagbesteding en huishoudelijke hulp lopen via "
        "één gezamenlijk aanmeldpunt van de aanbieders.",
        "",
    ),
    (
        "De gebiedsteams werken als één organisatie, ook al zijn de medewerkers formeel in "
        "dienst van verschillende moederorganisaties.",
        "",
    ),
]

# --- both axes in one sentence: the four quadrants --------------------------------------------
# (text, soort, cc, dc)
BEIDE: list[tuple[str, str, str, str]] = [
    # Afspreken: cocreatie + decentraal
    (
        "Gemeente en {aanb} stellen samen de kaders en het budget vast, waarna de aanbieders "
        "als zelfstandige organisaties onderling afspreken hoe zij de zorg coördineren.",
        "",
        "cocreatie",
        "decentraal",
    ),
    (
        "In het welzijns- en zorgnetwerk bepalen gemeente, {verz} en {aanb} gezamenlijk de "
        "doelen, terwijl iedere partner zijn eigen ondersteuning blijft leveren.",
        "",
        "cocreatie",
        "decentraal",
    ),
    (
        "We maken met de aanbieders gezamenlijke afspraken over doelen en geld en laten hen "
        "vervolgens zelf, elk vanuit de eigen organisatie, de samenwerking rond de cliënt "
        "vormgeven.",
        "b",
        "cocreatie",
        "decentraal",
    ),
    (
        "De partners van het convenant bepalen samen het financiële kader; de toegang blijft "
        "bij de afzonderlijke aanbieders liggen.",
        "",
        "cocreatie",
        "decentraal",
    ),
    (
        "Opdrachtgever en opdrachtnemers stellen gezamenlijk de resultaten vast, en iedere "
        "opdrachtnemer blijft zelf verantwoordelijk voor zijn eigen aanmelding en intake.",
        "i",
        "cocreatie",
        "decentraal",
    ),
    (
        "Het wijkschakelteam is een netwerk van zelfstandige organisaties, dat samen met de "
        "gemeente de werkafspraken en het budget heeft vastgesteld.",
        "",
        "cocreatie",
        "decentraal",
    ),
    (
        "In co-creatie met {verz} en {aanb} spreken we af welke resultaten we nastreven; "
        "inwoners blijven terecht kunnen bij de aanbieder die zij zelf kiezen.",
        "b",
        "cocreatie",
        "decentraal",
    ),
    (
        "Gemeente en aanbieders stellen de inhoudelijke en financiële kaders samen op, en de "
        "aanbieders maken daarbinnen onderling afspraken over overdracht en coördinatie.",
        "",
        "cocreatie",
        "decentraal",
    ),
    # Afstemmen: controle + decentraal
    (
        "De gemeente contracteert iedere aanbieder afzonderlijk en eist dat de aanbieders "
        "onderling afspraken maken over samenwerking en overdracht.",
        "i",
        "controle",
        "decentraal",
    ),
    (
        "Wij stellen de financiële kaders vast en controleren of de aanbieders, die elk "
        "hun eigen toegang behouden, zich aan de afspraken houden.",
        "",
        "controle",
        "decentraal",
    ),
    (
        "Opdrachtnemer houdt een eigen intake en is verplicht binnen vijf werkdagen de "
        "overdracht naar een andere opdrachtnemer te regelen volgens de eisen van "
        "Opdrachtgever.",
        "i",
        "controle",
        "decentraal",
    ),
    (
        "De gemeente bepaalt de eisen waaraan de samenwerking tussen de zelfstandige "
        "aanbieders moet voldoen en toetst die jaarlijks.",
        "",
        "controle",
        "decentraal",
    ),
    (
        "Inwoners melden zich bij de aanbieder van hun keuze; de gemeente ziet er via het "
        "contractmanagement op toe dat die aanbieder de afgesproken normen haalt.",
        "",
        "controle",
        "decentraal",
    ),
    (
        "Elke aanbieder krijgt een eigen contract met prestatie-eisen, en de aanbieders "
        "blijven elk hun eigen cliënten bedienen en stemmen onderling af.",
        "i",
        "controle",
        "decentraal",
    ),
    (
        "De gemeente legt in de contracten vast dat zelfstandige aanbieders een "
        "gezamenlijk overdrachtsprotocol hanteren en controleert de naleving daarvan.",
        "",
        "controle",
        "decentraal",
    ),
    # Coördineren: cocreatie + centraal
    (
        "Samen met {verz} en {aanb} richten we één front office in en stellen we "
        "gezamenlijk het budget en de werkwijze daarvan vast.",
        "",
        "cocreatie",
        "centraal",
    ),
    (
        "De aanbieders bouwen samen één voordeur met gezamenlijk casemanagement, binnen een "
        "strategisch en financieel kader dat zij met de gemeente hebben opgesteld.",
        "",
        "cocreatie",
        "centraal",
    ),
    (
        "In de geïntegreerde eerste lijn bepalen gemeente, zorgverzekeraar en aanbieders "
        "samen de koers en het budget, en werken de professionals vanuit één team met één "
        "aanmeldpunt.",
        "",
        "cocreatie",
        "centraal",
    ),
    (
        "Partijen richten gezamenlijk een coöperatie op die de toegang en de lichte "
        "ondersteuning verzorgt; de financiële en inhoudelijke kaders stellen zij samen vast.",
        "i",
        "cocreatie",
        "centraal",
    ),
    (
        "Het steunpunt wordt een gezamenlijke voorziening met één intake, waarvan gemeente "
        "en aanbieders samen de doelen en de bekostiging bepalen.",
        "",
        "cocreatie",
        "centraal",
    ),
    (
        "We ontwerpen het nieuwe gebiedsteam samen met {aanb}: zij beslissen mee over "
        "opdracht, budget en samenstelling van het ene team dat alle vragen oppakt.",
        "b",
        "cocreatie",
        "centraal",
    ),
    (
        "Gemeente en partners stellen samen het bestuurlijk kader op voor één gezamenlijke "
        "toegang, waarin intake, diagnose en casemanagement zijn gebundeld.",
        "",
        "cocreatie",
        "centraal",
    ),
    # Sturen: controle + centraal
    (
        "De gemeente stelt alle kaders zelf vast en stuurt {team} rechtstreeks aan.",
        "",
        "controle",
        "centraal",
    ),
    (
        "Het college bepaalt de opdracht van de wijkteams, die onder gemeentelijke "
        "aansturing de enige toegang tot ondersteuning vormen.",
        "r",
        "controle",
        "centraal",
    ),
    (
        "De aanbieders detacheren medewerkers in de gemeentelijke teams en leveren "
        "specialistische zorg volgens de eisen die de gemeente in de contracten stelt.",
        "i",
        "controle",
        "centraal",
    ),
    (
        "Wij sturen de generalistische teams direct aan en houden de aanbieders van "
        "specialistische hulp via strakke contracten aan de afgesproken prestaties.",
        "b",
        "controle",
        "centraal",
    ),
    (
        "De gemeente stelt de werkwijze van {team} vast en controleert per kwartaal of het "
        "team de doorlooptijden voor intake haalt.",
        "",
        "controle",
        "centraal",
    ),
    (
        "Opdrachtnemer levert uitsluitend op verwijzing van het gemeentelijke wijkteam en "
        "legt per traject verantwoording af aan Opdrachtgever.",
        "i",
        "controle",
        "centraal",
    ),
    (
        "De toegang is ondergebracht bij één gemeentelijk sociaal team, en de gemeente "
        "bepaalt zelf welke producten worden ingekocht en tegen welk tarief.",
        "",
        "controle",
        "centraal",
    ),
    (
        "Het college richt een centrale toegang in en legt de aanbieders vast in "
        "contracten met heldere prestatie-eisen.",
        "r",
        "controle",
        "centraal",
    ),
]

# --- neither axis: budgets, planning, demographics, law, procedure --------------------------
GEEN: list[tuple[str, str]] = [
    (
        "Het aantal jeugdigen met jeugdhulp is de afgelopen drie jaar met {pct} procent gestegen.",
        "",
    ),
    ("Voor {dom} is in {jaar} een budget van € {bedrag} miljoen beschikbaar.", ""),
    (
        "De Jeugdwet legt de verantwoordelijkheid voor alle vormen van jeugdhulp bij de gemeente.",
        "",
    ),
    ("Het aandeel 75-plussers in onze gemeente groeit tot {pct} procent in 2035.", "b"),
    (
        "Inschrijvingen dienen uiterlijk {datum} {jaar} om 12.00 uur via TenderNed te zijn "
        "ontvangen.",
        "i",
    ),
    (
        "Vragen over deze aanbesteding kunnen worden gesteld tot de sluiting van de nota van inlichtingen.",
        "i",
    ),
    ("De raad wordt gevraagd in te stemmen met het bijgevoegde besluit.", "r"),
    (
        "In {jaar} ontvingen {aantal} huishoudens een voorziening op grond van de Wmo.",
        "",
    ),
    ("De begroting voor {jaar} sluit met een tekort van € {bedrag} miljoen.", "r"),
    ("Dit beleidsplan beslaat de periode {per}.", "b"),
    ("Hoofdstuk 3 beschrijft de financiële uitgangspunten; hoofdstuk 4 de planning.", ""),
    ("De uitvoering van dit plan start na vaststelling door de gemeenteraad.", "b"),
    (
        "Uit de cliëntervaringsonderzoeken blijkt dat {hoogpct} procent van de cliënten tevreden "
        "is over de kwaliteit van de ondersteuning.",
        "",
    ),
    (
        "De looptijd van de overeenkomst is drie jaar met de mogelijkheid tot tweemaal één jaar verlenging.",
        "i",
    ),
    (
        "De eigen bijdrage voor Wmo-voorzieningen is wettelijk vastgesteld op een vast abonnementstarief.",
        "",
    ),
    (
        "Steeds meer inwoners hebben te maken met eenzaamheid, vooral onder {doelgroep}.",
        "b",
    ),
    ("Het rijk heeft de middelen voor {dom} met ingang van {jaar} verlaagd.", ""),
    ("De wachttijd voor een eerste gesprek bedroeg gemiddeld {n} dagen.", ""),
    ("Bij dit voorstel hoort een begrotingswijziging.", "r"),
    (
        "Onze gemeente telt ruim {n} duizend inwoners, verdeeld over {kernen} kernen.",
        "b",
    ),
    (
        "De ambtelijke organisatie heeft de afgelopen maanden een analyse gemaakt van de uitgaven.",
        "",
    ),
    ("Het voorstel heeft geen gevolgen voor de personele bezetting.", "r"),
    ("Preventie en vroegsignalering krijgen de komende jaren meer aandacht.", "b"),
    ("De kosten van de specialistische jeugdhulp zijn sterker gestegen dan verwacht.", ""),
    (
        "De inschrijver voegt bij zijn inschrijving een uittreksel van de Kamer van Koophandel toe.",
        "i",
    ),
    (
        "Ingevolge artikel 2.3 van de Wmo 2015 is de gemeente verplicht een verordening vast te stellen.",
        "",
    ),
    (
        "Het percentage jongeren dat voortijdig de school verlaat, ligt onder het landelijk gemiddelde.",
        "",
    ),
    ("De huisvesting van statushouders vraagt de komende jaren extra inspanning.", ""),
    ("De raad is in {maand} via een raadsinformatiebrief geïnformeerd over de voortgang.", "r"),
    (
        "We verwachten dat de vraag naar huishoudelijke hulp verder toeneemt door de vergrijzing.",
        "b",
    ),
    ("De jaarrekening {jaar} laat een overschot zien op het onderdeel participatie.", ""),
    ("In bijlage 2 is een overzicht opgenomen van de gebruikte begrippen.", ""),
    ("De gunning vindt plaats op basis van de beste prijs-kwaliteitverhouding.", "i"),
    ("Het aantal bijstandsuitkeringen is in {jaar} licht gedaald.", ""),
    ("Mantelzorgers geven aan dat zij behoefte hebben aan meer respijtzorg.", ""),
    ("Het beleidsplan is gebaseerd op de uitkomsten van de gezondheidsmonitor.", "b"),
    ("De evaluatie van het vorige beleidsplan wordt in {maand} aan de raad aangeboden.", "r"),
    ("De verordening treedt in werking op {datum} {jaar}.", "r"),
    ("Uit de monitor blijkt dat {pct} procent van de ouderen zich eenzaam voelt.", ""),
    ("Inwoners met een laag inkomen kunnen gebruikmaken van de collectieve zorgverzekering.", ""),
    (
        "De transitie van beschermd wonen naar wonen in de wijk vraagt om voldoende passende woningen.",
        "b",
    ),
    (
        "Het woningtekort maakt het moeilijk om jongeren uit de jeugdhulp zelfstandig te laten wonen.",
        "",
    ),
    ("Voor de uitvoering van de Participatiewet is een apart re-integratiebudget beschikbaar.", ""),
    ("De afdeling Financiën heeft de meerjarenraming geactualiseerd.", ""),
    ("In {jaar} wordt een nieuw registratiesysteem in gebruik genomen.", ""),
    ("De inschrijver vult het prijzenblad volledig in.", "i"),
    ("Een inschrijving die niet voldoet aan de geschiktheidseisen, wordt terzijde gelegd.", "i"),
    (
        "De gemeente volgt de ontwikkelingen in de landelijke Hervormingsagenda Jeugd nauwlettend.",
        "",
    ),
    ("Het aantal meldingen van huiselijk geweld is stabiel gebleven.", ""),
    ("De risico's van dit voorstel zijn beschreven in paragraaf 5.", "r"),
    ("Na het zomerreces volgt een bijeenkomst voor raadsleden over de uitkomsten.", "r"),
    ("Het aantal schuldhulpverleningstrajecten nam toe tot {aantal}.", ""),
    (
        "Ook de gevolgen van de energiecrisis zijn zichtbaar in de aanvragen voor bijzondere bijstand.",
        "",
    ),
    ("De indexering van de budgetten volgt de landelijke loon- en prijsontwikkeling.", ""),
    ("De gegevens in dit hoofdstuk zijn afkomstig van het CBS.", ""),
    ("De nieuwe verordening is afgestemd met de juridische afdeling.", "r"),
    ("Jongeren geven aan dat zij meer plekken willen om elkaar te ontmoeten.", "b"),
    ("In het coalitieakkoord is afgesproken de lokale lasten beperkt te laten stijgen.", "r"),
    (
        "De aanbesteding wordt uitgevoerd volgens de openbare procedure van de Aanbestedingswet 2012.",
        "i",
    ),
    ("Het Programma van Eisen is als bijlage bij deze leidraad gevoegd.", "i"),
    ("De huidige contracten lopen af op 31 december {jaar}.", ""),
    ("We zien een toename van het aantal jeugdigen met complexe problematiek.", "b"),
    ("Het aantal inwoners dat langdurig afhankelijk is van een uitkering daalt langzaam.", ""),
    ("De sportverenigingen hebben in {jaar} extra leden geworven.", ""),
    ("Het onderzoek naar de kostenontwikkeling is uitgevoerd door een extern bureau.", ""),
    ("De uitgaven aan huishoudelijke hulp bedroegen in {jaar} € {bedrag} miljoen.", ""),
    ("In de tabel hieronder staan de kerncijfers per wijk.", ""),
    ("Alle bedragen in deze paragraaf zijn exclusief btw.", "i"),
    (
        "Het college verwacht het geactualiseerde plan in het vierde kwartaal aan de raad voor te leggen.",
        "r",
    ),
    (
        "Het aandeel inwoners met een migratieachtergrond is in de afgelopen tien jaar gestegen.",
        "b",
    ),
    (
        "Vervoer naar de dagbesteding is een terugkerend aandachtspunt in de klachtenregistratie.",
        "",
    ),
    ("De digitale dienstverlening van de gemeente wordt verder verbeterd.", ""),
    ("Er zijn {n} bezwaarschriften ingediend tegen beschikkingen op grond van de Jeugdwet.", ""),
    ("Het Rijk compenseert de gemeenten gedeeltelijk voor de gestegen kosten.", ""),
    ("Het percentage kinderen dat in armoede opgroeit, is {pct} procent.", ""),
    ("De inschrijver verklaart akkoord te gaan met de algemene inkoopvoorwaarden.", "i"),
    ("Deze leidraad bestaat uit zeven hoofdstukken en vier bijlagen.", "i"),
    ("Het voorstel past binnen de kaders van de begroting {jaar}.", "r"),
    ("De komende jaren stijgt het aantal mensen met dementie fors.", "b"),
    ("De opbrengst van de toeristenbelasting wordt ingezet voor algemene middelen.", ""),
    ("De gemeente ontvangt via het gemeentefonds een integratie-uitkering sociaal domein.", ""),
    ("Over dit voorstel is de adviesraad sociaal domein om advies gevraagd.", "r"),
    ("Het verloop onder medewerkers in de zorg is hoog en vacatures zijn lastig te vervullen.", ""),
    ("Het aantal inwoners boven de 85 jaar verdubbelt naar verwachting voor 2040.", "b"),
    ("De gemeente werkt met een meerjarige planning- en controlcyclus.", ""),
    ("De eerste resultaten van de pilot worden in het voorjaar verwacht.", ""),
    ("Op de jeugdhulp is het afgelopen jaar € {bedrag} miljoen meer uitgegeven dan begroot.", "r"),
    (
        "Gegevens worden verwerkt in overeenstemming met de Algemene verordening gegevensbescherming.",
        "i",
    ),
    ("De laatste jaren is de vraag naar schuldhulp sterk toegenomen.", ""),
    ("Het plan sluit aan op de gezondheidsnota en de woonvisie.", "b"),
    ("Het aantal plaatsen in de maatschappelijke opvang is uitgebreid naar {n}.", ""),
    ("Het streven is dat meer jongeren een startkwalificatie behalen.", "b"),
    ("Gezonde leefstijl, bewegen en voeding zijn belangrijke thema's in het preventiebeleid.", "b"),
    ("Voor vragen over dit bestek is de contactpersoon inkoop bereikbaar per e-mail.", "i"),
    ("De gemeente heeft in {jaar} een nieuwe wethouder voor zorg en welzijn gekregen.", ""),
    ("In het onderzoek zijn {n} inwoners telefonisch geïnterviewd.", ""),
    ("De gemeentelijke reserve sociaal domein bedraagt eind {jaar} € {bedrag} miljoen.", "r"),
    ("Het aantal gebruikers van de regiotaxi is na de coronaperiode weer gestegen.", ""),
    ("Bij de uitwerking wordt rekening gehouden met de toegankelijkheid van gebouwen.", ""),
    ("Het college neemt de aanbevelingen van de rekenkamer over.", "r"),
    ("De kosten per cliënt verschillen sterk tussen de productcategorieën.", ""),
    ("De uitvoering wordt in de begroting van {jaar} financieel verwerkt.", "r"),
    ("Kinderen groeien gezond en veilig op en krijgen kansen om zich te ontwikkelen.", "b"),
    (
        "Iedere inwoner moet mee kunnen doen in de samenleving, ook wie het zelf even niet redt.",
        "b",
    ),
    ("Eind {jaar} maakten {aantal} inwoners gebruik van een hulpmiddel.", ""),
    ("In de periode {per} verwachten wij een lichte daling van het aantal jeugdigen.", "b"),
    ("De inschrijver dient aan te tonen dat hij over een geldig kwaliteitskeurmerk beschikt.", "i"),
    ("Deze nota vervangt de nota uit 2019.", "b"),
    ("De raad heeft een motie aangenomen over de bereikbaarheid van het stadhuis.", "r"),
    ("Vrijwilligers leveren een onmisbare bijdrage aan het verenigingsleven.", "b"),
]

# --- traps ---------------------------------------------------------------------------------
# (text, soort, cc, dc, valkuil)
VALKUILEN: list[tuple[str, str, str, str, str]] = [
    # samen-val: "samen" without shared framework-setting
    (
        "Samen maken we van {gem} een gemeente waar iedereen meedoet.",
        "b",
        "geen",
        "geen",
        "samen-val",
    ),
    ("Samenwerking is het sleutelwoord in dit beleidsplan.", "b", "geen", "geen", "samen-val"),
    (
        "We gaan graag met {aanb} in gesprek over de uitvoering van dit plan.",
        "",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "Samen met inwoners, verenigingen en ondernemers bouwen we aan sterke wijken.",
        "b",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "Een goede samenwerking met {aanb} is belangrijk voor het slagen van de transformatie.",
        "",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "De gemeente stelt de kaders vast en verwacht dat {aanb} daarbinnen goed samenwerken.",
        "",
        "controle",
        "geen",
        "samen-val",
    ),
    (
        "Wij informeren {aanb} tijdig over het nieuwe beleid, zodat we samen goed voorbereid zijn.",
        "",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "Het college heeft samen met de wethouder van de buurgemeente een werkbezoek afgelegd.",
        "r",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "We trekken samen op om de wachtlijsten terug te dringen.",
        "",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "Opdrachtnemer werkt samen met andere betrokken partijen waar dat in het belang "
        "van de cliënt is.",
        "i",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "Samen zorgen we ervoor dat kinderen veilig opgroeien.",
        "b",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "Het concept is ter consultatie voorgelegd aan {aanb}; de gemeente heeft daarna de "
        "kaders zelf vastgesteld.",
        "",
        "controle",
        "geen",
        "samen-val",
    ),
    (
        "De samenwerking tussen gemeente en {aanb} verloopt in goede harmonie.",
        "",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "We organiseren een informatiebijeenkomst waar we samen met {aanb} terugkijken op "
        "het afgelopen jaar.",
        "",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "De gemeente werkt samen met de politie en het onderwijs aan een veilige schoolomgeving.",
        "",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "Samen staan we sterk: dat is het motto van het nieuwe beleidsplan.",
        "b",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "Aanbieders worden uitgenodigd om samen met de gemeente na te denken over "
        "innovatie, maar de gemeente blijft het inkoopkader vaststellen.",
        "",
        "controle",
        "geen",
        "samen-val",
    ),
    (
        "De samenwerkingsagenda bevat een overzicht van lopende projecten in het sociaal domein.",
        "",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "We hechten aan een constructieve samenwerking en een open houding van alle betrokkenen.",
        "b",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "Opdrachtnemer dient samen te werken met de overige opdrachtnemers op de wijze die "
        "Opdrachtgever voorschrijft.",
        "i",
        "controle",
        "geen",
        "samen-val",
    ),
    (
        "Samen met het onderwijs zetten we in op een doorgaande leerlijn.",
        "b",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "De wethouder bezoekt samen met ambtenaren regelmatig de aanbieders in {wijk}.",
        "",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "Een verbeterde samenwerking tussen huisarts en gemeente staat hoog op de agenda.",
        "",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "We werken samen aan een inclusieve samenleving, waarin niemand buiten de boot valt.",
        "b",
        "geen",
        "geen",
        "samen-val",
    ),
    (
        "In de klankbordgroep kunnen aanbieders hun mening geven; het besluit over de "
        "kaders neemt het college.",
        "r",
        "controle",
        "geen",
        "samen-val",
    ),
    # centraal-val: the word centraal/centrale/één in another sense
    ("De inwoner staat centraal in alles wat we doen.", "b", "geen", "geen", "centraal-val"),
    (
        "Centraal in dit beleidsplan staat de vraag hoe we de kosten beheersbaar houden.",
        "b",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "De gemeente speelt een centrale rol in het sociaal domein.",
        "",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "De centrale doelstelling is dat inwoners zo lang mogelijk zelfstandig kunnen "
        "blijven wonen.",
        "b",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Het nieuwe gezondheidscentrum ligt centraal in {wijk} en is goed bereikbaar met het "
        "openbaar vervoer.",
        "",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "De vraag van het kind staat centraal, niet het aanbod van de organisatie.",
        "b",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Het Centraal Bureau voor de Statistiek publiceert jaarlijks de cijfers over "
        "jeugdhulpgebruik.",
        "",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Centrale vraag in het onderzoek was hoe tevreden cliënten zijn over de ondersteuning.",
        "",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Inwoners kunnen hun aanvraag voor een Wmo-voorziening bij het loket van de "
        "gemeente indienen, dat het gesprek voert en een beschikking afgeeft.",
        "",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "De gemeente heeft één contactpersoon per aanbieder, zodat vragen over het "
        "contract snel worden beantwoord.",
        "",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Alle declaraties worden via één landelijk berichtenverkeer ingediend.",
        "i",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Eén gemeentelijke organisatie voor alle inwoners: dat was het doel van de "
        "ambtelijke fusie met de buurgemeente.",
        "",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "De centrale administratie van de gemeente verwerkt de facturen binnen dertig dagen.",
        "i",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Het welzijn van kwetsbare inwoners staat centraal in de meerjarenvisie.",
        "b",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Een centrale plek in het beleid is ingeruimd voor mantelzorgondersteuning.",
        "b",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "De keukentafelgesprekken worden gevoerd door Wmo-consulenten van de gemeente, "
        "waarna de inwoner zelf een aanbieder kiest.",
        "",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Het college wil centraal blijven staan als aanspreekpunt voor de raad.",
        "r",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "In het centrum van de gemeente komt een nieuw gemeentehuis met een publiekshal.",
        "",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Wij hebben één heldere boodschap: iedereen doet mee.",
        "b",
        "geen",
        "geen",
        "centraal-val",
    ),
    (
        "Centraal uitgangspunt is dat de gemeente binnen het beschikbare budget blijft.",
        "b",
        "geen",
        "geen",
        "centraal-val",
    ),
    # regionale-inkoop: regional purchasing is not pooling provider functions
    (
        "De inkoop van specialistische jeugdhulp is belegd bij {cgem} als centrumgemeente.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "De gemeenten in {regio} kopen de jeugdhulp gezamenlijk in via een "
        "gemeenschappelijke regeling.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "De regionale inkooporganisatie sluit namens alle gemeenten in {regio} de "
        "contracten met de aanbieders.",
        "i",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "Beschermd wonen wordt centraal ingekocht door de centrumgemeente.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "De inkoopregio stelt de kwaliteitseisen vast en controleert of de aanbieders daaraan "
        "voldoen.",
        "i",
        "controle",
        "geen",
        "regionale-inkoop",
    ),
    (
        "Via de gemeenschappelijke regeling worden de contracten centraal beheerd en "
        "gemonitord op naleving.",
        "i",
        "controle",
        "geen",
        "regionale-inkoop",
    ),
    (
        "In {regio} stellen de gemeenten en {aanb} samen het regionale inkoopkader en de "
        "tarieven vast.",
        "",
        "cocreatie",
        "geen",
        "regionale-inkoop",
    ),
    (
        "De gemeente Aldervoort heeft de uitvoering van de regionale inkoop gemandateerd aan "
        "het inkoopbureau van de regio.",
        "r",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "De kosten van de regionale inkoop worden naar rato van het inwoneraantal over de "
        "deelnemende gemeenten verdeeld.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "De raad wordt voorgesteld in te stemmen met de regionale inkoopstrategie voor {per}.",
        "r",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "Door centraal in te kopen in {regio} verminderen de administratieve lasten voor "
        "aanbieders.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "Het regionaal inkoopteam bepaalt de tarieven en legt de eisen eenzijdig vast in de "
        "raamovereenkomsten.",
        "i",
        "controle",
        "geen",
        "regionale-inkoop",
    ),
    (
        "De gemeenten in de regio hebben besloten de inkoop van jeugdzorg met verblijf "
        "gezamenlijk te organiseren.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "Voor landelijk ingekochte zorg sluit de regio aan bij het landelijk transitiearrangement.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "De centrumgemeente ontvangt de decentralisatie-uitkering voor beschermd wonen en "
        "verdeelt die over de regio.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "Het contractmanagement van de regionale contracten is ondergebracht bij de "
        "centrale inkoopafdeling van {cgem}.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "De regio koopt centraal in, maar iedere gemeente blijft zelf verantwoordelijk voor "
        "haar lokale toegang.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "In de gemeenschappelijke regeling zijn afspraken gemaakt over de verdeling van "
        "financiële risico's tussen de gemeenten.",
        "",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    (
        "Aanbieders schrijven in op de regionale aanbesteding, waarna de centrumgemeente "
        "met iedere aanbieder afzonderlijk een contract sluit met vaste prestatie-eisen.",
        "i",
        "controle",
        "geen",
        "regionale-inkoop",
    ),
    (
        "De regionale inkoop leidt tot één set contractvoorwaarden voor alle gemeenten in {regio}.",
        "i",
        "geen",
        "geen",
        "regionale-inkoop",
    ),
    # negatie
    (
        "Er komt geen centrale toegang: inwoners blijven zich melden bij de aanbieder van "
        "hun keuze.",
        "",
        "geen",
        "decentraal",
        "negatie",
    ),
    (
        "De gemeente stelt de kaders niet langer alleen vast, maar samen met {aanb} en {verz}.",
        "",
        "cocreatie",
        "geen",
        "negatie",
    ),
    (
        "We kiezen er nadrukkelijk niet voor om de aanbieders samen te voegen in één "
        "organisatie; zij blijven zelfstandig en stemmen onderling af.",
        "b",
        "geen",
        "decentraal",
        "negatie",
    ),
    (
        "Aanbieders hebben geen zeggenschap over het inkoopkader; dat stelt de gemeente vast.",
        "",
        "controle",
        "geen",
        "negatie",
    ),
    (
        "Het wijkteam neemt de ondersteuning van de aanbieders niet over.",
        "",
        "geen",
        "geen",
        "negatie",
    ),
    (
        "De gemeente wil niet langer elke aanbieder afzonderlijk controleren, maar de doelen "
        "en het budget samen met de aanbieders bepalen.",
        "",
        "cocreatie",
        "geen",
        "negatie",
    ),
    (
        "De kaders zijn niet in overleg met de aanbieders tot stand gekomen.",
        "",
        "geen",
        "geen",
        "negatie",
    ),
    (
        "Er is geen sprake van een gezamenlijk budget; iedere aanbieder wordt afzonderlijk "
        "gecontracteerd en afgerekend op de eigen prestaties.",
        "i",
        "controle",
        "geen",
        "negatie",
    ),
    (
        "Een aparte toegang per aanbieder past niet bij onze visie; alle vragen komen "
        "binnen bij {team}.",
        "b",
        "geen",
        "centraal",
        "negatie",
    ),
    (
        "Niet de gemeente alleen, maar gemeente en partners samen bepalen de "
        "uitgangspunten en de verdeling van het budget.",
        "b",
        "cocreatie",
        "geen",
        "negatie",
    ),
    (
        "We gaan geen nieuw wijkteam oprichten.",
        "",
        "geen",
        "geen",
        "negatie",
    ),
    (
        "De gemeente is niet van plan de controle op de declaraties te verminderen; "
        "aanbieders blijven elke maand hun productie verantwoorden.",
        "",
        "controle",
        "geen",
        "negatie",
    ),
    (
        "Cliënten hoeven niet meer bij verschillende organisaties aan te kloppen: er is "
        "één voordeur voor alle hulpvragen.",
        "",
        "geen",
        "centraal",
        "negatie",
    ),
    (
        "Het is niet de bedoeling dat de aanbieders hun eigen intake afschaffen; zij "
        "houden hun eigen aanmelding en maken afspraken over overdracht.",
        "",
        "geen",
        "decentraal",
        "negatie",
    ),
    (
        "De aanbieders worden niet meer één voor één gecontracteerd; gemeente en "
        "aanbieders sluiten samen een alliantieovereenkomst met gedeelde doelen.",
        "i",
        "cocreatie",
        "geen",
        "negatie",
    ),
    (
        "Geen enkele aanbieder kan zonder verwijzing van het sociaal team starten met "
        "ondersteuning.",
        "",
        "geen",
        "centraal",
        "negatie",
    ),
    (
        "Wij zien geen noodzaak om de huidige werkwijze van de toegang te veranderen.",
        "",
        "geen",
        "geen",
        "negatie",
    ),
    (
        "Er is geen overleg geweest met de cliëntenraad over dit voorstel.",
        "r",
        "geen",
        "geen",
        "negatie",
    ),
    (
        "De gemeente laat de inhoud van de hulp niet over aan de aanbieders: zij schrijft "
        "voor welke interventies worden ingezet en controleert dat.",
        "",
        "controle",
        "geen",
        "negatie",
    ),
    (
        "Het buurtteam is geen nieuwe organisatie die de aanbieders vervangt, maar een "
        "afspraak tussen bestaande organisaties over wie wat oppakt.",
        "",
        "geen",
        "decentraal",
        "negatie",
    ),
    (
        "Zonder instemming van de partners in de alliantie worden de tarieven niet gewijzigd.",
        "i",
        "cocreatie",
        "geen",
        "negatie",
    ),
    (
        "Aanbieders zijn niet verplicht om aan de pilot deel te nemen.",
        "",
        "geen",
        "geen",
        "negatie",
    ),
    # modaliteit: options, questions, conditions, reported elsewhere -> geen;
    # stated intentions count as the written ambition
    (
        "Onderzocht wordt of een gezamenlijke toegang voor jeugd en Wmo haalbaar is.",
        "",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "In scenario B zou de toegang bij één team komen te liggen; het college adviseert "
        "dit scenario niet.",
        "r",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "De vraag is of het wenselijk is de kaders samen met de aanbieders vast te stellen.",
        "",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "Vanaf {jaar} willen wij alle toegang tot ondersteuning onderbrengen in één "
        "sociaal team per wijk.",
        "b",
        "geen",
        "centraal",
        "modaliteit",
    ),
    (
        "Wij streven ernaar de inhoudelijke en financiële kaders voortaan samen met {aanb} "
        "en {verz} vast te stellen.",
        "b",
        "cocreatie",
        "geen",
        "modaliteit",
    ),
    (
        "Andere gemeenten hebben goede ervaringen met alliantiecontracten; of dat ook voor "
        "ons geschikt is, moet nog blijken.",
        "",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "Een mogelijke optie is om het casemanagement te bundelen, maar daarover is nog "
        "geen besluit genomen.",
        "r",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "Het college is voornemens de contracteisen aan te scherpen en strenger te "
        "controleren op naleving.",
        "r",
        "controle",
        "geen",
        "modaliteit",
    ),
    (
        "Als de kosten blijven stijgen, kan de gemeente overwegen de tarieven eenzijdig "
        "aan te passen.",
        "",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "In de komende periode verkennen we met de aanbieders welke vormen van "
        "samenwerking mogelijk zijn.",
        "",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "De ambitie is dat aanbieders zelfstandig blijven en onderling de zorg rond de "
        "cliënt coördineren.",
        "b",
        "geen",
        "decentraal",
        "modaliteit",
    ),
    (
        "De rekenkamer beveelt aan om een centrale toegang te overwegen.",
        "r",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "Eerder is geëxperimenteerd met een gezamenlijk budget; dat experiment is in "
        "2019 beëindigd.",
        "",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "Wij gaan de wijkteams de komende jaren verder uitbouwen tot de enige toegang "
        "tot hulp en ondersteuning.",
        "b",
        "geen",
        "centraal",
        "modaliteit",
    ),
    (
        "Het is denkbaar dat partijen op termijn een gezamenlijke organisatie oprichten.",
        "",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "Op termijn willen we toe naar een partnerschap waarin de partners samen de "
        "doelen en de middelen bepalen.",
        "b",
        "cocreatie",
        "geen",
        "modaliteit",
    ),
    (
        "Sommige raadsleden pleiten voor meer controle op aanbieders; het college neemt "
        "dit mee in de evaluatie.",
        "r",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "Mocht de pilot slagen, dan kan worden bezien of het model van één front office "
        "breder wordt ingevoerd.",
        "",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "De gemeente zal de komende jaren per aanbieder strakker sturen op prestaties en kosten.",
        "b",
        "controle",
        "geen",
        "modaliteit",
    ),
    (
        "In een buurgemeente werkt men met een wijkteam als enige toegang; wij volgen die "
        "ervaringen met belangstelling.",
        "",
        "geen",
        "geen",
        "modaliteit",
    ),
    (
        "Het is de bedoeling dat de aanbieders vanaf {jaar} ieder hun eigen toegang "
        "houden en onderling afspraken maken over overdracht.",
        "",
        "geen",
        "decentraal",
        "modaliteit",
    ),
    (
        "Welke rol de zorgverzekeraar in de toekomst krijgt, is nog onduidelijk.",
        "",
        "geen",
        "geen",
        "modaliteit",
    ),
    # gemengd: cues of both poles on one axis; the decision rule names the label
    (
        "De gemeente stelt de strategische en financiële kaders vast; de inhoudelijke "
        "kaders worden samen met {aanb} uitgewerkt.",
        "",
        "controle",
        "geen",
        "gemengd",
    ),
    (
        "Strategie en budget bepalen gemeente en {aanb} samen; de gemeente organiseert het "
        "proces en bewaakt de afspraken.",
        "",
        "cocreatie",
        "geen",
        "gemengd",
    ),
    (
        "De aanbieders bouwen één gezamenlijke voordeur, maar leveren de specialistische "
        "hulp daarna ieder vanuit hun eigen organisatie.",
        "",
        "geen",
        "centraal",
        "gemengd",
    ),
    (
        "De aanbieders leveren gespecialiseerde zorg zelfstandig, maar de toegang en de "
        "lichte ondersteuning liggen bij {team}.",
        "",
        "geen",
        "centraal",
        "gemengd",
    ),
    (
        "De gemeente bepaalt het budget en de resultaten; over de werkwijze in de wijk "
        "beslissen de professionals samen met de gemeente.",
        "",
        "controle",
        "geen",
        "gemengd",
    ),
    (
        "Hoewel het beleid uitgaat van één toegang, melden inwoners zich in de praktijk nog "
        "vaak rechtstreeks bij de aanbieders.",
        "",
        "geen",
        "centraal",
        "gemengd",
    ),
    (
        "De kaders zijn samen met de aanbieders opgesteld en in een gezamenlijk budget "
        "vertaald; de gemeente blijft wel de verantwoording aan de raad afleggen.",
        "",
        "cocreatie",
        "geen",
        "gemengd",
    ),
    (
        "Het contract legt prestatie-eisen vast, maar de invulling van de eisen bepalen "
        "opdrachtgever en opdrachtnemer jaarlijks samen; het budget en de tarieven stelt "
        "opdrachtgever vast.",
        "i",
        "controle",
        "geen",
        "gemengd",
    ),
    (
        "Het wijkteam doet de intake en voert de casusregie, terwijl de aanbieders elk hun "
        "eigen behandeling blijven bieden.",
        "",
        "geen",
        "centraal",
        "gemengd",
    ),
    (
        "Gemeente en aanbieders stellen samen het financiële en strategische kader vast, en "
        "de gemeente ziet erop toe dat de gezamenlijke afspraken worden nagekomen.",
        "",
        "cocreatie",
        "geen",
        "gemengd",
    ),
    (
        "Elke aanbieder houdt een eigen aanmelding voor specialistische hulp, maar alle "
        "lichte vragen gaan via het gezamenlijke wijkloket waarin de aanbieders hun "
        "intake hebben samengebracht.",
        "",
        "geen",
        "centraal",
        "gemengd",
    ),
    (
        "De gemeente stelt het kader, maar de aanbieders denken mee over de uitwerking van "
        "de kwaliteitseisen.",
        "",
        "controle",
        "geen",
        "gemengd",
    ),
    (
        "We maken met de aanbieders afspraken over de inhoud van de hulp; het budget en de "
        "strategische koers bepaalt de gemeente.",
        "b",
        "controle",
        "geen",
        "gemengd",
    ),
    (
        "De partners delen het budget en de doelen, terwijl de gemeente als procesregisseur "
        "het kader voor de samenwerking bewaakt.",
        "",
        "cocreatie",
        "geen",
        "gemengd",
    ),
]
