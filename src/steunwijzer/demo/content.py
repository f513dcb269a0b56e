"""The texts of the demo SOPs, written the way a school team would write them.

`PROFILE_HISTORY` maps a school (see `demo.SCHOOLS`) to the saves that built its profile,
oldest first: (author username, answers). The author "directie" is the school's director.
A school with an empty list has a profile that is only started; a school missing here has
no profile yet. Field and choice keys are those of the Haaglanden model
(regional_model/formats/haaglanden-2.0.yaml).

Long texts are in the editor's markup, hard-wrapped for reading: a blank line separates
paragraphs and "- " lists, and `demo._unwrap` joins the wrapped lines. Placeholders such as
{jaar} (the first calendar year of the school year) keep dates and years current.

Everything here is fictional and about groups and the school, never about a single pupil.
"""

# --- OBS De Regenboog (Escamp): half written, by the director and the intern begeleider ---

REGENBOOG = [
    (
        "directeur",
        {
            "onderwijsconcept": "regulier",
            "onderwijsconcept_toelichting": (
                "We werken met jaargroepen en geven in elke groep instructie op drie niveaus."
            ),
            "aantal_groepen": 12,
            "gemiddelde_groepsgrootte": 26,
            "contactpersoon_ondersteuning": "Fatima el Amrani, intern begeleider",
            "contactpersoon_bereikbaarheid": (
                "ib@obsderegenboog.example, 070 555 21 40, op maandag, dinsdag en donderdag"
            ),
        },
    ),
    (
        "directeur",
        {
            "visie_passend_onderwijs": """
            Op De Regenboog is ieder kind uit de wijk welkom. We kijken eerst naar wat een kind
            nodig heeft en pas daarna naar wat er moeilijk gaat.

            We werken samen met ouders en met de partners in de wijk.
        """,
        },
    ),
    (
        "ib",
        {
            "schoolpopulatie": """
            De Regenboog staat midden in Escamp. De meeste leerlingen wonen op loopafstand van
            de school. In ongeveer de helft van de gezinnen wordt thuis ook een andere taal
            gesproken, vaak Turks, Arabisch, Pools of Papiaments. Veel kinderen komen bij ons
            binnen met een kleine Nederlandse woordenschat.

            Daarom doen we dit extra:

            - elke dag een vaste woordenschatles in alle groepen;
            - in groep 1 en 2 een onderwijsassistent die vier ochtenden per week in kleine
              groepjes taalspelletjes doet;
            - elke dag twintig minuten voorlezen, ook in groep 7 en 8.

            Volgens de Verscheidenheidsindex krijgen ongeveer 40 van onze 312 leerlingen extra
            ondersteuning. Zes leerlingen werken met een ontwikkelingsperspectief (OPP).
        """,
            "ouders_en_leerlingen": """
            Drie keer per jaar praten de leerkracht, de ouders en het kind samen over hoe het
            gaat (het driehoeksgesprek). Vanaf groep 5 bereidt het kind dat gesprek zelf voor.

            Krijgt een kind extra ondersteuning, dan schrijven we het plan samen met de ouders.
            We vragen het kind wat het zelf nodig heeft en wat al goed gaat. Ouders die nog
            weinig Nederlands spreken, mogen iemand meenemen die voor hen vertaalt.

            De leerlingenraad, met twee leerlingen uit elke groep 5 tot en met 8, praat elk jaar
            mee over de regels op het plein en de aanpak van pesten.
        """,
        },
    ),
    (
        "ib",
        {
            "preventieve_interventies": """
            In groep 1 en 2 volgen we elk kind met observaties tijdens het spelen en werken.
            Vanaf groep 3 maken alle leerlingen in januari en juni de toetsen van het
            leerlingvolgsysteem.

            Zo helpen we binnen de groep:

            - Leest een leerling in groep 3 of 4 te langzaam, dan krijgt hij vier keer per week
              een kwartier extra leesoefening in een groepje van vier.
            - Bij rekenen krijgen leerlingen die het nog niet begrijpen, de uitleg een dag van
              tevoren al een keer (pre-teaching).
            - Leerlingen met dyslexie krijgen extra tijd bij toetsen en mogen teksten laten
              voorlezen met de laptop.
            - Bij onrustig gedrag maakt de leerkracht met het kind en de ouders een plan met
              twee of drie afspraken. Na vier weken kijken we samen of het helpt.
        """,
            "ondersteuningsstructuur": """
            De leerkracht is het eerste aanspreekpunt voor ouders. Maakt een leerkracht zich
            zorgen over een leerling, dan bespreekt hij dat met de intern begeleider. Onze
            intern begeleider is er op maandag, dinsdag en donderdag.

            Vier keer per jaar bespreekt de intern begeleider met elke leerkracht alle
            leerlingen van de groep. Zes keer per jaar is er een ondersteuningsteam met de
            intern begeleider, de schoolmaatschappelijk werker, de jeugdverpleegkundige van het
            CJG Escamp en de onderwijsadviseur van het samenwerkingsverband. Ouders zijn daarbij
            altijd welkom. We bespreken een kind nooit zonder dat de ouders het weten.

            De volledige beschrijving staat in hoofdstuk 5 van onze schoolgids.
        """,
            "interventies_basis": [
                "verlengde_instructie",
                "pre_teaching",
                "dyslexieprotocol",
                "hulpmiddelen_dyslexie",
                "sociaal_emotioneel_programma",
                "pestprotocol",
                "gedragsafspraken",
                "woordenschat",
                "kindgesprekken",
                "schoolmaatschappelijk_werk",
            ],
        },
    ),
    (
        "directeur",
        {
            "visie_passend_onderwijs": """
            Op De Regenboog is ieder kind uit de wijk welkom. We kijken eerst naar wat een kind
            nodig heeft en pas daarna naar wat er moeilijk gaat. Een kind leert het best in een
            rustige en veilige groep, met een leerkracht die het kind goed kent.

            Wat merkt u daarvan?

            - In elke groep geeft de leerkracht instructie op drie niveaus. Wie meer uitleg
              nodig heeft, krijgt die aan de instructietafel.
            - Elke dag begint met een kringgesprek, zodat de leerkracht ziet hoe het met de
              kinderen gaat.
            - We zoeken hulp zo dicht mogelijk bij de klas: eerst in de groep, dan met de intern
              begeleider, en pas daarna buiten de school.

            We werken samen met ouders en met partners in de wijk, zoals het CJG en de
            bibliotheek. Onze onderwijsvisie staat in de schoolgids.
        """,
            "basiskwaliteit": """
            De inspectie heeft ons in het najaar van {twee_jaar_geleden} bezocht. Het oordeel
            was voldoende. De inspectie noemde de veilige sfeer en de duidelijke afspraken als
            sterke punten. Een verbeterpunt was dat we beter moesten nagaan of extra hulp ook
            echt werkt. Daar werken we nu aan.

            De directeur en de intern begeleider bezoeken elke leerkracht minstens twee keer per
            jaar in de klas. Twee keer per jaar bespreken we met het hele team de
            toetsresultaten en spreken we af waar we extra aandacht aan geven.
        """,
        },
    ),
    (
        "ib",
        {
            "expertise_team": [
                {
                    "expertise": "Taal en NT2",
                    "functie": "taalcoördinator (leerkracht groep 4)",
                    "uren_per_week": 4,
                },
                {
                    "expertise": "Dyslexie en leesproblemen",
                    "functie": "leesspecialist",
                    "uren_per_week": 3,
                },
                {
                    "expertise": "Gedrag",
                    "functie": "intern begeleider met opleiding gedragsspecialist",
                    "uren_per_week": 4,
                },
                {
                    "expertise": "Jonge kind",
                    "functie": "onderwijsassistent groep 1 en 2",
                    "uren_per_week": 16,
                },
            ],
            "expertise_aanbod": ["dyslexie", "gedrag", "taal_nt2", "sociaal_emotioneel"],
        },
    ),
]

# --- OBS De Zeester (Scheveningen): complete, in plain language: no SOP-check findings ---

