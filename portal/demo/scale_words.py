"""Small word lists for the county-scale data set (``portal demo --scale county``).

Faker is not a dependency, and the demo county's voice is specific (Alder County, its
districts and streets), so the synthetic residents, agencies and sentences are written here.
Every person is invented; phone numbers are 555-01xx (reserved for fiction) and e-mail
addresses use the reserved ``example.*`` domains, as in ``data/generate_demo.py``.
"""

from __future__ import annotations

COUNTY = "Alder County"
DOMAIN = "aldercounty.example"

FIRST_NAMES = (
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
    "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty",
    "Mark", "Margaret", "Steven", "Sandra", "Paul", "Ashley", "Andrew", "Emily", "Joshua",
    "Donna", "Kevin", "Michelle", "Brian", "Carol", "George", "Amanda", "Timothy", "Melissa",
    "Maria", "José", "Juan", "Guadalupe", "Luis", "Rosa", "Carlos", "Ana", "Miguel", "Lucía",
    "Alejandro", "Carmen", "Jorge", "Sofía", "Ricardo", "Valeria", "Fernando", "Daniela",
    "Tuan", "Linh", "Minh", "Thao", "Huong", "Quang", "Wei", "Mei", "Jun", "Xiu", "Hao",
    "Olga", "Dmitri", "Svetlana", "Nikolai", "Amina", "Abdi", "Hodan", "Farah", "Priya",
    "Ravi", "Keiko", "Hiroshi", "Fatima", "Omar", "Leilani", "Kai", "Dakota", "Winona",
)

LAST_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill",
    "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Campbell",
    "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez",
    "Ramirez", "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Reyes", "Morales", "Ortiz",
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vo", "Chen", "Wang", "Li", "Zhang", "Liu",
    "Ivanov", "Petrova", "Sokolov", "Hassan", "Mohamed", "Ali", "Patel", "Shah", "Tanaka",
    "Kowalski", "Abernathy", "Okafor", "Kealoha", "Yazzie", "Begay", "O'Brien", "MacLeod",
)

#: Streets per district code; other codes fall back to the generic list.
STREETS: dict[str, tuple[str, ...]] = {
    "D1": ("Harbor Blvd", "Front Ave", "Rail Yard Rd", "N Lombard St", "Cannery Row",
           "N Willis Blvd", "Pier 4 Access Rd"),
    "D2": ("Millrace Rd", "Hawthorne Ave", "Creekside Dr", "Sunset Hwy", "Orchard Way",
           "Miller Rd"),
    "D3": ("Alder Ave", "Main St", "Courthouse Sq", "2nd St", "Broadway", "Salmon St",
           "Water Ave"),
    "D4": ("Eastgate Blvd", "SE 162nd Ave", "Division St", "Glisan St", "Powell Blvd",
           "Halsey St"),
    "D5": ("Foxglove Pkwy", "Linwood Main St", "Farmington Rd", "Scholls Ferry Rd",
           "Nursery Ln"),
    "D6": ("Marsh Creek Rd", "Pacific Hwy", "Boones Ferry Rd", "Tualatin Valley Dr",
           "Industrial Way"),
    "D7": ("Bellmont Ave", "University Dr", "Hospital Hill Rd", "Oak Grove Blvd",
           "Kingsgate Rd"),
    "D8": ("Kessler Rd", "Route 26", "Upper Valley Rd", "Timberline Dr", "Kessler Main St"),
}
GENERIC_STREETS = ("Oak St", "Maple Ave", "Cedar Rd", "River Rd", "Park Ave", "Center St",
                   "Lake Dr", "Hillside Ave", "Pine St", "Mill Rd")
CROSS_STREETS = ("1st Ave", "2nd Ave", "3rd St", "5th Ave", "8th St", "12th Ave", "Elm St",
                 "Ash St", "Birch Ln", "Station Way", "School St", "Church St")
STREET_PREFIXES = ("N", "S", "E", "W", "NE", "SE", "SW", "NW")

