"""The texts, names and vocabularies the generated rows draw from, and two
small makers of values (organisation numbers, office-hour times)."""

import random
from datetime import UTC, date, datetime
from datetime import time as clock

from enterprises.orgnr import luhn_check_digit

PLACES = [
    "Kungshamns", "Smögens", "Hunnebostrands", "Bovallstrands", "Väjerns", "Malmöns", "Lysekils", "Strömstads",
    "Tanums", "Munkedals", "Uddevalla", "Orusts", "Tjörns", "Stenungsunds", "Kungälvs", "Göteborgs", "Borås",
    "Trollhättans", "Vänersborgs", "Åmåls", "Karlstads", "Örebro", "Västerås", "Uppsala", "Gävle", "Umeå",
    "Luleå", "Kiruna", "Sundsvalls", "Östersunds", "Falu", "Norrköpings", "Linköpings", "Jönköpings", "Växjö",
    "Kalmar", "Visby", "Karlskrona", "Kristianstads", "Malmö", "Lunds", "Helsingborgs", "Halmstads", "Varbergs",
]
# What an actor does: (name part, its service category or None, sentences
# that describe it). Trading actors (ASF, cooperatives, others) draw from
# the first list, associations and foundations from the second, so a word
# like "städning" matches a few per cent of the registry, as it would.
TRADING = [
    ("Städkooperativ", "stad", ["Vi erbjuder städning av kontor, trapphus och fritidshus.",
                                "Hemstädning och storstädning med miljömärkta medel."]),
    ("Café", "cafe-catering", ["Café med hembakat bröd, smörgåsar och dagens lunch.",
                               "Fika och luncher i hamnen året om."]),
    ("Catering", "cafe-catering", ["Catering till möten, fester och konferenser.",
                                   "Matlådor och buffé lagade från grunden."]),
    ("Trädgårdsservice", "tradgard-fastighet", ["Trädgårdsskötsel, gräsklippning och häckklippning.",
                                                "Snöröjning och sandning under vintern."]),
    ("Fastighetsservice", "tradgard-fastighet", ["Fastighetsskötsel, enklare reparationer och flytt.",
                                                 "Tillsyn av fritidshus och sommarstugor."]),
    ("Snickeri", "snickeri", ["Snickeri som tillverkar möbler och bryggor av återvunnet virke.",
                              "Renovering av fönster, dörrar och båtar i trä."]),
    ("Second hand", "second-hand", ["Second hand-butik med kläder, möbler och böcker.",
                                    "Insamling och sortering av skänkta saker."]),
    ("Återbruk", "second-hand", ["Återbruk av byggmaterial och möbler.",
                                 "Reparationer av cyklar och elektronik."]),
    ("Båtservice", "bat-marina", ["Båtvård, bottenmålning och vinterförvaring av båtar.",
                                  "Tillsyn av båtar och bryggor i gästhamnen."]),
    ("Marina", "bat-marina", ["Gästhamn med service för seglare.", "Uthyrning av båtplatser och sjöbodar."]),
    ("Turism", "turism", ["Guidade turer i skärgården och uthyrning av kajaker.",
                          "Sälsafari och fisketurer för besökare."]),
    ("Vandrarhem", "turism", ["Vandrarhem med rum för grupper och familjer.", "Stugby och camping vid havet."]),
    ("Tvätteri", "tvatt", ["Tvätt och mangling för företag och hushåll.", "Tvätt av arbetskläder och textilier."]),
    ("Transport", "transport", ["Transporter, flytthjälp och budkörning.", "Körningar av gods och möbler."]),
    ("Handelsbod", "handel", ["Handel med lokala produkter, fisk och skaldjur.", "Gårdsbutik med ägg och grönsaker."]),
    ("Hantverk", "hantverk", ["Keramik, textil och smide från egen verkstad.", "Kurser i hantverk och slöjd."]),
]
ASSOCIATIONS = [
    ("Idrottsförening", None, ["Fotboll, handboll och friidrott för barn och vuxna.",
                               "Träningar och matcher varje vecka."]),
    ("Seglarklubb", None, ["Seglarskola och kappseglingar för unga.", "Klubbhus med bastu och bryggor."]),
    ("Pensionärsförening", None, ["Träffar, resor och studiecirklar för seniorer.", "Boule, bingo och dans."]),
    ("Kulturförening", None, ["Konserter, teater och utställningar.", "Filmvisningar och författarkvällar."]),
    ("Ungdomsförening", None, ["Fritidsgård och läxhjälp för unga.", "Musik, dans och e-sport för tonåringar."]),
    ("Samhällsförening", None, ["Föreningen sköter badplatser och midsommarfirande.", "Byagård och lokal service."]),
    ("Studieförbund", None, ["Studiecirklar, kurser och föreläsningar.", "Språkcaféer och folkbildning."]),
    ("Församling", None, ["Gudstjänster, körer och öppet hus.", "Diakoni och stöd till behövande."]),
    ("Funktionsrättsförening", None, ["Stöd och gemenskap för personer med funktionsnedsättning.",
                                       "Påverkansarbete för tillgänglighet."]),
    ("Hembygdsförening", None, ["Hembygdsgård och lokalhistoriskt arkiv.", "Slåtter och hantverksdagar."]),
    ("Stiftelse", None, ["Stiftelsen delar ut stipendier och bidrag.", "Förvaltning av en kulturbyggnad."]),
]
GENERIC = [
    "Arbetsträning och praktik för personer som står långt från arbetsmarknaden.",
    "Verksamheten drivs av medlemmarna och vinsten återinvesteras.",
    "Vi samverkar med kommunen och Arbetsförmedlingen om platser för arbetsträning.",
    "Daglig verksamhet enligt LSS med meningsfulla arbetsuppgifter.",
    "Språkträning och introduktion för nyanlända.",
    "Föreningen är öppen för alla och drivs ideellt.",
    "Verksamheten finansieras med medlemsavgifter och bidrag.",
    "Vi söker fler volontärer och medlemmar.",
]
SENTENCES = [sentence for _n, _c, texts in TRADING + ASSOCIATIONS for sentence in texts] + GENERIC
ACTIVITIES = TRADING + ASSOCIATIONS
SURNAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
            "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg"]