ZEESTER = [
    (
        "directie",
        {
            "onderwijsconcept": "regulier",
            "onderwijsconcept_toelichting": (
                "Groep 1-2 is een gemengde kleutergroep. Verder hebben we jaargroepen en de "
                "combinatiegroepen 5/6 en 7/8."
            ),
            "aantal_groepen": 10,
            "gemiddelde_groepsgrootte": 25,
            "contactpersoon_ondersteuning": "Ingrid Smit, zorgcoördinator",
            "contactpersoon_bereikbaarheid": (
                "ib@obsdezeester.example, 070 555 34 12, op dinsdag, woensdag en vrijdag"
            ),
            "visie_passend_onderwijs": """
            De Zeester is een kleine school vlak bij de haven. Veel ouders zaten zelf ook bij
            ons op school. Kinderen uit de buurt horen samen naar school te gaan. Dat geldt ook
            als een kind wat meer hulp nodig heeft.

            Wij werken met duidelijke regels en een vaste dag. Onze leerkrachten zien snel als
            een kind vastloopt. We geven liever vroeg een beetje hulp dan laat veel hulp.

            We zeggen ook eerlijk wat we niet kunnen. Heeft een kind meer nodig dan wij kunnen
            geven? Dan zeggen we dat op tijd. Samen met de ouders zoeken we dan verder.
        """,
            "ouders_en_leerlingen": """
            Elke ouder heeft in september een startgesprek met de leerkracht. U vertelt dan wat
            u van uw kind weet. Vanaf groep 6 zit uw kind zelf ook bij dit gesprek.

            Krijgt uw kind extra hulp? Dan spreken we u minstens vier keer per jaar. Groep 7 en
            8 vullen twee keer per jaar een lijst in. Daarop staat hoe veilig zij zich voelen.
            De uitkomst bespreken we met de leerlingenraad.
        """,
            "schoolpopulatie": """
            De meeste leerlingen wonen in Scheveningen-Haven en Duindorp. Bijna alle gezinnen
            spreken thuis Nederlands. Ongeveer een op de tien gezinnen spreekt ook Pools of een
            andere taal. Veel kinderen kennen elkaar al uit de buurt.

            Ongeveer 30 van onze 245 leerlingen krijgen extra hulp. De meeste vragen gaan over
            gedrag, concentratie en lezen. Daarom oefenen we veel met omgaan met elkaar. Ook
            hebben we een eigen gedragsspecialist in het team.
        """,
            "basiskwaliteit": """
            De inspectie deed in het voorjaar van {twee_jaar_geleden} onderzoek op De Zeester.
            Het oordeel was voldoende. De inspectie vond de sfeer in de groepen goed en veilig.
            Wel moesten we beter naar de rekenresultaten kijken.

            Na elke toetsperiode bespreekt de rekencoördinator nu per groep de uitslagen. De
            directeur bezoekt elke groep minstens drie keer per jaar. Daarna bespreekt hij de
            les met de leerkracht.
        """,
            "preventieve_interventies": """
            We volgen alle leerlingen met toetsen. In oktober en maart vullen de leerkrachten
            ook een lijst in over gedrag en welzijn.

            - Lezen: blijft een leerling in groep 3, 4 of 5 achter? Dan leest hij vier keer per
              week tien minuten extra met de onderwijsassistent.
            - Rekenen: elke dag krijgt een klein groepje extra uitleg aan de instructietafel.
            - Gedrag: elke groep begint het jaar met 'de gouden weken'. De groep maakt dan samen
              de regels. Bij moeilijk gedrag maakt de leerkracht een plan met de
              gedragsspecialist.
            - Rust: in elke groep zijn twee rustige werkplekken en koptelefoons.
        """,
            "ondersteuningsstructuur": """
            De leerkracht zorgt voor alle leerlingen in de groep. Ouders gaan eerst naar de
            leerkracht. Ingrid Smit is onze zorgcoördinator. Zij werkt drie dagen per week. Zij
            helpt leerkrachten bij kinderen die meer nodig hebben. Onze gedragsspecialist heeft
            acht uur per week voor observaties en gesprekken.

            Vijf keer per jaar komt ons zorgteam bij elkaar. Daarin zitten de zorgcoördinator en
            de schoolmaatschappelijk werker. Ook de jeugdverpleegkundige van het CJG
            Scheveningen schuift aan. De adviseur van SWV Hofstad denkt mee. Bespreken we uw
            kind? Dan nodigen we u altijd uit.
        """,
            "planmatig_werken": """
            Elke leerkracht maakt twee keer per jaar een plan voor de groep. Het plan gaat over
            rekenen, lezen, spelling en gedrag. Na zes weken kijken de leerkracht en de
            zorgcoördinator of de aanpak werkt.

            Haalt een leerling op een vak het niveau van de groep niet? Dan krijgt hij een eigen
            plan met doelen voor langere tijd. Dat plan maken we samen met de ouders. We
            bespreken het twee keer per jaar. Nu hebben vijf leerlingen zo'n plan.
        """,
            "interventies_basis": [
                "verlengde_instructie",
                "dyslexieprotocol",
                "hulpmiddelen_dyslexie",
                "verrijking",
                "sociaal_emotioneel_programma",
                "pestprotocol",
                "gedragsafspraken",
                "prikkelarme_werkplek",
                "kindgesprekken",
                "medisch_protocol",
            ],
            "niet_in_basisondersteuning": """
            Dit hoort bij ons niet bij de gewone hulp in de klas.

            - Meer dan twintig minuten per dag alleen met één leerling werken.
            - Een eigen programma voor meer dan één vak.
            - Elke dag hulp buiten de klas bij ernstige problemen met gedrag.
            - Hulp bij persoonlijke verzorging, zoals naar de wc gaan.

            Heeft een leerling dit nodig? Dan vragen we extra hulp aan bij SWV Hofstad. Meer
            daarover staat in hoofdstuk 3.
        """,
        },
    ),
    (
        "directie",
        {
            "expertise_team": [
                {
                    "expertise": "Gedrag",
                    "functie": "gedragsspecialist (master SEN)",
                    "uren_per_week": 8,
                },
                {
                    "expertise": "Lezen en dyslexie",
                    "functie": "leesspecialist (leerkracht groep 3)",
                    "uren_per_week": 3,
                },
                {"expertise": "Rekenen", "functie": "rekencoördinator", "uren_per_week": 2},
                {
                    "expertise": "Sociale vaardigheden",
                    "functie": "trainer sociale vaardigheden (onderwijsassistent)",
                    "uren_per_week": 4,
                },
            ],
            "expertise_aanbod": ["dyslexie", "gedrag", "sociaal_emotioneel"],
            "externe_partners": [
                {
                    "organisatie": "CJG Scheveningen",
                    "wat_doen_zij": "jeugdverpleegkundige, spreekuur voor ouders",
                    "hoe_vaak": "maandelijks",
                },
                {
                    "organisatie": "Schoolmaatschappelijk werk",
                    "wat_doen_zij": "gesprekken met ouders en kinderen",
                    "hoe_vaak": "wekelijks",
                },
                {
                    "organisatie": "SWV Hofstad",
                    "wat_doen_zij": "onderwijsadviseur in het ondersteuningsteam",
                    "hoe_vaak": "een_paar_keer_per_jaar",
                },
                {
                    "organisatie": "Logopediepraktijk Aan Zee",
                    "wat_doen_zij": "logopedie op school onder schooltijd",
                    "hoe_vaak": "wekelijks",
                },
            ],
            "arrangementen": """
            Sommige kinderen vinden samenwerken lastig, of hebben moeite met hun emoties. Voor
            hen hebben we de Zeeklas. Dat is een groepje van zes leerlingen uit groep 4 tot en
            met 8. Zij oefenen twee middagen per week met de gedragsspecialist. Een kind gaat
            tien weken naar de Zeeklas. Daarna kijken we met de ouders of het genoeg was.

            Heeft een kind grote problemen met lezen of gedrag? Dan vragen we extra hulp aan bij
            SWV Hofstad. Een specialist komt dan twee keer per week een half uur. Dit jaar
            krijgen drie leerlingen zulke hulp, vooral voor gedrag.
        """,
            "groepsgrootte_en_samenstelling": """
            Onze groepen hebben gemiddeld 25 leerlingen. De combinatiegroepen zijn groter. In
            groep 5/6 zitten 29 leerlingen. Daar past geen tweede kind dat de hele dag eigen
            hulp nodig heeft.

            Bij elke aanmelding kijken we naar de groep van het kind. Hoe groot is die? Hoeveel
            kinderen krijgen er al extra hulp? Groep 7/8 heeft dit jaar de meeste kinderen met
            extra hulp. Daar plaatsen we dit jaar geen nieuwe leerling met een grote vraag over
            gedrag.
        """,
            "deskundigheid_en_beschikbaarheid": """
            Onze gedragsspecialist werkt acht uur per week voor de hele school. Daarmee kan zij
            per jaar hooguit vier leerlingen goed helpen bij gedrag. De zorgcoördinator werkt
            drie dagen per week.

            Is de gedragsspecialist ziek? Dan valt de Zeeklas die dag uit. We bellen de ouders
            dezelfde ochtend. Is de onderwijsassistent ziek? Dan neemt de leerkracht het extra
            lezen over.
        """,
            "grenzen_niet_bieden": """
            Dit kunnen wij niet bieden.

            - Een eigen begeleider die de hele dag naast een leerling zit.
            - Een veilige plek voor een kind dat vaak slaat, schopt of met spullen gooit. Dan
              lopen andere kinderen gevaar.
            - Les op de eerste verdieping aan een kind in een rolstoel. Ons gebouw heeft geen
              lift.
            - Zorg die een verpleegkundige geeft, zoals sondevoeding of een prik.
        """,
            "grens_bereikt": """
            Merken we dat we een kind niet meer goed kunnen helpen? Dan nodigen de leerkracht en
            de zorgcoördinator de ouders uit. Daarna bespreken we het kind in het zorgteam, samen
            met de ouders. De adviseur van SWV Hofstad denkt mee.

            Samen zoeken we naar extra hulp of naar een school die beter past. Dat kan enkele
            maanden duren. Uw kind blijft bij ons tot het een goede nieuwe plek heeft.
        """,
            "verwijzing_sbo_so": """
            Soms gaat een kind ook met extra hulp een jaar lang weinig vooruit. Of het voelt zich
            op school niet meer veilig. Dan praten we met de ouders over een speciale school.
            Samen bezoeken we zo'n school, bijvoorbeeld De Wissel. Daarna vragen we samen
            toestemming aan SWV Hofstad. Zonder die toestemming mag een kind niet naar een
            speciale school.
        """,
            "aanmelden_toelichting": """
            Eerst maakt u een afspraak voor een kennismaking en een rondleiding. Daarna vult u
            het aanmeldformulier in. Heeft uw kind extra hulp nodig? Dan vragen we met uw
            toestemming informatie op bij de peuterspeelzaal of de vorige school. Binnen zes
            weken hoort u of we uw kind een goede plek kunnen geven. Een groep is vol bij 29
            leerlingen.
        """,
            "aanmeldprocedure_url": "https://obsdezeester.example/aanmelden",
            "schoolgids_url": "https://obsdezeester.example/schoolgids",
            "schoolgids_onderwijsvisie": "https://obsdezeester.example/schoolgids#visie",
            "schoolgids_pedagogisch_didactisch": "https://obsdezeester.example/schoolgids#onderwijs",
            "schoolgids_ondersteuningsstructuur": (
                "https://obsdezeester.example/schoolgids#ondersteuning"
            ),
            "evaluatie_laatste": "{jaar}-06-19",
            "evaluatie_volgende": "{volgend_jaar}-06-17",
        },
    ),
    (
        "directie",
        {
            "evaluatie_wijzigingen": """
            Sinds dit schooljaar hebben we de Zeeklas. Daar oefenen kinderen met omgaan met
            elkaar. De gedragsspecialist werkt nu acht uur per week in plaats van vier. Bij de
            grenzen staat nu hoe groot de combinatiegroepen zijn.
        """,
        },
    ),
]

# --- RKBS De Lindeboom (Rijswijk): complete, in plain language: no SOP-check findings ---