#: (code, name, what it does): departments and offices a large county has beyond the demo's.
DEPARTMENTS = (
    ("ASR", "Assessment and Taxation", "values property, collects property taxes and keeps the tax roll"),
    ("ANS", "Animal Services", "runs the county shelter, licenses dogs and answers animal-control calls"),
    ("ADV", "Aging, Disability and Veterans Services", "runs Meals on Wheels, adult protective services and veterans' benefits counselling"),
    ("BHD", "Behavioral Health", "funds and runs mental-health and addiction treatment and the crisis line"),
    ("CLK", "County Clerk and Recorder", "records deeds and liens, issues marriage licences and keeps the Board's records"),
    ("DAO", "District Attorney's Office", "prosecutes crimes, runs victim assistance and the child-support unit"),
    ("MPD", "Public Defender", "represents people who cannot afford a lawyer in criminal and juvenile cases"),
    ("EMS", "Emergency Medical Services", "licenses ambulances and runs the county's emergency medical system"),
    ("OEM", "Emergency Management", "plans for disasters, runs the emergency alert system and the operations centre"),
    ("ECC", "Emergency Communications (911)", "answers 911 and non-emergency calls and dispatches police, fire and medics"),
    ("FIN", "Finance", "pays the county's bills, runs payroll and manages debt and investments"),
    ("FLT", "Fleet Services", "buys, fuels, tracks and maintains the county's 1,400 vehicles"),
    ("HRS", "Human Resources", "hires, pays benefits to and keeps the records of 6,200 county employees"),
    ("JUV", "Juvenile Services", "runs juvenile detention and diversion programmes for young people"),
    ("LUP", "Land Use Planning", "writes the zoning code and reviews land divisions and land-use applications"),
    ("BLD", "Building Permits and Inspections", "issues building, electrical and plumbing permits and inspects construction"),
    ("MEX", "Medical Examiner", "investigates sudden, violent and unexplained deaths"),
    ("PUR", "Purchasing and Contracts", "buys goods and services and manages the county's vendor contracts"),
    ("RSK", "Risk Management", "insures the county, handles claims and runs workplace safety"),
    ("SUS", "Office of Sustainability", "runs climate programmes, energy rebates and the tree canopy survey"),
    ("SWR", "Solid Waste and Recycling", "runs transfer stations, curbside franchises and the hazardous-waste depot"),
    ("VEC", "Vector Control", "monitors and controls mosquitoes, rats and the diseases they carry"),
    ("WFD", "Workforce Development", "runs job centres, apprenticeships and youth summer jobs"),
    ("YFS", "Youth and Family Services", "runs family resource centres, parenting classes and school-based programmes"),
    ("ECD", "Economic Development", "supports small businesses, runs business loans and the enterprise zone"),
    ("AUD", "County Auditor", "audits county programmes and runs the good-government hotline"),
    ("CAO", "County Attorney", "advises the county, defends it in court and answers public records appeals"),
    ("COM", "Communications", "runs the county's website content, social media and news releases"),
    ("CMO", "County Manager's Office", "carries out the Board's policies and prepares the budget"),
    ("BOC", "Board of Commissioners' Office", "supports the five commissioners, their constituent services and meetings"),
    ("FAC", "Facilities and Property Management", "runs county buildings, their access control and security"),
    ("FIR", "Fire District", "fights fires, runs fire prevention inspections and answers medical calls"),
    ("CRT", "Circuit Court Administration", "schedules cases, manages juries and runs the self-help centre"),
    ("DDS", "Developmental Disability Services", "plans and pays for support services for people with developmental disabilities"),
    ("ENV", "Environmental Health", "inspects septic systems, wells and drinking water, and investigates complaints"),
    ("OIR", "Office of Immigrant and Refugee Affairs", "funds legal services and language access for immigrants and refugees"),
    ("OEQ", "Office of Equity and Inclusion", "runs the equity lens, language access policy and civil-rights complaints"),
    ("ENG", "Engineering and Surveying", "designs county roads and bridges and keeps survey records"),
    ("TRA", "Transit Partnership Office", "funds bus service, reduced fares and the senior shuttle"),
    ("AIR", "Regional Airport", "runs the county airport, its parking and its security programme"),
    ("HAU", "Housing Authority", "runs public housing and housing choice vouchers"),
    ("CPO", "Consumer Protection", "licenses tow companies and investigates consumer complaints"),
    ("EXP", "Fairgrounds and Expo Center", "runs the county fair, events and their ticketing"),
    ("TRE", "Treasurer", "collects and invests county money and runs the tax foreclosure process"),
    ("PGC", "Public Guardian and Conservator", "acts for adults who cannot make decisions for themselves"),
    ("CSE", "Child Support Services", "establishes and enforces child support orders"),
    ("LAW", "Law Library", "offers legal research help and court forms to the public"),
    ("WIC", "Women, Infants and Children Program", "provides nutrition help and breastfeeding support to families"),
)