FIRST_NAMES = ["Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Erik", "Lars", "Karl", "Anders",
               "Johan", "Per", "Nils", "Ali", "Fatima", "Amir", "Leila"]
SECTORS = ["Sektor arbetsmarknad och integration", "Sektor omsorg", "Sektor barn och utbildning",
           "Sektor samhällsbyggnad", "Sektor kultur och fritid", "Bostadsbolag", "Energibolag", "Hamnbolag"]
LOCALITIES = ["kungshamn", "smogen", "hunnebostrand", "bovallstrand", "vajern", "malmon", "outside"]
KINDS = [("asf", 15), ("association", 45), ("cooperative", 15), ("foundation", 10), ("other", 15)]
LEGAL_FORMS_BY_KIND = {
    "asf": ["ekonomisk_forening", "aktiebolag_svb", "ekonomisk_forening", "ideell_forening"],
    "association": ["ideell_forening"],
    "cooperative": ["ekonomisk_forening"],
    "foundation": ["stiftelse"],
    "other": ["ideell_forening", "aktiebolag", "other"],
}
FIRST_DIGIT = {"ekonomisk_forening": "7", "aktiebolag": "5", "aktiebolag_svb": "5", "ideell_forening": "8",
               "stiftelse": "8", "other": "9"}
OUTCOMES = ["granted", "partly_granted", "declined"]
AGREEMENT_KINDS = ["overenskommelse", "samarbetsavtal", "iop", "reserved_contract", "placement", "other"]


def organisation_number(index: int, legal_form: str) -> str:
    """Unique per index; digits 3-4 are 20 or more (a legal entity)."""
    nine = f"{FIRST_DIGIT[legal_form]}{(index // 10**6) % 10}2{index % 10**6:06d}"
    return nine + str(luhn_check_digit(nine))


def at(day: date, rng: random.Random) -> datetime:
    """A time during office hours on ``day`` (UTC)."""
    return datetime.combine(day, clock(7 + rng.randrange(9), rng.randrange(60), rng.randrange(60)), tzinfo=UTC)