LINDEBOOM = [
    (
        "directie",
        {
            "onderwijsconcept": "regulier",
            "onderwijsconcept_toelichting": (
                "We werken met jaargroepen. Vanaf groep 5 werken leerlingen een deel van de dag "
                "met "
                "een weektaak."
            ),
            "aantal_groepen": 14,
            "gemiddelde_groepsgrootte": 26,
            "contactpersoon_ondersteuning": "Joyce van Dijk, zorgcoördinator groep 1 tot en met 4",
            "contactpersoon_bereikbaarheid": (
                "ib@rkbsdelindeboom.example, 070 555 48 90, van maandag tot en met donderdag"
            ),
            "visie_passend_onderwijs": """
            De Lindeboom is een katholieke school. Respect voor elkaar staat bij ons voorop.
            Kinderen van alle achtergronden zijn welkom. Ieder kind mag zijn wie het is.

            We hebben veel ervaring met kinderen die snel overprikkeld raken. Denk aan kinderen
            met autisme. In elke groep staat het dagprogramma met plaatjes op het bord. Een
            verandering kondigen we vooraf aan. Daar heeft de hele groep baat bij.

            Kinderen die meer aankunnen, krijgen extra uitdaging in de klas en in de Lindeklas.
            Zo gaat ieder kind met plezier naar school.
        """,
            "ouders_en_leerlingen": """
            Ouders kennen hun kind het best. Daarom begint elk schooljaar met een gesprek met de
            ouders. U vertelt dan wat uw kind nodig heeft. Twee keer per jaar volgt een
            rapportgesprek.

            Leerlingen uit groep 6, 7 en 8 schrijven zelf mee aan hun plan. Wat wil ik leren?
            Wat helpt mij daarbij? De leerlingenraad dacht dit jaar mee over de stiltehoeken.
        """,
            "schoolpopulatie": """
            De Lindeboom staat in Rijswijk-Zuid. In de wijk staan koophuizen en huurhuizen. De
            leerlingen komen uit Rijswijk en voor een deel uit Den Haag. Bijna alle kinderen
            spreken thuis Nederlands.

            Ongeveer 45 van de 360 leerlingen krijgen extra hulp. Veel van hen hebben autisme
            of raken snel overprikkeld. Ook kunnen veel leerlingen meer aan dan de gewone
            lesstof. Daarom hebben we een auti-coach en een specialist voor slimme kinderen.
        """,
            "basiskwaliteit": """
            De inspectie bezocht ons in {vorig_jaar}. Zij vond ons onderwijs voldoende. Onze
            eindresultaten liggen boven het landelijk gemiddelde. De inspectie wilde een betere
            overstap van groep 2 naar groep 3. Daarom werken groep 2 en 3 nu met dezelfde aanpak
            voor lezen en rekenen.

            Elk jaar kijkt het team samen naar de kwaliteit van onze hulp. Dat doen we met een
            lijst van SWV Hofstad. De directie en de zorgcoördinatoren bezoeken alle groepen
            twee keer per jaar.
        """,
            "preventieve_interventies": """
            - Alle kleuters volgen we met observaties. Valt een kleuter op bij taal of rekenen?
              Dan speelt hij in groep 2 extra spelletjes in een klein groepje.
            - Vanaf groep 3 toetsen we twee keer per jaar lezen, spelling en rekenen. Na elke
              toets maakt de leerkracht nieuwe groepjes voor de uitleg.
            - Leerlingen met dyslexie krijgen extra leestijd en software die voorleest. Dat
              geldt ook als we dyslexie nog maar vermoeden.
            - Raakt een kind snel overprikkeld? Dan krijgt het een koptelefoon en een vaste plek
              in de klas. Ook is er een rustplek op de gang.
            - Elke week krijgt elke groep een les over omgaan met elkaar.
        """,
            "ondersteuningsstructuur": """
            We hebben twee zorgcoördinatoren. De ene werkt voor groep 1 tot en met 4, de andere
            voor groep 5 tot en met 8. Samen werken zij zeven dagen per week.

            Heeft de leerkracht zorgen? Dan praat hij eerst met de ouders. Drie keer per jaar
            bespreekt de leerkracht de groep met de zorgcoördinator. Zes keer per jaar komt het
            zorgteam bij elkaar. Daarin zitten de jeugdverpleegkundige van het CJG Rijswijk en
            het schoolmaatschappelijk werk. Ook de adviseur van SWV Hofstad doet mee. De ouders
            zijn er altijd bij.
        """,
            "planmatig_werken": """
            We kijken naar wat een kind nodig heeft, niet naar wat het mankeert. Elke leerkracht
            maakt een plan voor de groep. Het plan gaat over rekenen, lezen, begrijpend lezen en
            spelling. Elk plan heeft drie niveaus. Na elke toetsperiode past de leerkracht het
            plan aan.

            Loopt een leerling een jaar of meer achter? En werkt hij op een vak aan eigen doelen?
            Dan krijgt hij een eigen plan voor langere tijd. Dat maken we met de ouders en de
            leerling. We bespreken het elk half jaar.
        """,
            "interventies_basis": [
                "verlengde_instructie",
                "pre_teaching",
                "dyslexieprotocol",
                "protocol_rekenen",
                "hulpmiddelen_dyslexie",
                "verrijking",
                "sociaal_emotioneel_programma",
                "pestprotocol",
                "prikkelarme_werkplek",
                "kindgesprekken",
                "medisch_protocol",
            ],
            "niet_in_basisondersteuning": """
            Dit hoort niet bij onze gewone hulp.

            - Een eigen begeleider in de klas, ook niet voor een deel van de dag.
            - Een aparte ruimte waar een leerling lange tijd alleen werkt.
            - Een heel eigen programma voor slimme kinderen, naast de Lindeklas.
            - Therapie onder schooltijd, zoals speltherapie. Dat regelen ouders zelf. Wij denken
              mee over het rooster.
        """,
            "expertise_team": [
                {
                    "expertise": "Autisme",
                    "functie": "auti-coach (leerkracht met opleiding)",
                    "uren_per_week": 12,
                },
                {
                    "expertise": "Hoogbegaafdheid",
                    "functie": "specialist meer- en hoogbegaafdheid",
                    "uren_per_week": 8,
                },
                {"expertise": "Dyslexie", "functie": "leesspecialist", "uren_per_week": 4},
                {
                    "expertise": "Rekenen en dyscalculie",
                    "functie": "rekenspecialist",
                    "uren_per_week": 4,
                },
            ],
            "expertise_aanbod": [
                "dyslexie",
                "dyscalculie",
                "autisme",
                "hoogbegaafdheid",
                "sociaal_emotioneel",
            ],
            "externe_partners": [
                {
                    "organisatie": "CJG Rijswijk",
                    "wat_doen_zij": "jeugdverpleegkundige en opvoedadvies",
                    "hoe_vaak": "maandelijks",
                },
                {
                    "organisatie": "SWV Hofstad",
                    "wat_doen_zij": "onderwijsadviseur en arrangementen",
                    "hoe_vaak": "een_paar_keer_per_jaar",
                },
                {
                    "organisatie": "Kinderfysiotherapie De Sprong",
                    "wat_doen_zij": "fysiotherapie op school",
                    "hoe_vaak": "wekelijks",
                },
                {
                    "organisatie": "Jeugdteam Rijswijk",
                    "wat_doen_zij": "hulp aan gezinnen thuis",
                    "hoe_vaak": "als_het_nodig_is",
                },
            ],
            "arrangementen": """
            Lindeklas: voor leerlingen uit groep 5 tot en met 8 die veel meer aankunnen. Zij
            gaan elke woensdagochtend naar de Lindeklas. Ze werken daar aan projecten. Ze leren
            plannen en doorzetten. De specialist voor slimme kinderen geeft deze les.

            Autisme: een leerling met autisme kan twee keer per week praten met de auti-coach.
            De auti-coach helpt ook de leerkracht om de dag voorspelbaar te maken. Is dat niet
            genoeg? Dan vragen we extra hulp aan bij SWV Hofstad. Dit jaar krijgen vier
            leerlingen die hulp.

            Rekenen: een klein groepje met grote problemen bij rekenen werkt drie keer per week
            met de rekenspecialist.
        """,
            "groepsgrootte_en_samenstelling": """
            In groep 1 tot en met 5 zitten 24 tot 26 leerlingen. In groep 6, 7 en 8 zijn dat er
            28 tot 30. In een groep van 28 of meer leerlingen is het druk. Daar heeft de
            leerkracht weinig tijd voor kinderen die veel hulp nodig hebben.

            We letten ook op de samenstelling van de groep. In één groep zitten niet meer dan
            drie leerlingen met extra hulp van SWV Hofstad. Groep 6 en groep 8 zitten dit jaar
            aan die grens.
        """,
            "deskundigheid_en_beschikbaarheid": """
            De auti-coach werkt twaalf uur per week. Daarmee kan zij ongeveer tien leerlingen
            met autisme goed helpen. Komen er meer leerlingen met een grote vraag bij? Dan
            moeten we kiezen. Leerlingen zien de auti-coach dan minder vaak.

            De Lindeklas gaat alleen door als de specialist er is. Is de specialist lang ziek?
            Dan zoeken we een vervanger bij een andere school van ons bestuur.
        """,
            "grenzen_niet_bieden": """
            Dit kunnen wij niet bieden.

            - Les aan een kind dat niet in een groep van 28 leerlingen kan zijn. Ook niet voor
              een deel van de dag.
            - Een veilige plek voor een kind dat zichzelf of anderen vaak pijn doet.
            - Zorg van een verpleegkundige, zoals katheteriseren of sondevoeding.
            - Les aan een kind dat alleen met gebaren of een spraakcomputer praat. Daarvoor
              heeft ons team niet de kennis.
        """,
            "grens_bereikt": """
            Naderen we de grens? Dan zeggen we dat eerlijk tegen de ouders. De zorgcoördinator
            nodigt de ouders uit. Samen maken zij een plan voor de komende zes weken. Werkt dat
            niet? Dan vragen we de adviseur van SWV Hofstad om mee te denken. Misschien helpt
            extra hulp, of past een andere school beter. Uw kind blijft bij ons tot het een
            nieuwe plek heeft.
        """,
            "verwijzing_sbo_so": """
            Soms gaat een kind ondanks extra hulp niet vooruit. Of het voelt zich in een grote
            groep niet prettig en veilig. Dan bespreken we met de ouders een overstap naar een
            speciale school. We bezoeken samen zo'n school. Daarna vragen we samen toestemming
            aan SWV Hofstad. Dat is nodig voor een plek op een speciale school.
        """,
        },
    ),
    (
        "directie",
        {
            "aanmelden_toelichting": """
            Elke maand is er een rondleiding voor nieuwe ouders. Daarna vult u het
            aanmeldformulier in. Heeft uw kind extra hulp nodig? Dan nodigt de zorgcoördinator u
            uit voor een gesprek. Binnen zes weken hoort u of er een goede plek is voor uw kind.
            Een groep is vol bij 30 leerlingen.
        """,
            "aanmeldprocedure_url": "https://rkbsdelindeboom.example/aanmelden",
            "schoolgids_url": "https://rkbsdelindeboom.example/schoolgids",
            "schoolgids_onderwijsvisie": "https://rkbsdelindeboom.example/schoolgids#visie",
            "schoolgids_ondersteuningsstructuur": (
                "https://rkbsdelindeboom.example/schoolgids#zorg"
            ),
            "evaluatie_laatste": "{jaar}-06-26",
            "evaluatie_volgende": "{volgend_jaar}-06-24",
            "evaluatie_wijzigingen": """
            De plusklas heet nu Lindeklas en is er ook voor groep 5. We hebben een tweede
            stiltehoek. De grens van drie leerlingen met extra hulp per groep staat nu in het
            profiel.
        """,
        },
    ),
]