#: Kinds of records a department keeps: (title, classification, sensitive categories).
DATASET_KINDS = (
    ("Case management records", "confidential", ("health",)),
    ("Client intake forms", "confidential", ()),
    ("Payroll and timekeeping", "confidential", ("ssn_itin",)),
    ("Contracts and invoices", "public", ()),
    ("Customer service requests", "internal", ()),
    ("Inspection reports", "public", ()),
    ("Permit applications", "internal", ()),
    ("Complaint log", "confidential", ()),
    ("Programme enrolment", "confidential", ("minors",)),
    ("Grant applications", "internal", ()),
    ("E-mail and calendar archive", "internal", ()),
    ("Vehicle location (AVL) data", "internal", ("precise_location",)),
    ("Security camera footage", "confidential", ("precise_location",)),
    ("Building access badge logs", "internal", ("precise_location",)),
    ("Public meeting recordings", "public", ()),
    ("Open data extract", "public", ()),
    ("Performance dashboard data", "public", ()),
    ("Incident reports", "confidential", ("criminal_justice",)),
    ("Training records", "internal", ()),
    ("Volunteer roster", "internal", ()),
    ("Eligibility determinations", "restricted", ("immigration_status", "ssn_itin")),
    ("Language access requests", "confidential", ("language",)),
    ("Client demographics", "confidential", ("nationality", "language")),
    ("Health screening results", "restricted", ("health",)),
    ("Court referrals", "confidential", ("criminal_justice",)),
    ("Youth programme participants", "confidential", ("minors",)),
    ("Payment card transactions", "confidential", ()),
    ("Mailing list", "internal", ()),
    ("Field notes and photos", "internal", ("precise_location",)),
    ("Hotline call records", "confidential", ()),
    ("Survey responses", "confidential", ("language",)),
    ("Licence holders", "public", ()),
    ("Fee waivers", "confidential", ("ssn_itin",)),
    ("Faith-based partner list", "internal", ("religion",)),
    ("Appeals and hearings", "confidential", ()),
    ("Account records", "confidential", ()),
)

#: recipient type → names that receive data.
RECIPIENTS: dict[str, tuple[str, ...]] = {
    "federal_agency": (
        "U.S. Department of Health and Human Services", "Social Security Administration",
        "U.S. Department of Agriculture, Food and Nutrition Service",
        "Federal Emergency Management Agency", "U.S. Census Bureau",
        "U.S. Department of Housing and Urban Development", "Internal Revenue Service",
        "U.S. Department of Labor", "Centers for Disease Control and Prevention",
        "U.S. Immigration and Customs Enforcement (ICE)",
    ),
    "state_agency": (
        "State Department of Human Services", "State Health Authority", "State Police",
        "State Department of Revenue", "State Employment Department",
        "State Department of Transportation", "State Judicial Department",
        "Secretary of State, Elections Division", "State Department of Education",
        "State Criminal Justice Commission",
    ),
    "local_agency": (
        "City of Port Alder", "City of Linwood", "City of Kessler", "Alder Regional Transit",
        "Port Alder School District", "Linwood School District", "Alder Water District",
        "Metro Regional Government", "Alder Fire District 2", "Alder County Housing Authority",
    ),
    "law_enforcement": (
        "Port Alder Police Bureau", "Linwood Police Department", "State Police",
        "Federal Bureau of Investigation", "U.S. Marshals Service",
        "Regional Auto Theft Task Force", "District Attorney's investigators",
        "Kessler Police Department",
    ),
    "vendor": (
        "Tyler Technologies", "CivicPlus", "Granicus", "Motorola Solutions", "Axon Enterprise",
        "Salesforce", "Microsoft (cloud hosting)", "Amazon Web Services", "Esri",
        "Accela", "Paymentus", "Everbridge", "NEOGOV", "Workday", "Oracle", "OpenGov",
        "Cityworks", "Flock Safety", "Verizon Connect", "Samsara",
    ),
    "researcher": (
        "Alder State University School of Public Health", "Alder State University Urban Institute",
        "Northwest Policy Research Center", "University of Washington Evans School",
        "Pacific Health Research Institute", "Reed College Data Lab",
    ),
    "nonprofit": (
        "Alder Food Bank", "Legal Aid of Alder County", "Catholic Charities of Alder County",
        "Alder Housing Alliance", "Community Action of Alder County",
        "Eastgate Immigrant Resource Center", "Boys and Girls Club of Alder",
        "United Way of the Alder Valley", "Alder Senior Services Coalition",
    ),
    "public": (
        f"The public, through the open data portal (data.{DOMAIN})",
        "The public, on the county website", "The public, by records request",
    ),
}