# --- SBO De Wissel (Haagse Hout): complete, with the SBO-only field ---

WISSEL = [
    (
        "directie",
        {
            "onderwijsconcept": "anders",
            "onderwijsconcept_toelichting": (
                "Kleine groepen met een vaste leerkracht en onderwijsassistent; elke leerling "
                "werkt "
                "per vak op zijn eigen leerlijn."
            ),
            "aantal_groepen": 10,
            "gemiddelde_groepsgrootte": 14,
            "contactpersoon_ondersteuning": "Mirjam Dekker, orthopedagoog",
            "contactpersoon_bereikbaarheid": (
                "ondersteuning@sbodewissel.example, 070 555 67 02, van maandag tot en met vrijdag"
            ),
            "visie_passend_onderwijs": """
            SBO De Wissel is er voor kinderen die op de basisschool vastlopen. Bij ons krijgen
            ze weer vertrouwen in zichzelf. We werken in kleine groepen, met veel structuur en
            persoonlijke aandacht.

            We kijken naar wat een kind al kan en wat het nodig heeft om de volgende stap te
            zetten. Waar het kan, werken we toe naar terugkeer naar de basisschool of naar een
            goede plek in het voortgezet onderwijs.

            Ouders zijn partners. We zien hen vaker dan op een gewone basisschool, omdat we
            samen zorgen dat de aanpak thuis en op school bij elkaar past.
        """,
            "ouders_en_leerlingen": """
            Elk kind heeft een OPP. Dat bespreken we twee keer per jaar met de ouders en met het
            kind. Oudere leerlingen vertellen in dat gesprek zelf wat goed gaat en wat zij nog
            willen leren.

            Ouders kunnen elke vrijdagochtend binnenlopen bij de koffieochtend met de
            orthopedagoog of de schoolmaatschappelijk werker. De leerlingenraad praat mee over
            het schoolplein en de regels in de pauze.
        """,
            "schoolpopulatie": """
            Onze 140 leerlingen komen uit heel Den Haag en Rijswijk. Ze hebben allemaal een
            toelaatbaarheidsverklaring (TLV) voor het speciaal basisonderwijs. Vaak gaat het om
            een combinatie van leerproblemen en problemen met gedrag, concentratie of taal.
            Veel leerlingen hebben eerder op twee of meer basisscholen gezeten.

            Daarom begint elke dag op dezelfde manier, staat het dagprogramma op het bord en
            zijn er in elke groep een leerkracht en een onderwijsassistent.
        """,
            "doelgroep_toelaatbaarheid": """
            Onze school is er voor leerlingen van 4 tot 13 jaar die langere tijd veel meer
            begeleiding nodig hebben dan een basisschool kan geven. Leerlingen komen bij ons met
            een TLV voor het speciaal basisonderwijs van het samenwerkingsverband. De school
            van herkomst vraagt die TLV samen met de ouders aan.

            We hebben ook een observatieplaats: een leerling kan tot twaalf weken bij ons
            meedraaien. Zo onderzoeken we samen met de ouders en de eigen school wat het kind
            nodig heeft.
        """,
            "basiskwaliteit": """
            De inspectie bezocht ons in {vorig_jaar}. Ons onderwijs werd als voldoende
            beoordeeld; de sfeer op school en de samenwerking met ouders waren goed. Als
            verbeterpunt noemde de inspectie dat de doelen in de OPP's concreter moesten. Dat
            hebben we het afgelopen jaar gedaan.

            We meten de voortgang van elke leerling ten opzichte van zijn OPP. Twee keer per
            jaar bespreekt de commissie van begeleiding alle leerlingen.
        """,
            "preventieve_interventies": """
            Bij ons is extra hulp de gewone praktijk. In elke groep werken leerlingen in kleine
            instructiegroepjes van drie tot vijf kinderen.

            - Lezen: elke dag dertig minuten leesinstructie op niveau.
            - Gedrag: een vast beloningssysteem in de hele school en een time-outplek in elke
              klas.
            - Taal: de logopedist werkt mee in de groepen 1 tot en met 4.
            - Motoriek: alle kleuters krijgen een keer per week bewegingsles van de
              kinderfysiotherapeut.
        """,
            "ondersteuningsstructuur": """
            De commissie van begeleiding (orthopedagoog, intern begeleider, directeur en
            schoolmaatschappelijk werker) bespreekt elke leerling minstens twee keer per jaar.
            De orthopedagoog doet onderzoek en geeft adviezen aan leerkrachten en ouders.

            Een keer per maand is er overleg met de jeugdarts van het CJG en met het jeugdteam.
            Meer informatie staat in onze schoolgids.
        """,
            "planmatig_werken": """
            Elke leerling heeft een OPP met een uitstroomperspectief. De leerkracht maakt per
            periode van tien weken een plan per vak. Daarna kijken we of de leerling de doelen
            heeft gehaald en passen we het plan aan.

            Denken we dat een leerling terug kan naar de basisschool, dan maken we samen met de
            nieuwe school een plan voor de overstap.
        """,
            "interventies_basis": [
                "verlengde_instructie",
                "pre_teaching",
                "dyslexieprotocol",
                "protocol_rekenen",
                "hulpmiddelen_dyslexie",
                "sociaal_emotioneel_programma",
                "pestprotocol",
                "gedragsafspraken",
                "prikkelarme_werkplek",
                "kindgesprekken",
                "medisch_protocol",
                "schoolmaatschappelijk_werk",
            ],
            "niet_in_basisondersteuning": """
            Ook op het SBO zijn er grenzen aan wat we in de gewone groep doen. Niet in onze
            basisondersteuning valt:

            - begeleiding door één volwassene voor één leerling, de hele dag;
            - begeleiding bij ernstige psychiatrische problemen waarvoor behandeling nodig is;
            - onderwijs aan een leerling die ook in een groep van 14 kinderen niet kan werken.
        """,
        },
    ),
    (
        "directie",
        {
            "expertise_team": [
                {
                    "expertise": "Orthopedagogiek en onderzoek",
                    "functie": "orthopedagoog",
                    "uren_per_week": 24,
                },
                {"expertise": "Gedrag", "functie": "gedragsspecialist", "uren_per_week": 16},
                {"expertise": "Spraak en taal", "functie": "logopedist", "uren_per_week": 12},
                {"expertise": "Motoriek", "functie": "kinderfysiotherapeut", "uren_per_week": 8},
                {"expertise": "Lezen en dyslexie", "functie": "leesspecialist", "uren_per_week": 6},
            ],
            "expertise_aanbod": [
                "dyslexie",
                "dyscalculie",
                "autisme",
                "gedrag",
                "sociaal_emotioneel",
                "spraak_taal",
                "motoriek",
            ],
            "externe_partners": [
                {
                    "organisatie": "CJG Haagse Hout",
                    "wat_doen_zij": "jeugdarts en jeugdverpleegkundige",
                    "hoe_vaak": "maandelijks",
                },
                {
                    "organisatie": "Jeugdteam Den Haag",
                    "wat_doen_zij": "hulp aan gezinnen",
                    "hoe_vaak": "maandelijks",
                },
                {
                    "organisatie": "SWV Hofstad",
                    "wat_doen_zij": "TLV-aanvragen en terugplaatsing",
                    "hoe_vaak": "een_paar_keer_per_jaar",
                },
                {
                    "organisatie": "Centrum voor kinder- en jeugdpsychiatrie",
                    "wat_doen_zij": "onderzoek en behandeling",
                    "hoe_vaak": "als_het_nodig_is",
                },
            ],
            "arrangementen": """
            - Observatieplaats: een leerling draait tot twaalf weken mee, zodat we samen kunnen
              onderzoeken wat hij nodig heeft.
            - Terugplaatsing: leerlingen die terug kunnen naar de basisschool, begeleiden we
              nog een half jaar na de overstap. Onze gedragsspecialist komt dan een paar keer
              in de nieuwe klas kijken.
            - Advies aan basisscholen: op verzoek van het samenwerkingsverband adviseren onze
              gedragsspecialist en orthopedagoog leerkrachten van basisscholen in de regio.
        """,
            "groepsgrootte_en_samenstelling": """
            Onze groepen hebben 12 tot 16 leerlingen. Bij 16 leerlingen is een groep vol. Zitten
            er in een groep al vier leerlingen die veel begeleiding bij gedrag nodig hebben, dan
            plaatsen we een nieuwe leerling met een vraag over gedrag liever in een andere
            groep. Soms betekent dat een wachttijd van enkele weken.
        """,
            "deskundigheid_en_beschikbaarheid": """
            Omdat we veel specialisten in huis hebben, kunnen we veel zelf. Maar de logopedist
            en de kinderfysiotherapeut zijn er niet elke dag. Leerlingen die elke dag therapie
            nodig hebben, kunnen we dat niet geven. Is er een vacature, dan kan de begeleiding
            tijdelijk minder zijn; ouders horen dat van ons.
        """,
            "grenzen_niet_bieden": """
            Wij kunnen niet bieden:

            - onderwijs aan een leerling die ook in een kleine groep niet veilig is voor
              zichzelf of voor anderen;
            - intensieve medische zorg gedurende de schooldag;
            - een aanbod voor leerlingen die op het niveau van het zeer moeilijk lerenden
              onderwijs werken.
        """,
            "grens_bereikt": """
            De commissie van begeleiding bespreekt de leerling en nodigt de ouders uit. We
            vragen advies aan het samenwerkingsverband en aan onze partners. Samen met de ouders
            zoeken we een school voor speciaal onderwijs die beter past. Tot die plek gevonden
            is, blijft uw kind bij ons, soms met een aangepast rooster dat we samen afspreken.
        """,
            "aanmelden_toelichting": """
            Aanmelden kan alleen met een toelaatbaarheidsverklaring (TLV) voor het speciaal
            basisonderwijs. Meestal neemt de huidige school eerst contact met ons op. Daarna
            volgen een intakegesprek met de ouders en de orthopedagoog en een rondleiding. De
            leerling kan een ochtend meedraaien in de groep.
        """,
            "aanmeldprocedure_url": "https://sbodewissel.example/aanmelden",
            "schoolgids_url": "https://sbodewissel.example/schoolgids",
            "schoolgids_pedagogisch_didactisch": "https://sbodewissel.example/schoolgids#onderwijs",
            "schoolgids_ondersteuningsstructuur": (
                "https://sbodewissel.example/schoolgids#ondersteuning"
            ),
            "evaluatie_laatste": "{jaar}-07-02",
            "evaluatie_volgende": "{volgend_jaar}-06-30",
            "evaluatie_wijzigingen": """
            We hebben nu een observatieplaats van twaalf weken. De doelen in de OPP's zijn
            concreter gemaakt, zoals de inspectie vroeg.
        """,
        },
    ),
]

# --- OBS Het Klaverblad (Laak): complete; first the facts, vision and chapter 3, then the rest ---

KLAVERBLAD = [
    (
        "directie",
        {
            "onderwijsconcept": "ogo",
            "onderwijsconcept_toelichting": (
                "We werken met thema's waarin spel en onderzoek centraal staan; in groep 1 tot en "
                "met 4 spelen en werken de kinderen in hoeken."
            ),
            "aantal_groepen": 9,
            "gemiddelde_groepsgrootte": 22,
            "contactpersoon_ondersteuning": "Hanneke Mulder, intern begeleider",
            "contactpersoon_bereikbaarheid": (
                "ib@obshetklaverblad.example, 070 555 19 83, op maandag, woensdag en donderdag"
            ),
            "visie_passend_onderwijs": """
            Het Klaverblad is een school voor kinderen uit Laak. Veel kinderen zijn nog maar
            kort in Nederland. Wij willen dat zij zich snel thuis voelen en de taal leren,
            zonder dat ze de rest van hun ontwikkeling missen.

            We leren vanuit thema's. Kinderen praten, spelen en onderzoeken samen. Zo leren ze
            veel woorden in een echte situatie. Leerkrachten laten bij hun uitleg veel zien met
            plaatjes en voorwerpen.

            We werken samen met het buurthuis en de bibliotheek, zodat kinderen ook na
            schooltijd Nederlands horen en spreken.
        """,
            "schoolpopulatie": """
            Bij ongeveer 80 procent van onze leerlingen wordt thuis een andere taal dan
            Nederlands gesproken. Elk jaar komen er zo'n 25 nieuwkomers bij, vaak midden in het
            schooljaar. Sommige kinderen zijn eerder weinig of niet naar school geweest.

            Ongeveer 35 van onze 198 leerlingen krijgen extra ondersteuning, meestal voor taal.
            Een deel van de nieuwkomers heeft spanning of stress door wat zij hebben
            meegemaakt. Daarom hebben we een vertrouwenspersoon voor kinderen en werken we
            samen met het schoolmaatschappelijk werk.
        """,
        },
    ),
    (
        "directie",
        {
            "expertise_team": [
                {
                    "expertise": "NT2 en nieuwkomers",
                    "functie": "leerkracht taalklas (opleiding NT2)",
                    "uren_per_week": 20,
                },
                {"expertise": "Taal en lezen", "functie": "taalcoördinator", "uren_per_week": 4},
                {
                    "expertise": "Veiligheid en spanning",
                    "functie": "vertrouwenspersoon (training traumasensitief lesgeven)",
                    "uren_per_week": 3,
                },
            ],
            "expertise_aanbod": ["taal_nt2", "sociaal_emotioneel", "spraak_taal"],
            "externe_partners": [
                {
                    "organisatie": "Schoolmaatschappelijk werk Laak",
                    "wat_doen_zij": "gesprekken met ouders, hulp bij vragen over geld en wonen",
                    "hoe_vaak": "wekelijks",
                },
                {
                    "organisatie": "Bibliotheek Laak",
                    "wat_doen_zij": "leesconsulent en voorlezen in de groepen",
                    "hoe_vaak": "maandelijks",
                },
                {
                    "organisatie": "CJG Laak",
                    "wat_doen_zij": "jeugdverpleegkundige",
                    "hoe_vaak": "maandelijks",
                },
            ],
            "arrangementen": """
            Taalklas: nieuwkomers die nog bijna geen Nederlands spreken, krijgen het eerste jaar
            elke ochtend les in onze taalklas van hooguit twaalf leerlingen. 's Middags zijn ze
            in hun eigen groep. Na een jaar gaan ze de hele dag naar hun eigen groep en krijgen
            ze nog een half jaar extra woordenschatles.

            Voor leerlingen met een ernstig probleem in de taalontwikkeling werken we samen met
            een ambulant begeleider van een school voor cluster 2-onderwijs.
        """,
            "groepsgrootte_en_samenstelling": """
            Onze groepen zijn met gemiddeld 22 leerlingen niet groot, maar er komen vaak midden
            in het jaar nieuwe leerlingen bij. Een groep waarin al vijf nieuwkomers zitten die
            nog weinig Nederlands spreken, kan er niet nog een nieuwkomer bij hebben. We
            plaatsen een nieuwe leerling dan in een parallelgroep of helpen de ouders een
            andere school in de buurt te vinden.
        """,
        },
    ),
    (
        "directie",
        {
            "ouders_en_leerlingen": """
            Bij de start spreken we elke nieuwe ouder, zo nodig met een tolk. We leggen uit hoe
            de school werkt en vragen wat het kind al heeft geleerd. Daarna zien we de ouders
            van de taalklas elke tien weken op een koffieochtend.

            De leerlingenraad heeft een maatjesplan bedacht: elke nieuwkomer krijgt de eerste
            weken een klasgenoot die de weg wijst in de school en op het plein.
        """,
            "basiskwaliteit": """
            De inspectie bezocht ons in {vorig_jaar}. Het oordeel was voldoende. De inspectie
            zag dat leerkrachten hun uitleg goed afstemmen op kinderen die Nederlands leren.
            Een verbeterpunt was dat we de taalontwikkeling van nieuwkomers beter moesten
            vastleggen.

            Daarom toetsen we nieuwkomers nu na drie, zes en twaalf maanden met dezelfde
            taaltoets. De directeur bezoekt elke groep twee keer per jaar en bespreekt de les
            daarna met de leerkracht.
        """,
            "preventieve_interventies": """
            - Elke nieuwe leerling krijgt in de eerste weken een taaltoets en een gesprek met de
              intern begeleider. Zo weten we waar we kunnen beginnen.
            - Elk thema begint met de woorden die de kinderen nodig hebben. Die hangen met
              plaatjes in de klas en gaan op een kaart mee naar huis.
            - Leerlingen die achterblijven met lezen, lezen vier keer per week een kwartier
              extra in een groepje met de onderwijsassistent.
            - Kinderen die spanning laten zien, kunnen even naar de rustige hoek in de klas of
              een kort gesprek voeren met de vertrouwenspersoon.
        """,
            "ondersteuningsstructuur": """
            De leerkracht is het eerste aanspreekpunt voor ouders. Heeft de leerkracht zorgen,
            dan bespreekt hij die met de intern begeleider, die drie dagen per week op school
            is. Vier keer per jaar bespreekt de intern begeleider met elke leerkracht de hele
            groep.

            Zes keer per jaar komt het ondersteuningsteam bij elkaar: de intern begeleider, de
            schoolmaatschappelijk werker, de jeugdverpleegkundige van het CJG Laak en de
            onderwijsadviseur van het samenwerkingsverband. Ouders zijn daarbij, zo nodig met
            een tolk.
        """,
            "planmatig_werken": """
            Voor elk thema van zes weken maken we een plan voor de groep: welke woorden, welke
            leesdoelen en welke kinderen extra instructie krijgen. Na het thema bekijken de
            leerkracht en de intern begeleider wat gelukt is.

            Voor nieuwkomers in de taalklas maken we een plan voor het eerste jaar. Een OPP
            maken we als een leerling na twee jaar in Nederland nog ver achterloopt en een
            eigen leerlijn volgt. Dat geldt nu voor vier leerlingen.
        """,
            "interventies_basis": [
                "verlengde_instructie",
                "pre_teaching",
                "dyslexieprotocol",
                "sociaal_emotioneel_programma",
                "pestprotocol",
                "woordenschat",
                "kindgesprekken",
                "schoolmaatschappelijk_werk",
            ],
            "niet_in_basisondersteuning": """
            Niet onder onze basisondersteuning valt:

            - de taalklas: die betalen we van de extra bekostiging voor nieuwkomers;
            - begeleiding van één leerling apart van meer dan een half uur per week;
            - behandeling van ernstige angst of slaapproblemen: daarvoor verwijzen we ouders
              via het CJG naar een behandelaar;
            - dagelijkse begeleiding buiten de klas bij ernstige gedragsproblemen.
        """,
            "deskundigheid_en_beschikbaarheid": """
            De taalklas heeft één leerkracht voor twaalf leerlingen. Komen er meer nieuwkomers,
            dan krijgen zij tot er plek is elke dag een uur les in een klein groepje. Onze
            vertrouwenspersoon werkt drie uur per week; daarmee kan zij hooguit zes kinderen
            tegelijk begeleiden.
        """,
            "grenzen_niet_bieden": """
            Wij kunnen niet bieden:

            - dagelijkse hulp aan een kind dat door wat het heeft meegemaakt zo overstuur raakt
              dat het niet meer in de groep kan zijn;
            - onderwijs aan een kind dat de hele dag een eigen begeleider naast zich nodig
              heeft;
            - een plek in de taalklas voor nieuwkomers van twaalf jaar en ouder: zij gaan naar
              een internationale schakelklas in het voortgezet onderwijs.
        """,
            "grens_bereikt": """
            Merken we dat we een kind niet goed genoeg kunnen helpen, dan nodigt de intern
            begeleider de ouders uit, met een tolk als dat nodig is. We bespreken het kind in
            het ondersteuningsteam en vragen de onderwijsadviseur van het samenwerkingsverband
            mee te denken. Samen met de ouders zoeken we een plek die beter past. Tot die plek
            er is, blijft uw kind bij ons.
        """,
            "verwijzing_sbo_so": """
            Bij een nieuwkomer kijken we eerst hoe het kind zich ontwikkelt als het de taal
            beter spreekt; dat duurt vaak een jaar. Blijft een kind daarna ondanks extra hulp
            ver achter, of voelt het zich bij ons niet veilig, dan praten we met de ouders over
            een school voor speciaal (basis)onderwijs en vragen we samen een TLV aan.
        """,
            "aanmelden_toelichting": """
            Ouders kunnen elke werkdag langskomen voor een eerste kennismaking. Voor een
            nieuwkomer plannen we binnen een week een intakegesprek met een tolk. Heeft uw kind
            extra ondersteuning nodig, dan hoort u binnen zes weken of we een passende plek
            hebben. Een groep is vol bij 26 leerlingen.
        """,
            "aanmeldprocedure_url": "https://obshetklaverblad.example/aanmelden",
            "schoolgids_url": "https://obshetklaverblad.example/schoolgids",
            "schoolgids_ondersteuningsstructuur": "https://obshetklaverblad.example/schoolgids#zorg",
            "evaluatie_laatste": "{jaar}-07-01",
            "evaluatie_volgende": "{volgend_jaar}-06-30",
            "evaluatie_wijzigingen": """
            De taalklas heeft nu twaalf in plaats van acht plaatsen. We toetsen nieuwkomers
            drie keer in hun eerste jaar, zoals de inspectie vroeg.
        """,
        },
    ),
]