#: recipient type → (channel, legal basis type) pairs that fit it.
CHANNELS_FOR: dict[str, tuple[tuple[str, str], ...]] = {
    "federal_agency": (("law", "statute"), ("regulation", "regulation"),
                       ("data_sharing_agreement", "statute"), ("email", "none_stated"),
                       ("court_order", "court_order")),
    "state_agency": (("law", "statute"), ("data_sharing_agreement", "statute"),
                     ("mou", "statute"), ("regulation", "regulation"), ("phone", "none_stated")),
    "local_agency": (("mou", "contract"), ("data_sharing_agreement", "contract"),
                     ("email", "none_stated"), ("phone", "none_stated"), ("in_person", "none_stated")),
    "law_enforcement": (("law", "statute"), ("court_order", "court_order"),
                        ("phone", "none_stated"), ("email", "none_stated"),
                        ("data_sharing_agreement", "statute")),
    "vendor": (("contract", "contract"), ("data_sharing_agreement", "contract")),
    "researcher": (("data_sharing_agreement", "consent"), ("data_sharing_agreement", "contract"),
                   ("mou", "contract")),
    "nonprofit": (("data_sharing_agreement", "consent"), ("contract", "contract"),
                  ("email", "consent"), ("mou", "contract")),
    "public": (("open_data", "statute"),),
}

PURPOSES: dict[str, tuple[str, ...]] = {
    "federal_agency": ("Federal reporting required to keep programme funding.",
                       "Eligibility verification for federally funded benefits.",
                       "Statistics the federal government publishes on county programmes."),
    "state_agency": ("State reporting required by statute.",
                     "Matching records to avoid paying the same benefit twice.",
                     "The State's oversight of programmes it funds."),
    "local_agency": ("Coordinating services for residents both agencies serve.",
                     "Planning shared infrastructure and services.",
                     "Answering requests from a partner agency case by case."),
    "law_enforcement": ("Criminal investigations, on request.",
                        "Locating missing and endangered people.",
                        "Serving warrants and court orders."),
    "vendor": ("Hosting and running the software the department uses for this work.",
               "Processing payments on the county's behalf.",
               "Sending notices and reminders to residents on the county's behalf."),
    "researcher": ("An evaluation of whether the programme works, for the Board.",
                   "Research on health and housing outcomes, published only as statistics."),
    "nonprofit": ("Referring residents who asked for help to a partner that provides it.",
                  "Coordinating services for shared clients who consented."),
    "public": ("Transparency: residents, journalists and researchers can see and reuse the data.",),
}

DATA_ELEMENTS = (
    "name", "date of birth", "home address", "phone number", "e-mail address",
    "case number", "service dates", "programme status", "household size", "income",
    "race and ethnicity", "primary language", "photo", "vehicle plate", "GPS location",
    "account number", "payment amount", "inspection result", "permit number",
    "parcel number", "employer", "school", "diagnosis code", "booking number",
    "charges", "release date", "device identifier", "call recording",
)

SHARING_TITLES = (
    "{kind} shared with {recipient}", "{kind} sent to {recipient}",
    "Monthly extract of {kind_lower} for {recipient}", "{kind} reported to {recipient}",
    "{recipient} access to {kind_lower}", "Case-by-case requests for {kind_lower} from {recipient}",
    "{kind} hosted by {recipient}",
)

AGREEMENT_KINDS = ("Data Sharing Agreement", "Memorandum of Understanding",
                   "Master Services Agreement", "Intergovernmental Agreement",
                   "Research Data Use Agreement", "Business Associate Agreement")

#: Surveillance technology kinds per category: (name, vendor, locations it has).
TECHNOLOGY_KINDS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "license_plate_reader": (("Fixed license plate readers", "Flock Safety", True),
                             ("Mobile license plate readers on patrol cars", "Motorola Solutions", False),
                             ("Parking enforcement plate readers", "Genetec", False)),
    "camera": (("Traffic cameras", "Iteris", True), ("Park and trailhead cameras", "Verkada", True),
               ("Transit centre video surveillance", "Axis Communications", True),
               ("Building entrance cameras", "Avigilon", True),
               ("Video analytics for intersections", "Miovision", True)),
    "gunshot_detection": (("Acoustic gunshot detection", "SoundThinking", True),),
    "social_media_monitoring": (("Social-media monitoring service", "Dataminr", False),
                                ("Open-source intelligence tool", "Babel Street", False)),
    "drone": (("Unmanned aircraft", "Skydio", False), ("Drone as first responder", "Flock Safety", True)),
    "facial_recognition": (("Face recognition searches of booking photos", "Clearview AI", False),
                           ("Face matching for jail visitor screening", "Idemia", False)),
    "cell_site_simulator": (("Cell-site simulator", "KeyW", False),),
    "body_camera": (("Body-worn cameras", "Axon Enterprise", False),
                    ("Body-worn cameras for code enforcement officers", "Motorola Solutions", False)),
    "data_analytics": (("Predictive risk scoring", "Palantir", False),
                       ("Case analytics platform", "LexisNexis Risk Solutions", False),
                       ("Benefits fraud detection", "Pondera", False)),
    "other": (("Electronic monitoring ankle bracelets", "SuperCom", False),
              ("Smart streetlight sensors", "Ubicquia", True),
              ("Wi-Fi and Bluetooth traffic sensors", "Iteris", True)),
}