# --- Basisschool De Boomgaard (Leidschenveen-Ypenburg): complete; chapter 3 written last ---

BOOMGAARD = [
    (
        "directie",
        {
            "onderwijsconcept": "anders",
            "onderwijsconcept_toelichting": (
                "We werken in units van drie groepen met een vast team per unit; leerlingen "
                "krijgen "
                "instructie op hun eigen niveau."
            ),
            "aantal_groepen": 21,
            "gemiddelde_groepsgrootte": 25,
            "contactpersoon_ondersteuning": "Roel Kramer, intern begeleider",
            "visie_passend_onderwijs": """
            De Boomgaard is een grote school in een jonge wijk. Iedereen is welkom, welk geloof
            of welke achtergrond je ook hebt. In onze units werken drie groepen en hun
            leerkrachten samen. Daardoor kan een leerling voor een vak meedoen met de
            instructie van een andere groep, zonder dat hij van groep wisselt.

            Passend onderwijs betekent voor ons: de juiste instructie voor elk kind, in een
            vertrouwde groep. We willen dat kinderen leren zelf keuzes te maken en
            verantwoordelijkheid te nemen voor hun werk.
        """,
            "schoolpopulatie": """
            Ypenburg en Leidschenveen zijn wijken met veel gezinnen met jonge kinderen. De
            school is de afgelopen jaren snel gegroeid. In de meeste gezinnen werken beide
            ouders en veel kinderen gaan na school naar de opvang.

            Ongeveer 55 van onze 520 leerlingen krijgen extra ondersteuning. Relatief veel
            leerlingen hebben dyslexie of zijn snel afgeleid. Ook is er een grote groep
            leerlingen die meer aankan.
        """,
        },
    ),
    (
        "directie",
        {
            "basiskwaliteit": """
            Bij het laatste inspectiebezoek in {twee_jaar_geleden} kreeg ons onderwijs het
            oordeel goed. De inspectie was vooral positief over de samenwerking in de units en
            over hoe we de ontwikkeling van leerlingen volgen.

            Een externe auditor bekijkt elk jaar samen met ons een ander deel van het onderwijs.
            Dit jaar is dat begrijpend lezen.
        """,
            "preventieve_interventies": """
            - Twee keer per jaar toetsen we alle leerlingen vanaf groep 3. Na elke
              toetsperiode delen we de instructiegroepen in de unit opnieuw in.
            - Leerlingen die achterblijven met lezen, krijgen vier keer per week extra
              leesinstructie in een groepje.
            - In elke unit is een stiltelokaal waar leerlingen rustig kunnen werken.
            - Het hele team werkt met dezelfde gedragsregels; die hangen in elk lokaal.
        """,
            "ondersteuningsstructuur": """
            Elke unit heeft een unitleider en een vaste intern begeleider. We hebben drie
            intern begeleiders voor de hele school. Elke zes weken is er een unitoverleg waarin
            de leerkrachten de leerlingen bespreken die extra aandacht nodig hebben. Het
            ondersteuningsteam, met het CJG en de onderwijsadviseur van het
            samenwerkingsverband, komt acht keer per jaar bij elkaar.
        """,
            "planmatig_werken": """
            Per unit maken we een plan voor tien weken. Daarin staat welke leerlingen welke
            instructie krijgen. Aan het eind van de periode kijken we met toetsen en
            observaties of het gewerkt heeft. Een OPP maken we als een leerling voor een vak een
            eigen leerlijn volgt; dat geldt nu voor acht leerlingen.
        """,
            "interventies_basis": [
                "verlengde_instructie",
                "pre_teaching",
                "dyslexieprotocol",
                "hulpmiddelen_dyslexie",
                "verrijking",
                "sociaal_emotioneel_programma",
                "pestprotocol",
                "gedragsafspraken",
                "prikkelarme_werkplek",
                "kindgesprekken",
            ],
            "niet_in_basisondersteuning": """
            Niet onder onze basisondersteuning vallen:

            - begeleiding van één leerling apart van meer dan een half uur per week;
            - een apart programma voor hoogbegaafde leerlingen buiten de unit;
            - hulp bij persoonlijke verzorging;
            - begeleiding bij ernstige angst of somberheid. Daarvoor verwijzen we ouders naar
              het CJG.
        """,
            "schoolgids_url": "https://deboomgaard.example/schoolgids",
            "schoolgids_onderwijsvisie": "https://deboomgaard.example/schoolgids#visie",
            "schoolgids_pedagogisch_didactisch": "https://deboomgaard.example/schoolgids#units",
            "schoolgids_ondersteuningsstructuur": "https://deboomgaard.example/schoolgids#zorg",
        },
    ),
    (
        "directie",
        {
            "contactpersoon_bereikbaarheid": (
                "ib@deboomgaard.example, 015 555 22 10, van maandag tot en met vrijdag"
            ),
            "expertise_team": [
                {
                    "expertise": "Dyslexie en lezen",
                    "functie": "leesspecialist (een per unit)",
                    "uren_per_week": 6,
                },
                {
                    "expertise": "Meer- en hoogbegaafdheid",
                    "functie": "specialist hoogbegaafdheid",
                    "uren_per_week": 10,
                },
                {
                    "expertise": "Gedrag en concentratie",
                    "functie": "gedragsspecialist (master SEN)",
                    "uren_per_week": 8,
                },
                {
                    "expertise": "Motoriek",
                    "functie": "vakleerkracht bewegingsonderwijs",
                    "uren_per_week": 2,
                },
            ],
            "expertise_aanbod": ["dyslexie", "hoogbegaafdheid", "gedrag", "motoriek"],
            "externe_partners": [
                {
                    "organisatie": "CJG Ypenburg",
                    "wat_doen_zij": "jeugdverpleegkundige en spreekuur voor ouders",
                    "hoe_vaak": "maandelijks",
                },
                {
                    "organisatie": "Leespraktijk Het Woordenhuis",
                    "wat_doen_zij": "dyslexiebehandeling op school, vergoed door de gemeente",
                    "hoe_vaak": "wekelijks",
                },
                {
                    "organisatie": "SWV Hofstad",
                    "wat_doen_zij": "onderwijsadviseur in het ondersteuningsteam",
                    "hoe_vaak": "een_paar_keer_per_jaar",
                },
            ],
            "arrangementen": """
            Boomgaardklas: leerlingen uit groep 5 tot en met 8 die veel meer aankunnen, werken
            één ochtend per week samen in de Boomgaardklas. Er zijn 24 plaatsen. De specialist
            hoogbegaafdheid kiest samen met de unitleiders wie meedoet, na een gesprek met de
            ouders en het kind.

            Dyslexie: leerlingen met ernstige dyslexie krijgen hun behandeling op school, onder
            schooltijd. De leesspecialist zorgt dat de leerkracht weet wat er in de behandeling
            wordt geoefend.

            Voor leerlingen die ook met onze extra hulp vastlopen bij gedrag, vragen we een
            arrangement aan bij het samenwerkingsverband. Dit jaar zijn dat er vijf.
        """,
            "groepsgrootte_en_samenstelling": """
            Een unit heeft drie groepen van gemiddeld 25 leerlingen. Omdat leerlingen voor de
            instructie tussen de groepen wisselen, kan een unit meer opvangen dan een losse
            groep. Maar in een unit met al zes leerlingen met een arrangement plaatsen we geen
            nieuwe leerling met een grote ondersteuningsvraag. Bij elke aanmelding kijken we
            daarom met de Verscheidenheidsindex naar de unit waarin het kind komt.
        """,
            "deskundigheid_en_beschikbaarheid": """
            De gedragsspecialist werkt acht uur per week voor de hele school. Daarmee kan zij
            per jaar ongeveer vijf leerlingen intensief begeleiden. Is de specialist
            hoogbegaafdheid ziek, dan gaat de Boomgaardklas niet door; de leerlingen krijgen
            dan werk mee voor in de unit.
        """,
            "grenzen_niet_bieden": """
            Wij kunnen niet bieden:

            - een vaste, kleine groep voor een leerling die niet kan werken in een open unit
              waar veel wordt bewogen;
            - begeleiding van een leerling die de hele dag een volwassene naast zich nodig
              heeft;
            - een veilige plek voor een leerling die zichzelf of anderen vaak in gevaar brengt;
            - verpleegkundige handelingen onder schooltijd.
        """,
            "grens_bereikt": """
            Loopt een leerling bij ons vast, dan nodigt de intern begeleider van de unit de
            ouders uit. We bespreken de leerling in het ondersteuningsteam, met de ouders
            erbij. Eerst kijken we of een arrangement helpt. Is dat niet genoeg, dan zoeken we
            samen met de ouders en de onderwijsadviseur van het samenwerkingsverband een school
            die beter past. Uw kind blijft bij ons tot er een nieuwe plek is.
        """,
            "verwijzing_sbo_so": """
            Gaat een leerling ondanks een arrangement een jaar lang nauwelijks vooruit, of lukt
            het niet om in de unit te werken, dan bespreken we met de ouders of speciaal
            basisonderwijs of speciaal onderwijs beter past. We vragen dan samen een TLV aan bij
            het samenwerkingsverband.
        """,
            "aanmelden_toelichting": """
            Zes keer per jaar is er een informatieavond voor nieuwe ouders, met daarna een
            rondleiding in een unit. Heeft uw kind extra ondersteuning nodig, dan nodigt de
            intern begeleider u uit voor een gesprek. Binnen zes weken hoort u of we een
            passende plek hebben. Een unit is vol bij 78 leerlingen.
        """,
            "aanmeldprocedure_url": "https://deboomgaard.example/aanmelden",
            "evaluatie_laatste": "{jaar}-06-30",
            "evaluatie_volgende": "{volgend_jaar}-06-29",
        },
    ),
]