LOCATION_KINDS = ("Camera at {street} and {cross}", "Pole at {street} near {cross}",
                  "{street} at {cross}", "Sensor on {street}, {block} block",
                  "Intersection of {street} and {cross}")

NOTICE_SENTENCES = {
    "description": "{name} used by the {dept}. It is one of {count} deployments of this kind in the county.",
    "how_it_works": "The system records {data} and stores it on servers run by {vendor}. "
                    "Authorised staff search it with a case number; each search is logged.",
    "purpose": "To help the {dept} {goal}.",
    "problems_addressed": "Staff spent many hours doing this work by hand, and residents asked for faster responses.",
    "data_collected": "{data_cap}, with the date, time and place.",
    "data_subjects": "Anyone who passes within range, including people not suspected of anything.",
    "retention": "Data that matches no case is deleted after {days} days; data used in a case is kept with the case file.",
    "access": "Trained staff of the {dept} with a supervisor's approval.",
    "access_logging": "Every search and export is logged with the user, the time and the reason; the logs are audited quarterly.",
    "sharing": "Shared only with another agency that makes a written request for a specific case; never for immigration enforcement.",
    "civil_rights_impact": "Collecting data about everyone who passes can chill lawful activity such as protest and worship.",
    "disparate_impact": "Deployments concentrated in some neighbourhoods would record their residents more often than others.",
    "mitigations": "Locations chosen by published criteria, short retention, audits published every year.",
    "funding_source": "{funding}.",
    "use_policy": "The {name} may be used only for the purposes listed in this notice. Any other use requires an amended notice, public comment and the Board's approval.",
    "approving_authority": "Alder County Board of Commissioners",
    "change_summary": "",
}
NOTICE_GOALS = ("find missing and endangered people sooner", "investigate serious crimes",
                "manage traffic and keep intersections safe", "protect county buildings and staff",
                "respond to emergencies faster", "detect fraud in public programmes",
                "enforce parking rules fairly", "understand how residents use public spaces")
NOTICE_DATA = ("photos of vehicles and their plates", "video of public areas",
               "audio of loud impulsive sounds", "public social-media posts",
               "aerial video", "face images", "location histories", "case records",
               "device identifiers seen by the sensor")
FUNDING = ("General Fund", "State public safety grant", "Federal Urban Area Security Initiative grant",
           "Asset forfeiture fund", "Department operating budget", "Transportation levy")

# ---------------------------------------------------------------------------
# Residents' voice: English
# ---------------------------------------------------------------------------

EN_OPEN = {
    "oppose": (
        "I oppose the {tech}.", "Please do not approve the {tech}.",
        "I am against expanding the {tech} in {district}.",
        "Vote no on the {tech}.", "I do not want the {tech} in my neighborhood.",
        "The {tech} is a bad use of public money.",
        "I live in {district} and I am worried about the {tech}.",
    ),
    "support": (
        "I support the {tech}.", "I am in favor of the {tech}, with limits.",
        "Please approve the {tech}.", "The {tech} makes sense for {district}.",
        "As a resident of {district} I support the {tech}.",
        "Thank you for publishing the notice on the {tech}; I support it.",
    ),
    "neutral": (
        "I have a question about the {tech}.", "Before I decide about the {tech}, I want to know more.",
        "Can the county explain how the {tech} works?",
        "I read the notice on the {tech} and have some questions.",
        "I am not sure what to think about the {tech}.",
    ),
}
EN_MIDDLE = (
    "Who can see the data and for how long?",
    "How long is the data kept, and who checks that it is deleted?",
    "Will any of this be shared with immigration enforcement?",
    "I drive on {street} every day and I do not want a record of where I go.",
    "My car was broken into on {street} last year and nobody followed up.",
    "Please publish the audit results every year, not just the policy.",
    "The cost is high compared to what we spend on street lighting.",
    "Other counties shared this kind of data with agencies out of state.",
    "I want the county to show that it actually works before it spends more.",
    "Kids walk to school along {street}; they should not be recorded.",
    "If it helps find missing people faster, that matters to me.",
    "There should be a warrant before anyone searches the stored data.",
    "The notice does not say how many searches were made last year.",
    "Please hold an evening meeting in {district} so working people can come.",
    "Independent oversight is the only way residents will trust this.",
    "Thirty days is still a month of people's lives in a database.",
    "The vendor should not be allowed to sell or reuse anything it collects.",
    "I would like to see the locations on a map before the vote.",
    "Our neighborhood already has more cameras than the rest of the county.",
    "What happens when the system makes a mistake about someone?",
)
EN_CLOSE = ("Thank you.", "Thanks for listening.", "Please read these comments before voting.",
            "I hope the commission takes this seriously.", "", "", "")