# --- Daltonschool De Duinroos (Loosduinen): complete, written in two saves by the director ---

DUINROOS = [
    (
        "directie",
        {
            "onderwijsconcept": "dalton",
            "onderwijsconcept_toelichting": (
                "Leerlingen werken elke dag met een taakbrief en plannen een deel van hun werk "
                "zelf; vanaf groep 5 kiezen ze ook waar en met wie ze werken."
            ),
            "aantal_groepen": 17,
            "gemiddelde_groepsgrootte": 24,
            "contactpersoon_ondersteuning": "Karin Post, intern begeleider",
            "contactpersoon_bereikbaarheid": (
                "ib@daltondeduinroos.example, 070 555 72 31, van maandag tot en met donderdag"
            ),
            "visie_passend_onderwijs": """
            Op De Duinroos leren kinderen zelfstandig werken, samenwerken en verantwoordelijk
            zijn voor hun werk. Een kind dat daar nog hulp bij nodig heeft, krijgt die: de een
            heeft een kleinere taak, de ander een planning per dagdeel in plaats van per week.

            Zo kan ieder kind op zijn eigen niveau meedoen in de groep. Omdat de rest van de
            groep zelf aan het werk is, heeft de leerkracht tijd voor extra uitleg aan de
            instructietafel.

            Ouders zien elke week de taakbrief van hun kind. Zo weten ze wat hun kind doet en
            waar het hulp bij nodig heeft.
        """,
            "ouders_en_leerlingen": """
            Elke vrijdag gaat de taakbrief mee naar huis. Twee keer per jaar is er een gesprek
            met ouders en kind samen; vanaf groep 6 leidt het kind dat gesprek zelf.

            De leerlingenraad praat mee over de afspraken voor het werken op de gang en op het
            leerplein.
        """,
            "schoolpopulatie": """
            De Duinroos staat in Loosduinen, tussen de duinen en de kassen van het Westland.
            De leerlingen komen uit de wijk en uit Kijkduin. In ongeveer een op de vijf gezinnen
            wordt thuis ook een andere taal gesproken.

            Ongeveer 50 van onze 410 leerlingen krijgen extra ondersteuning. Vaak gaat het om
            plannen en concentratie, om dyslexie en om rekenen. Daarom hebben we een
            rekenspecialist en leren we kinderen stap voor stap plannen.
        """,
            "basiskwaliteit": """
            De inspectie bezocht ons bestuur in {twee_jaar_geleden} en deed toen ook onderzoek
            op De Duinroos. Het oordeel was voldoende. Sterk vond de inspectie hoe leerlingen
            hun werk plannen. Een verbeterpunt was het rekenonderwijs in groep 6 tot en met 8.

            Daarom werken we sinds vorig jaar met een nieuwe rekenmethode en bezoekt de
            rekenspecialist elke groep twee keer per jaar. De Nederlandse Daltonvereniging
            bezocht ons in {vorig_jaar} en verlengde onze erkenning als daltonschool.
        """,
        },
    ),
    (
        "directie",
        {
            "preventieve_interventies": """
            - Kinderen die nog niet goed kunnen plannen, krijgen een taakbrief per dag in
              plaats van per week, en bespreken die elke ochtend kort met de leerkracht.
            - Vanaf groep 3 maken alle leerlingen twee keer per jaar de toetsen van het
              leerlingvolgsysteem. Daarna maakt de leerkracht nieuwe instructiegroepjes.
            - Leerlingen die achterblijven met rekenen, krijgen drie keer per week extra uitleg
              van de rekenspecialist in een groepje van vier.
            - Bij dyslexie mogen leerlingen hun teksten laten voorlezen en krijgen ze extra tijd.
        """,
            "ondersteuningsstructuur": """
            De leerkracht is het eerste aanspreekpunt voor ouders. We hebben twee intern
            begeleiders, een voor groep 1 tot en met 4 en een voor groep 5 tot en met 8. Drie
            keer per jaar bespreken zij met elke leerkracht alle leerlingen van de groep.

            Zes keer per jaar is er een ondersteuningsteam met de intern begeleiders, de
            jeugdverpleegkundige van het CJG Loosduinen en de onderwijsadviseur van het
            samenwerkingsverband. Ouders zijn daarbij als hun kind wordt besproken.
        """,
            "planmatig_werken": """
            Twee keer per jaar maakt elke leerkracht een groepsplan voor rekenen, lezen en
            spelling. Daarin staat welke leerlingen extra instructie krijgen en welke een
            aangepaste taakbrief hebben. Na acht weken kijken de leerkracht en de intern
            begeleider of de aanpak werkt.

            Een OPP maken we als een leerling voor een vak een eigen leerlijn volgt. We stellen
            het samen met de ouders op. Op dit moment hebben zeven leerlingen een OPP.
        """,
            "interventies_basis": [
                "verlengde_instructie",
                "pre_teaching",
                "dyslexieprotocol",
                "protocol_rekenen",
                "hulpmiddelen_dyslexie",
                "verrijking",
                "sociaal_emotioneel_programma",
                "pestprotocol",
                "prikkelarme_werkplek",
                "kindgesprekken",
            ],
            "niet_in_basisondersteuning": """
            Niet onder onze basisondersteuning valt:

            - een eigen begeleider die een leerling helpt zijn hele taak te plannen en te maken;
            - begeleiding van één leerling apart van meer dan een half uur per week;
            - een eigen leerlijn voor meer dan één vak;
            - dyscalculiebehandeling: daarvoor verwijzen we ouders naar een praktijk.
        """,
            "expertise_team": [
                {
                    "expertise": "Rekenen en dyscalculie",
                    "functie": "rekenspecialist",
                    "uren_per_week": 8,
                },
                {
                    "expertise": "Dyslexie",
                    "functie": "leesspecialist (leerkracht groep 4)",
                    "uren_per_week": 3,
                },
                {
                    "expertise": "Plannen en concentratie",
                    "functie": "intern begeleider met opleiding executieve functies",
                    "uren_per_week": 4,
                },
            ],
            "expertise_aanbod": ["dyslexie", "dyscalculie", "sociaal_emotioneel"],
            "externe_partners": [
                {
                    "organisatie": "CJG Loosduinen",
                    "wat_doen_zij": "jeugdverpleegkundige",
                    "hoe_vaak": "maandelijks",
                },
                {
                    "organisatie": "SWV Hofstad",
                    "wat_doen_zij": "onderwijsadviseur in het ondersteuningsteam",
                    "hoe_vaak": "een_paar_keer_per_jaar",
                },
                {
                    "organisatie": "Jeugdteam Loosduinen",
                    "wat_doen_zij": "hulp aan gezinnen thuis",
                    "hoe_vaak": "als_het_nodig_is",
                },
            ],
            "arrangementen": """
            Rekenlab: leerlingen uit groep 5 tot en met 8 met hardnekkige rekenproblemen werken
            twee keer per week een half uur met de rekenspecialist. Na tien weken kijken we met
            de ouders of het genoeg was.

            Leerlingen die ook met een aangepaste taakbrief steeds vastlopen, krijgen een
            arrangement van het samenwerkingsverband. Een ambulant begeleider komt dan een
            ochtend per week en leert het kind en de leerkracht hoe het zijn werk kan
            plannen. Dit jaar zijn er drie van deze arrangementen.
        """,
            "groepsgrootte_en_samenstelling": """
            Onze groepen hebben gemiddeld 24 leerlingen. In een groep met al vier leerlingen
            die elke dag hulp nodig hebben bij het plannen van hun werk, lukt het de leerkracht
            niet om nog een leerling met die vraag goed te begeleiden. Bij een aanmelding
            kijken we daarom ook naar de groep waarin het kind komt.
        """,
            "deskundigheid_en_beschikbaarheid": """
            De rekenspecialist werkt acht uur per week voor de hele school; het rekenlab heeft
            daardoor hooguit twaalf plaatsen per periode. Is zij ziek, dan gaat het rekenlab
            niet door en krijgen de leerlingen extra oefenwerk in de klas.
        """,
            "grenzen_niet_bieden": """
            Wij kunnen niet bieden:

            - een dag die de leerkracht helemaal voor een leerling plant: bij ons werkt elk
              kind een deel van de dag zelfstandig;
            - begeleiding van een leerling die de hele dag een volwassene naast zich nodig
              heeft;
            - een veilige plek voor een leerling die anderen vaak pijn doet;
            - lessen op de bovenverdieping voor een leerling in een rolstoel: ons gebouw heeft
              geen lift.
        """,
            "grens_bereikt": """
            Merken we dat we een leerling niet meer goed kunnen helpen, dan nodigt de intern
            begeleider de ouders uit. We bespreken de leerling in het ondersteuningsteam, met
            de ouders erbij, en vragen de onderwijsadviseur van het samenwerkingsverband om
            mee te denken. Samen zoeken we een arrangement of een school die beter past. Uw
            kind blijft bij ons tot er een nieuwe plek is.
        """,
            "verwijzing_sbo_so": """
            Gaat een leerling ondanks een arrangement een jaar lang weinig vooruit, of voelt
            het kind zich bij ons niet meer veilig, dan praten we met de ouders over speciaal
            basisonderwijs of speciaal onderwijs. We gaan samen kijken op die school en vragen
            daarna samen een TLV aan bij het samenwerkingsverband.
        """,
            "aanmelden_toelichting": """
            Ouders maken een afspraak voor een rondleiding met de directeur. Daarna vullen ze
            het aanmeldformulier in. Heeft uw kind extra ondersteuning nodig, dan vragen we met
            uw toestemming informatie op bij de peuterspeelzaal of de vorige school. Binnen zes
            weken hoort u of we een passende plek hebben. Een groep is vol bij 28 leerlingen.
        """,
            "aanmeldprocedure_url": "https://daltondeduinroos.example/aanmelden",
            "schoolgids_url": "https://daltondeduinroos.example/schoolgids",
            "schoolgids_onderwijsvisie": "https://daltondeduinroos.example/schoolgids#dalton",
            "schoolgids_ondersteuningsstructuur": (
                "https://daltondeduinroos.example/schoolgids#ondersteuning"
            ),
            "evaluatie_laatste": "{jaar}-06-12",
            "evaluatie_volgende": "{volgend_jaar}-06-11",
            "evaluatie_wijzigingen": """
            Nieuw is het rekenlab voor groep 5 tot en met 8. Bij de grenzen staat nu hoeveel
            leerlingen met een planningsvraag een groep aankan.
        """,
        },
    ),
]

# --- Montessorischool Het Zeepaard (Scheveningen, éénpitter): complete, by its director ---

ZEEPAARD = [
    (
        "eenpitter",
        {
            "onderwijsconcept": "montessori",
            "onderwijsconcept_toelichting": (
                "Kinderen van drie leerjaren zitten samen in een groep en kiezen elke dag een deel "
                "van hun werk zelf."
            ),
            "aantal_groepen": 7,
            "gemiddelde_groepsgrootte": 24,
            "contactpersoon_ondersteuning": "Joost van der Meer, directeur en intern begeleider",
            "contactpersoon_bereikbaarheid": (
                "directie@montessorizeepaard.example, 070 555 80 44, op maandag, dinsdag en "
                "donderdag"
            ),
            "visie_passend_onderwijs": """
            'Help mij het zelf te doen' is de kern van ons onderwijs. Elk kind ontwikkelt zich in
            zijn eigen tempo. In onze groepen zitten kinderen van drie leerjaren bij elkaar.
            Jongere kinderen leren van oudere, en oudere kinderen leren door uit te leggen.

            Daardoor past onze school goed bij kinderen die in een eigen tempo werken, sneller
            of langzamer dan anderen. Het vraagt wel dat een kind een deel van de dag zelf kan
            werken, met steeds minder hulp van de leerkracht.
        """,
            "ouders_en_leerlingen": """
            Elk kind heeft drie keer per jaar een gesprek met de leerkracht over zijn eigen
            werkplan. Ouders zijn welkom bij het gesprek in het voorjaar. In groep 6, 7 en 8
            houden kinderen zelf een portfolio bij dat ze aan hun ouders laten zien.
        """,
        },
    ),
    (
        "eenpitter",
        {
            "groepsgrootte_en_samenstelling": """
            Onze groepen hebben 22 tot 26 leerlingen uit drie leerjaren. Een leerkracht geeft
            daardoor veel verschillende korte lessen op een dag. In een groep met al twee
            leerlingen die voor bijna alles hulp van de leerkracht nodig hebben, krijgt een
            derde leerling met die vraag niet de aandacht die hij nodig heeft.
        """,
            "deskundigheid_en_beschikbaarheid": """
            We zijn een kleine school met een klein team. Onze directeur is ook intern
            begeleider. We hebben geen eigen gedragsspecialist of orthopedagoog; voor advies
            vragen we hulp aan het samenwerkingsverband. Bij ziekte van een leerkracht is
            vervanging soms moeilijk. Dan gaat de extra begeleiding soms een paar dagen niet
            door.
        """,
            "grenzen_niet_bieden": """
            Wij kunnen niet bieden:

            - een dag die van begin tot eind door de leerkracht wordt gestuurd: bij ons werken
              kinderen elke dag een deel van de tijd zelfstandig;
            - begeleiding van een leerling die de hele dag een volwassene naast zich nodig
              heeft;
            - een prikkelarme klas: onze lokalen zijn open en er wordt veel bewogen en
              samengewerkt.
        """,
            "aanmelden_toelichting": """
            Wij vinden het belangrijk dat ouders het montessori-onderwijs kennen voordat ze hun
            kind aanmelden. Daarom vragen we ouders eerst naar een informatieochtend te komen.
            Daarna volgt een gesprek met de directeur. Binnen zes weken na de schriftelijke
            aanmelding hoort u of we uw kind een plek kunnen geven.
        """,
            "aanmeldprocedure_url": "https://montessorizeepaard.example/aanmelden",
        },
    ),
    (
        "eenpitter",
        {
            "schoolpopulatie": """
            Onze leerlingen komen uit Scheveningen, Duinoord en het Statenkwartier. Ouders
            kiezen bewust voor montessori-onderwijs; sommige kinderen fietsen een half uur naar
            school. Bijna alle kinderen spreken thuis Nederlands, een klein deel ook Engels.

            Ongeveer 20 van onze 165 leerlingen krijgen extra ondersteuning. Vaak gaat het om
            kinderen die moeite hebben met plannen en zelf kiezen, en om kinderen die veel
            sneller werken dan hun leeftijdgenoten.
        """,
            "basiskwaliteit": """
            De inspectie bezocht ons in {vorig_jaar} en beoordeelde ons onderwijs als voldoende.
            Sterk vond de inspectie hoe zelfstandig onze leerlingen werken. Een verbeterpunt was
            dat we beter moesten bijhouden welke lessen een kind wel en niet heeft gehad.

            Daarom houden de leerkrachten nu per kind bij welke lessen met het materiaal het
            heeft gehad. Twee keer per jaar bespreken we die overzichten met het hele team.
        """,
            "preventieve_interventies": """
            - De leerkracht kijkt elke dag hoe kinderen hun werk kiezen. Een kind dat steeds
              hetzelfde kiest of weinig afmaakt, krijgt een dagplanning op papier.
            - Leerlingen die achterblijven met lezen, krijgen vier keer per week een korte
              leesles van de leerkracht.
            - Bij rekenen oefenen kinderen met het montessorimateriaal tot ze de stap naar
              rekenen op papier kunnen maken.
            - Kinderen die meer aankunnen, krijgen werk uit een hoger leerjaar van hun eigen
              groep.
        """,
            "ondersteuningsstructuur": """
            De leerkracht is het eerste aanspreekpunt. Onze directeur is ook intern
            begeleider: de leerkracht bespreekt zorgen over een kind dus direct met hem. Drie
            keer per jaar bespreken ze samen alle kinderen van de groep.

            Vier keer per jaar komt het ondersteuningsteam bij elkaar, met de
            jeugdverpleegkundige van het CJG Scheveningen en de onderwijsadviseur van het
            samenwerkingsverband. Ouders zijn erbij als hun kind wordt besproken.
        """,
            "planmatig_werken": """
            Elk kind heeft een werkplan voor zes weken, met de lessen die het krijgt en wat
            het zelf wil leren. Aan het eind van die periode kijkt de leerkracht met het kind
            wat gelukt is. Vanaf groep 3 maken de kinderen twee keer per jaar de toetsen van het
            leerlingvolgsysteem.

            Volgt een kind voor een vak een eigen leerlijn, dan maken we met de ouders een OPP
            en bespreken we het twee keer per jaar. Dat geldt nu voor drie leerlingen.
        """,
            "interventies_basis": [
                "verlengde_instructie",
                "dyslexieprotocol",
                "hulpmiddelen_dyslexie",
                "verrijking",
                "sociaal_emotioneel_programma",
                "pestprotocol",
                "kindgesprekken",
            ],
            "niet_in_basisondersteuning": """
            Niet onder onze basisondersteuning valt:

            - een dagprogramma dat van begin tot eind door de leerkracht wordt gestuurd;
            - begeleiding van één leerling apart van meer dan twintig minuten per week;
            - een aparte plusklas voor hoogbegaafde leerlingen.
        """,
            "expertise_team": [
                {
                    "expertise": "Leerlingbegeleiding",
                    "functie": "directeur en intern begeleider",
                    "uren_per_week": 8,
                },
                {
                    "expertise": "Lezen en dyslexie",
                    "functie": "leesspecialist (leerkracht bovenbouw)",
                    "uren_per_week": 2,
                },
                {
                    "expertise": "Meer- en hoogbegaafdheid",
                    "functie": "leerkracht met opleiding talentbegeleiding",
                    "uren_per_week": 3,
                },
            ],
            "expertise_aanbod": ["dyslexie", "hoogbegaafdheid"],
            "externe_partners": [
                {
                    "organisatie": "CJG Scheveningen",
                    "wat_doen_zij": "jeugdverpleegkundige",
                    "hoe_vaak": "maandelijks",
                },
                {
                    "organisatie": "SWV Hofstad",
                    "wat_doen_zij": "onderwijsadviseur en ambulant begeleider",
                    "hoe_vaak": "een_paar_keer_per_jaar",
                },
            ],
            "arrangementen": """
            Leerlingen die veel meer aankunnen, werken één middag per week samen aan een eigen
            onderzoek. De leerkracht met de opleiding talentbegeleiding begeleidt hen.

            Heeft een kind meer nodig dan wij in de groep kunnen geven, dan vragen we een
            arrangement aan bij het samenwerkingsverband. Meestal komt er dan een ambulant
            begeleider die de leerkracht helpt de dag voor het kind overzichtelijk te maken.
            Dit jaar hebben we twee arrangementen.
        """,
            "grens_bereikt": """
            Lukt het niet meer om een kind goed te helpen, dan nodigen de leerkracht en de
            directeur de ouders uit. Omdat we een kleine school zijn, vragen we dan altijd de
            onderwijsadviseur van het samenwerkingsverband om mee te denken. Samen zoeken we
            een arrangement of een school die beter past, ook buiten het montessori-onderwijs.
            Uw kind blijft bij ons tot er een goede plek is.
        """,
            "verwijzing_sbo_so": """
            Heeft een kind ook met een arrangement veel meer sturing en rust nodig dan wij in
            een open groep kunnen geven, dan praten we met de ouders over een school voor
            speciaal basisonderwijs. We vragen dan samen een TLV aan bij het
            samenwerkingsverband.
        """,
            "schoolgids_url": "https://montessorizeepaard.example/schoolgids",
            "schoolgids_onderwijsvisie": "https://montessorizeepaard.example/schoolgids#montessori",
            "evaluatie_laatste": "{jaar}-06-24",
            "evaluatie_volgende": "{volgend_jaar}-06-23",
            "evaluatie_wijzigingen": """
            We schreven ons profiel dit jaar opnieuw in het model van het samenwerkingsverband.
            Nieuw is de middag voor eigen onderzoek voor leerlingen die meer aankunnen.
        """,
        },
    ),
]

PROFILE_HISTORY: dict[str, list[tuple[str, dict]]] = {
    "regenboog": REGENBOOG,
    "zeester": ZEESTER,
    "lindeboom": LINDEBOOM,
    "wissel": WISSEL,
    "klaverblad": KLAVERBLAD,
    "boomgaard": BOOMGAARD,
    "zeepaard": ZEEPAARD,
    "duinroos": DUINROOS,
    # Started but still empty: the director pressed "SOP starten" and nothing more.
    "wegwijzer": [],
    # De Lantaarn and Het Palet have no profile yet.
}