EN_PRACTICE = (
    "Why does the {dept} share {dataset} with {recipient}?",
    "I did not know the county shares {dataset} with {recipient}.",
    "Residents should be told before {dataset} is shared with {recipient}.",
    "Please publish the agreement with {recipient}.",
    "Sharing {dataset} by phone or e-mail with no agreement is not acceptable.",
    "Thank you for listing this sharing of {dataset}; it helps to know.",
    "Does {recipient} have to delete the data when the agreement ends?",
)
EN_INDICATOR = (
    "The figures for {indicator} in {district} look worse every quarter.",
    "Why are so many figures for {indicator} hidden for small groups?",
    "Please add a breakdown by language for {indicator}.",
    "{indicator}: the numbers for {district} do not match what I see in my neighborhood.",
    "Thank you for publishing {indicator} by district.",
    "Can you explain how {indicator} is calculated?",
)
EN_GENERAL = (
    "The county should publish every data-sharing agreement.",
    "I want to know which departments share data about me.",
    "Please make the comment periods longer than 30 days.",
    "It is hard to find when the commission meets.",
    "I appreciate being able to comment online.",
    "Please explain what happens to comments after they are sent.",
    "More notices should be mailed to residents who are not online.",
    "The county collects too much data about people who ask for help.",
)
EN_MEETING = (
    "Please put the drone policy on the next meeting's agenda.",
    "I could not attend the meeting; will the recording be posted?",
    "The commission should meet in the evening at least once a quarter.",
    "Please allow more time for public comment at the meeting.",
)

# ---------------------------------------------------------------------------
# Residents' voice: Spanish
# ---------------------------------------------------------------------------

ES_OPEN = {
    "oppose": (
        "No estoy de acuerdo con {tech_es}.", "Por favor no aprueben {tech_es}.",
        "Vivo en {district} y me preocupa {tech_es}.",
        "Estoy en contra de ampliar {tech_es} en mi barrio.",
    ),
    "support": (
        "Estoy a favor de {tech_es}, con límites.", "Apoyo {tech_es} si protegen los datos.",
        "Por favor aprueben {tech_es}; en {district} lo necesitamos.",
    ),
    "neutral": (
        "Tengo una pregunta sobre {tech_es}.", "Quisiera saber más sobre {tech_es}.",
        "¿Pueden explicar cómo funciona {tech_es}?",
    ),
}
ES_MIDDLE = (
    "¿Quién puede ver los datos y por cuánto tiempo los guardan?",
    "Muchos de mis vecinos tienen miedo de que la información llegue a inmigración.",
    "Manejo por {street} todos los días y no quiero que sepan a dónde voy.",
    "Mis hijos caminan a la escuela por {street}.",
    "Necesitamos reuniones en la comunidad, por la tarde, con intérprete.",
    "Queremos ver los resultados de las auditorías cada año.",
    "El dinero debería usarse para alumbrado y programas para jóvenes.",
    "Si ayuda a encontrar a personas desaparecidas, es importante.",
    "Deben pedir una orden judicial antes de buscar en los datos.",
    "Nadie en el barrio sabía de este aviso.",
)
ES_CLOSE = ("Gracias.", "Muchas gracias por escuchar.", "Por favor lean estos comentarios.", "")
ES_PRACTICE = (
    "¿Por qué comparten {dataset} con {recipient}?",
    "No sabía que el condado comparte {dataset} con {recipient}.",
    "Deben avisarnos antes de compartir nuestros datos.",
)
ES_GENERAL = (
    "El condado debería publicar todos los acuerdos para compartir datos.",
    "Quiero saber qué departamentos comparten información sobre mí.",
    "Por favor manden los avisos por correo a quienes no usan internet.",
    "Tengo miedo de pedir ayuda por mis papeles.",
)
TECH_ES = {
    "license_plate_reader": "los lectores de placas", "camera": "las cámaras",
    "gunshot_detection": "los micrófonos de detección de disparos",
    "social_media_monitoring": "el monitoreo de redes sociales", "drone": "los drones",
    "facial_recognition": "el reconocimiento facial",
    "cell_site_simulator": "el simulador de antenas celulares",
    "body_camera": "las cámaras corporales", "data_analytics": "el análisis de datos",
    "other": "esta tecnología",
}

# ---------------------------------------------------------------------------
# Personal data residents put in their comments, profanity and spam
# ---------------------------------------------------------------------------

EN_PII = (
    "Call me at 503-555-01{nn}.", "You can reach me at {email}.",
    "I live at {number} {prefix} {street}.", "My name is {first} {last}.",
    "Please call me back at (971) 555-01{nn}, {first} {last}.",
    "Write to me at {email} if you have questions.",
)
ES_PII = (
    "Llámeme al 503-555-01{nn}.", "Mi correo es {email}.", "Vivo en {number} {prefix} {street}.",
    "Me llamo {first} {last}.",
)
EN_PROFANE = ("This is bullshit.", "What a damn waste of money.", "Whoever approved this crap should resign.",
              "Stop this shit now.", "The commissioners are a bunch of assholes.")
ES_PROFANE = ("Esto es una mierda.", "Son unos pendejos.", "Pinche gobierno.")
SPAM = (
    "Make money online from home! Click here: http://cash-now.example.net/offer",
    "Best payday loans in {district}, guaranteed approval, click here http://loans.example.net",
    "Buy now: limited time offer on home security cameras, 100% free shipping! www.cams.example.com",
    "Earn $500 a day with forex trading, risk free. Order now at http://fx.example.org",
)
REJECT_NOTES = {
    "threat": "Threatens a named official.",
    "private_individual": "Names a neighbour and describes their immigration status.",
    "personal_data": "The comment is mostly the resident's own medical details.",
}
THREATS = ("Anyone who puts a camera on my street will regret it.",
           "I know where the commissioners live and they should be careful.")
PRIVATE = ("My neighbour {first} {last} at {number} {street} is the one who should be watched.",)
OFF_TOPIC = ("When will the potholes on {street} be fixed?", "My garbage was not picked up this week.",
             "The library should be open on Sundays.", "Who do I call about a barking dog?")

# ---------------------------------------------------------------------------
# Copy-paste campaigns
# ---------------------------------------------------------------------------

CAMPAIGN_OPENINGS = ("Dear Commissioners,", "Dear Commissioners,", "Dear members of the Privacy Advisory Commission,",
                     "To the Privacy Advisory Commission:", "Dear Commissioners,", "Hello,")
CAMPAIGN_BODIES = {
    "oppose": (
        ("I am writing as a resident of {county} to urge you to reject the {tech}. It records "
        "everyone, not just people suspected of a crime. Across the country, data from systems "
        "like this has been shared with immigration authorities and agencies in other states. "
        "Our tax dollars should fund proven safety measures like street lighting and youth "
        "programmes, not a surveillance network. Please vote NO."),
        ("I ask you to stop the {tech} until the county publishes an independent audit of how it "
        "is used. Residents have a right to know who searches this data, why, and how often. "
        "Without that, the {tech} should not continue. Please put residents' privacy first."),
        ("Please do not renew the contract for the {tech}. The vendor keeps data the county cannot "
        "control, and the notice admits that data is shared on request with other agencies. "
        "Protect our community and end this programme."),
    ),
    "support": (
        ("I am writing to support the {tech}. Our neighborhood has waited years for faster help, "
        "and this tool can bring it. Please approve it with the limits in the notice: short "
        "retention, published audits and no sharing for immigration enforcement."),
        ("As a member of the Alder Neighborhood Safety Network, I ask you to approve the {tech}. "
        "It is used responsibly under a clear policy, and the annual report shows results. "
        "Please vote YES."),
    ),
}
CAMPAIGN_PERSONAL = (
    "", "", "", " I drive through {district} every day on my way to work.",
    " My family has lived on {street} for twenty years.",
    " I am a nurse and I drive to patients' homes all over the county.",
    " As a small business owner on {street}, I do not want my customers tracked.",
    " I am a parent of two children at {district} schools.",
)
CAMPAIGN_SIGNATURES = ("Sincerely,\nA concerned resident", "Sincerely,\nA resident of {district}",
                       "Respectfully,\nA concerned neighbour", "Thank you,\nA voter in {county}",
                       "Sincerely,\nA resident of {district}")
CAMPAIGN_FOOTER = ("Sent from the Alder Privacy Coalition action page",
                   "Sent from the Neighborhood Safety Network letter tool", "")
CAMPAIGN_ES = (
    "Estimados comisionados:\n\nLes escribo como residente del condado de Alder para pedirles "
    "que rechacen {tech_es}. Estos sistemas registran a todos, no solo a las personas "
    "sospechosas de un delito, y en otros lugares los datos terminaron en manos de "
    "inmigración. Nuestro dinero debe usarse para alumbrado público y programas para jóvenes. "
    "Por favor voten NO."
)

# ---------------------------------------------------------------------------
# Surveys
# ---------------------------------------------------------------------------

SURVEY_TOPICS = (
    ("Cameras in parks and on trails", "notice"),
    ("How should the county share information about residents?", None),
    ("Library services and your privacy", None),
    ("Traffic safety cameras near schools", "notice"),
    ("Rental assistance: how did it go?", "indicator"),
    ("Drones for search and rescue", "notice"),
    ("Your experience with 311", None),
    ("Sharing benefits data with the State", "practice"),
    ("Community safety priorities for next year", None),
    ("Public health data and your trust", "indicator"),
    ("Body-worn cameras for code enforcement", "notice"),
    ("Language access at county offices", None),
)
SURVEY_LONG_EN = (
    "Publish the audits, and let an independent group do them.",
    "Honestly I don't trust any of it. Data always leaks eventually.",
    "Tell people in plain language before collecting anything.",
    "Stop sharing with ICE. That's the whole thing for my neighborhood.",
    "Shorter retention. A week is enough.",
    "Let residents see what is held about them and correct it.",
    "Fines for vendors who break the rules, and cancel their contracts.",
    "Put the camera locations on a map.",
    "More community meetings in the evening, not at 2 pm.",
    "I want to know who looked at my records and why.",
    "Nothing, I think the county does a good job already.",
    "Don't buy things with grant money that we will have to pay for forever.",
    "The forms are too long and ask for too much.",
    "I liked that the survey was short.",
)
SURVEY_LONG_ES = (
    "Que no compartan nada con inmigración.",
    "Necesitamos información en español y reuniones en la comunidad.",
    "Que nos avisen antes de usar nuestros datos.",
    "Tengo miedo de pedir ayuda por mis papeles.",
    "Las oficinas deberían tener intérpretes todos los días.",
)

INDICATOR_TOPICS = (
    # (name, unit, rate per, counted among, level: events per "rate per" people a quarter,
    # or the share counted)
    ("Emergency room visits for asthma", "rate", 1000, "residents", 6.0),
    ("Children under 5 enrolled in early learning", "percent", None, "children", 0.38),
    ("Residents receiving food assistance", "percent", None, "residents", 0.14),
    ("Households paying over half their income for rent", "percent", None, "renters", 0.24),
    ("Overdose emergency responses", "rate", 10000, "residents", 30.0),
    ("Jail bookings", "rate", 1000, "adults", 6.5),
    ("Pretrial release granted", "percent", None, "applications", 0.58),
    ("Building permits issued on time", "percent", None, "applications", 0.71),
    ("Code complaints resolved in 30 days", "percent", None, "applications", 0.66),
    ("Library programme attendance", "rate", 1000, "residents", 31.0),
    ("Youth summer jobs filled", "percent", None, "applications", 0.52),
    ("Housing voucher holders who found a home", "percent", None, "applications", 0.61),
    ("Children under 5 fully vaccinated", "percent", None, "children", 0.89),
    ("Use-of-force incidents", "rate", 10000, "adults", 8.0),
    ("Mental-health crisis calls answered by clinicians", "percent", None, "applications", 0.44),
    ("Eviction filings", "rate", 1000, "renters", 9.0),
    ("Senior meals delivered", "rate", 1000, "adults", 12.0),
    ("Workforce programme completions", "percent", None, "applications", 0.63),
    ("Child welfare reports screened in", "percent", None, "applications", 0.41),
    ("Residents with health insurance", "percent", None, "residents", 0.93),
    ("Traffic injuries", "rate", 10000, "residents", 14.0),
    ("Adults on probation who found work", "percent", None, "applications", 0.47),
    ("Residents with a primary care visit", "percent", None, "residents", 0.71),
    ("Homeless shelter nights", "rate", 1000, "residents", 22.0),
    ("Voter registration", "percent", None, "adults", 0.81),
    ("Rental assistance applications approved", "percent", None, "applications", 0.62),
    ("Households with broadband at home", "percent", None, "renters", 0.86),
    ("Fire and medical calls answered in 8 minutes", "percent", None, "applications", 0.78),
    ("Park programme registrations", "rate", 1000, "residents", 18.0),
    ("Public defender cases per attorney", "rate", 1000, "adults", 9.5),
    ("Adult protective services reports", "rate", 10000, "adults", 21.0),
    ("Students chronically absent", "percent", None, "children", 0.19),
    ("Residents served by behavioral health", "rate", 1000, "residents", 11.0),
    ("Animal shelter adoptions", "percent", None, "applications", 0.69),
    ("Veterans' benefit claims approved", "percent", None, "applications", 0.74),
    ("Transit reduced-fare enrolments", "rate", 1000, "adults", 7.5),
    ("Energy assistance households", "percent", None, "renters", 0.12),
    ("Juvenile referrals diverted", "percent", None, "applications", 0.55),
    ("311 requests closed within 10 business days", "percent", None, "applications", 0.74),
    ("Lead testing of young children", "percent", None, "children", 0.46),
)
