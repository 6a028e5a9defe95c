"""Relations between actors from sentences composed in the genres' styles (invented names, real places)."""

from __future__ import annotations

import numpy
import pytest

from pipeline.doc_to_facts import _person_before
from pipeline.facts import ActorType, Mention, RelationType
from pipeline.resolve import fit_relation


def _relations(result) -> set[tuple[str, str, str]]:
    """(type, subject label, object label or position) for every relation of the build."""
    out = set()
    for doc in result.documents:
        for rel in doc.relations:
            obj = result.actors[rel.object].label if rel.object else rel.position
            subj = result.actors[rel.subject].label
            if rel.type in (RelationType.SPOUSE_OF, RelationType.RELATIVE_OF):
                subj, obj = sorted((subj, obj))
            out.add((rel.type.value, subj, obj))
    return out


CASES = [
    # "his wife" after a sentence naming the person the text is about with another: the one it is about
    (
        "The journalist Marek Tarvel founded the Varno Detainees Fund in 2019. On 14 April 2031, agents arrested Tarvel at a café "
        "in Varno together with Ilan Voss, a member of the fund. His wife, Ana Lind, a nurse, was arrested the next "
        "day.",
        {("spouseOf", "Ana Lind", "Marek Tarvel"), ("leaderOf", "Marek Tarvel", "Varno Detainees Fund")},
    ),
    # an outlet in a network of outlets
    (
        "Radyo Lumad Sentral, a community radio station in Varno and a member of the Kessel Press Network (KPN), "
        "was closed on 3 May 2031.",
        {("memberOf", "Radyo Lumad Sentral", "Kessel Press Network")},
    ),
    # employment and leadership in their other phrasings
    (
        "A. whereas Rashid Mansour of the Al-Fajr newspaper and Mei Lin Chow, secretary-general of the Asian Forum "
        "for Free Expression, were arrested on 2 May 2020;",
        {("employeeOf", "Rashid Mansour", "Al-Fajr"), ("leaderOf", "Mei Lin Chow", "Asian Forum for Free Expression")},
    ),
    (
        "A. whereas Fatima Zahra Idrissi, a lawyer of the firm Bennani & Associates, was disbarred in 2019;",
        {("employeeOf", "Fatima Zahra Idrissi", "Bennani & Associates")},
    ),
    (
        "A. whereas Abdul Rahim, who worked as a lawyer at the Haqq law firm in Kabul, was detained in 2021;",
        {("employeeOf", "Abdul Rahim", "Haqq")},
    ),
    # a deputy of a centre is its staff: no membership, no public office
    (
        "A. whereas Elena Marin, deputy director of the Bucharest Press Centre, was fined in 2020;",
        {("employeeOf", "Elena Marin", "Bucharest Press Centre")},
    ),
    (
        "A. whereas Mohamed Salah Eddine, Secretary General of the Tunisian Labour Union, was detained;",
        {("leaderOf", "Mohamed Salah Eddine", "Tunisian Labour Union")},
    ),
    (
        "A. whereas the wife of the detained blogger Kamal Osman, Amina Yusuf, was questioned on 3 May 2021;",
        {("spouseOf", "Amina Yusuf", "Kamal Osman")},
    ),
    ("A. whereas Bishop Joseph Mwangi criticised the law;", {("holdsPosition", "Joseph Mwangi", "Bishop")}),
    # a name before a role that the model alone took for a place is the organisation; a city is not
    (
        "A. whereas Samuel Otieno, the Green Dawn leader, and the Nairobi correspondent Ken Ouma were arrested;",
        {("leaderOf", "Samuel Otieno", "Green Dawn")},
    ),
    # a title before the name says what the person is of the organisation after it
    (
        "A. whereas Director Kim Lee of the Seoul Rights Centre was questioned on 2 May 2021;",
        {("leaderOf", "Kim Lee", "Seoul Rights Centre")},
    ),
    # an office word after a civil organisation's name is a role in it, not a public office
    (
        "A. whereas Bar Association President Ana Ruiz and Open Voice Network Secretary General Agnes Mbeki were "
        "detained on 2 May 2021;",
        {("leaderOf", "Ana Ruiz", "Bar Association"), ("leaderOf", "Agnes Mbeki", "Open Voice Network")},
    ),
    # a role of two organisations listed after it: of each
    (
        "A. whereas Selin Kaya, a member of the Green Youth Union and the Workers Solidarity Network, was detained;",
        {("memberOf", "Selin Kaya", "Green Youth Union"), ("memberOf", "Selin Kaya", "Workers Solidarity Network")},
    ),
    # a person named before, described by age and role: the role's organisation is theirs
    (
        "Police in Lusaka arrested Chanda Mwale on Monday, his wife said.\n\n"
        "The 38-year-old journalist, who covered courts for the independent daily Zambezi Mirror, was taken to "
        "a police station.\n\nOfficers also detained Mutale Banda on Tuesday. The 29-year-old camera operator "
        "for the channel Kafue TV was released on bail.",
        {("employeeOf", "Chanda Mwale", "Zambezi Mirror"), ("employeeOf", "Mutale Banda", "Kafue TV")},
    ),
    # appositions naming a role in an organisation
    (
        "A. whereas Tomas Brandt, a reporter for the independent newspaper Severny Vestnik, was arrested on "
        "3 May 2019;",
        {("employeeOf", "Tomas Brandt", "Severny Vestnik")},
    ),
    (
        "A. whereas Lina Osei, the founder and director of the Open Courts Foundation, was detained on 4 June 2020;",
        {("leaderOf", "Lina Osei", "Open Courts Foundation")},
    ),
    (
        "A. whereas Ales Marin, chair of the Spring Rights Centre and member of the Coalition for Fair Trials, was "
        "detained on 4 May 2020;",
        {("leaderOf", "Ales Marin", "Spring Rights Centre"), ("memberOf", "Ales Marin", "Coalition for Fair Trials")},
    ),
    # "former" is still a relation; an activist belongs to the party
    (
        "A. whereas Ivo Tamm, an activist of the opposition party Green Alliance, and Rein Kask, a former member of "
        "the Liberty Party, were detained in 2019;",
        {("memberOf", "Ivo Tamm", "Green Alliance"), ("memberOf", "Rein Kask", "Liberty Party")},
    ),
    # titles before names
    (
        "A. whereas Prime Minister Arvid Holm met Judge Petra Lund in Oslo on 5 May 2018;",
        {("holdsPosition", "Arvid Holm", "Prime Minister"), ("holdsPosition", "Petra Lund", "Judge")},
    ),
    # kinship: a possessive pronoun, a possessive name, a bare apposition
    (
        "A. whereas the journalist Pavel Novak was sentenced on 2 March 2017; whereas his wife, Irina Novak, was "
        "questioned the next day;",
        {("spouseOf", "Irina Novak", "Pavel Novak")},
    ),
    (
        "A. whereas the blogger Jan Horak was arrested on 2 March 2017; whereas Horak's sister, Eva Dvorakova, was "
        "also detained;",
        {("relativeOf", "Eva Dvorakova", "Jan Horak")},
    ),
    (
        "A. whereas the journalist Ana Petrova was arrested on 2 March 2017; whereas her husband Ivan Sokolov was "
        "beaten;",
        {("spouseOf", "Ana Petrova", "Ivan Sokolov")},
    ),
    # a lawyer at a firm works there; a lawyer and the client are no relation
    (
        "A. whereas Sara Lindqvist, a lawyer at the law firm Berg & Partners, was disbarred in 2019; whereas the "
        "journalist Tomas Varga was arrested; whereas his lawyer, Anna Szabo, appealed;",
        {("employeeOf", "Sara Lindqvist", "Berg & Partners")},
    ),
    # "the paper" points back to the outlet named before; a party's staff are its members
    (
        "A. whereas the authorities closed the independent daily Nordic Voice in 2018; whereas the paper's "
        "editor-in-chief, Erik Sund, was arrested on 1 May 2018;",
        {("leaderOf", "Erik Sund", "Nordic Voice")},
    ),
    (
        "A. whereas Ivo Tamm, an activist of the opposition Democratic Left Party, was detained in 2019; whereas the "
        "party's spokesperson, Mart Laar, was arrested on 4 May 2019;",
        {("memberOf", "Ivo Tamm", "Democratic Left Party"), ("memberOf", "Mart Laar", "Democratic Left Party")},
    ),
    # an office of an international body is a position as worded, and leads the body
    (
        "A. whereas the Secretary General of the Council of Europe, Henrik Solberg, visited Baku on 3 May 2019;",
        {
            ("leaderOf", "Henrik Solberg", "Council of Europe"),
            ("holdsPosition", "Henrik Solberg", "Secretary General of the Council of Europe"),
        },
    ),
    # verbs: led by, joined, elected to; "whose"; an organisation's membership
    (
        "The Citizens' Union, led by Goran Petrovic, is a member of the Balkan Civic Network.",
        {("leaderOf", "Goran Petrovic", "Citizens' Union"), ("memberOf", "Citizens' Union", "Balkan Civic Network")},
    ),
    (
        "Bogdan Ilic was elected to the National Assembly in 2016 and joined the Democratic Left Party in 2018.",
        {("memberOf", "Bogdan Ilic", "National Assembly"), ("memberOf", "Bogdan Ilic", "Democratic Left Party")},
    ),
    (
        "The journalist Nils Eriksen was arrested in Oslo on 4 May 2019, according to the Baltic Media Watch, whose "
        "executive director, Laura Kivi, called the arrest arbitrary.",
        {("leaderOf", "Laura Kivi", "Baltic Media Watch")},
    ),
    # a pronoun stands for the person the text is about, not for the one named as his lawyer
    (
        "The lawyer Henrik Dahl was arrested on 4 May 2019. His lawyer, Ingrid Moe, said he had been beaten.\n\n"
        "His wife, Karin Dahl, said she had not seen him since.",
        {("spouseOf", "Henrik Dahl", "Karin Dahl")},
    ),
    # verbs: co-founding is a membership, marrying a spouse, reporting for an outlet a job (of the name the
    # journalist stands in apposition to)
    (
        "The activist Marta Quiroga was born in Cusco in 1980. In 2010 she co-founded the Coastal Rights Collective, "
        "a small group of lawyers. In 2012 she married Tomás Ibarra, an independent journalist who reported for the "
        "digital outlet Voz del Valle.",
        {
            ("memberOf", "Marta Quiroga", "Coastal Rights Collective"),
            ("spouseOf", "Marta Quiroga", "Tomás Ibarra"),
            ("employeeOf", "Tomás Ibarra", "Voz del Valle"),
        },
    ),
    (
        "The lawyer Daniel Okafor was married to Grace Adeyemi, a nurse.",
        {("spouseOf", "Daniel Okafor", "Grace Adeyemi")},
    ),
    ("She married in 2010 and moved to Lima.", set()),
    ("The agency reported the arrest of Paul Mensah to the United Nations.", set()),
    # "its presenter X" (the possessor parsed as the name's); "the station's sound technician, X"
    (
        "Police closed Radio Kibanda in May. They arrested its presenter Rose Uwase, together with the station's "
        "sound technician, Jean Bizimana.",
        {("employeeOf", "Rose Uwase", "Radio Kibanda"), ("employeeOf", "Jean Bizimana", "Radio Kibanda")},
    ),
    # "X was its editor-in-chief, Y a columnist": Y is staff, no editor-in-chief
    (
        "The newspaper Sabah Yolu was closed in 2016. At the material time Mr Demir was its editor-in-chief, Mr Kaya "
        "a columnist and Ms Yilmaz a court reporter.",
        {("leaderOf", "Demir", "Sabah Yolu"), ("employeeOf", "Kaya", "Sabah Yolu")},
    ),
    (
        "The experts condemned the killing of Ei Mon, 24, a volunteer with the Delta Legal Aid Network.",
        {("memberOf", "Ei Mon", "Delta Legal Aid Network")},
    ),
    # a body's members listed after a colon; the one whose bracketed role is a chair leads it
    (
        "*The experts: Working Group on Enforced Disappearances: Joao Mbeki (Chair-Rapporteur), Irena Vukovic, "
        "Omar Farouk and Li Wei.",
        {
            ("leaderOf", "Joao Mbeki", "Working Group on Enforced Disappearances"),
            ("memberOf", "Irena Vukovic", "Working Group on Enforced Disappearances"),
            ("memberOf", "Omar Farouk", "Working Group on Enforced Disappearances"),
            ("memberOf", "Li Wei", "Working Group on Enforced Disappearances"),
        },
    ),
    ("Amnesty International: John Smith, a researcher, said the trial was unfair.", set()),
    # an office as worded with what qualifies it, not "former"; not a bare "president" of a longer title; a
    # portfolio that does not run on into its holder's name
    (
        "Also on Monday, former municipal deputy Oleg Sidorov was released from a penal colony.",
        {("holdsPosition", "Oleg Sidorov", "municipal deputy")},
    ),
    (
        "A. whereas the court sentenced the party's deputy president, Kem Sothea, in absentia to eight years;",
        {("holdsPosition", "Kem Sothea", "deputy president")},
    ),
    (
        '"We call on the authorities to release him," said Minister of Foreign Affairs Karin Dahl.',
        {("holdsPosition", "Karin Dahl", "Minister of Foreign Affairs")},
    ),
    (
        "State Secretary Lars Berg raised these cases with the authorities during his visit.",
        {("holdsPosition", "Lars Berg", "State Secretary")},
    ),
    # "the group's": the organisation named as a group, not a surname the model took for one
    (
        "The Geneva-based group Voices for Andean Rights on Tuesday called for Quispe's release. The group's Peru "
        "researcher, Lucia Mamani, said the verdict was unjust.",
        {("employeeOf", "Lucia Mamani", "Voices for Andean Rights")},
    ),
    # a plural role after a list of names, however parsed
    (
        "The Constitutional Court delivered its judgment in the application lodged by Serkan Demir, Omer Kaya and "
        "Elif Yurt, three journalists of the daily newspaper Yeni Gun, concerning their detention after the "
        "newspaper was closed.",
        {
            ("employeeOf", "Serkan Demir", "Yeni Gun"),
            ("employeeOf", "Omer Kaya", "Yeni Gun"),
            ("employeeOf", "Elif Yurt", "Yeni Gun"),
        },
    ),
    # who leads it is not also its staff
    (
        "The daily newspaper Yeni Gun employed Serkan Demir, a journalist of Yeni Gun. At the time Mr Demir was its "
        "editor-in-chief.",
        {("leaderOf", "Serkan Demir", "Yeni Gun")},
    ),
    # "X, an organisation chaired by Y" however parsed
    (
        "A. whereas the Ministry of Justice revoked the registration of the Tbilisi Centre for Legal Aid, an "
        "organisation chaired by Nino Beridze, the lawyer who represented Mr Gelashvili;",
        {("leaderOf", "Nino Beridze", "Tbilisi Centre for Legal Aid")},
    ),
    # a colleague's role: in the colleague's organisation
    (
        "A court sentenced the campaigner Yevgenia Sokolova, co-chair of the rights group Pamyat i Pravo, to two "
        "years. Sokolova's fellow co-chair, Boris Lerner, left Russia shortly afterwards.",
        {
            ("leaderOf", "Yevgenia Sokolova", "Pamyat i Pravo"),
            ("leaderOf", "Boris Lerner", "Pamyat i Pravo"),
        },
    ),
    # one article written for a magazine is no job
    (
        "The journalist Anna Berg was fined. The case stemmed from an article she wrote for the online magazine "
        "Nordic Word in which she criticised the war.",
        set(),
    ),
    # an office the vocabulary knows as a body
    (
        "A. whereas on 19 May 2022 the OSCE Representative on Freedom of the Media, Anna Virtanen, visited Baku;",
        {("holdsPosition", "Anna Virtanen", "OSCE Representative on Freedom of the Media")},
    ),
    # a party's candidate is its member; a doctoral candidate is no member of the university
    (
        "Mai Linh, 67, was elected to the National Assembly in 2020 as a candidate of the Golden Valley Democratic "
        "League.",
        {("memberOf", "Mai Linh", "National Assembly"), ("memberOf", "Mai Linh", "Golden Valley Democratic League")},
    ),
    ("Tran Van Minh, a PhD candidate at the Hanoi University of Law, was arrested.", set()),
    # one word the model took for a place before a role is no organisation ("Pamiri" is a people)
    ("A. whereas the court sentenced the Pamiri activist Davron Nazarov to life imprisonment;", set()),
    # the abbreviation in brackets after the organisation is not the member
    (
        "A. whereas Karim Nasser, a 62-year-old academic and a founding member of the Gulf Centre for Civil "
        "Liberties (GCCL), was sentenced to life imprisonment;",
        {("memberOf", "Karim Nasser", "Gulf Centre for Civil Liberties")},
    ),
    (
        "Yolanda Fuentes Ibarra was born in 1975 in Holguín, the daughter of a teacher. She trained as a nurse.\n\n"
        "In 2006 Fuentes co-founded the Eastern Women's Collective, a small group that documented arrests.",
        {("memberOf", "Yolanda Fuentes Ibarra", "Eastern Women's Collective")},
    ),
    # the persons listed after the organisation a plural role is of, however parsed
    (
        "Police detained two journalists of the newspaper Novy Den, Ivan Orlov and Pavel Lisin, on Monday.",
        {("employeeOf", "Ivan Orlov", "Novy Den"), ("employeeOf", "Pavel Lisin", "Novy Den")},
    ),
    # a wire story's credits: the agency of its dateline
    (
        "LIMA, June 4 (Andes Press Agency) – A court sentenced the journalist Rosa Quispe to four years in prison, "
        "her lawyer told Andes Press Agency.\n\n(Reporting by Karel Dvorak; Editing by Jana Mala)",
        {("employeeOf", "Karel Dvorak", "Andes Press Agency"), ("employeeOf", "Jana Mala", "Andes Press Agency")},
    ),
    # one word the model reads as a person's name, or not as a name at all, is the agency in a dateline
    (
        "TUNIS, Jan 22 (Corvex) – A court sentenced the blogger Amel Zitouni to a year in prison, her lawyer told "
        "Corvex.\n\n(Reporting by Nadia Ferhat; Editing by Piet Gruber)",
        {("employeeOf", "Nadia Ferhat", "Corvex"), ("employeeOf", "Piet Gruber", "Corvex")},
    ),
    # a bare occupation is no relation; nor is joining someone in an act, working with someone, a lawyer's
    # client, a relative of someone unnamed, or a name that merely follows a role ("Unlike her brother, X …")
    ("B. whereas the journalist Ola Berg was detained in Minsk on 4 May 2019;", set()),
    ("The Helsinki Foundation joined the Baltic Civic Network in calling for the release of Anna Kovacs.", set()),
    ("Marta Novak worked with Amnesty International on the report.", set()),
    ("The court sentenced Ivan Petrov, a lawyer for the opposition newspaper Novaya Pravda, to two years.", set()),
    ("Anna Kovacs, the daughter of a former minister, was arrested on 3 May 2019.", set()),
    ("Unlike her brother, Ivan Petrov remained in Belarus after the election.", set()),
    # staff of a state body work for it; only an office there ("spokesperson", any head) is a position
    (
        "Ivan Petrov, head of the legal department of the Ministry of Justice, was dismissed.",
        {("employeeOf", "Ivan Petrov", "Ministry of Justice")},
    ),
    ("Olga Ruda, who worked for the BBC for ten years, was detained.", {("employeeOf", "Olga Ruda", "BBC")}),
    # royal titles are offices before a name; a name with a particle stays whole
    (
        "Crown Prince Khalid bin Faisal received Mayor Lucía Fernández de la Vega in Riyadh.",
        {
            ("holdsPosition", "Khalid bin Faisal", "Crown Prince"),
            ("holdsPosition", "Lucía Fernández de la Vega", "Mayor"),
        },
    ),
    # a small city the model reads as a person is a place after "in": no one's spouse
    (
        "Neo Kgosi was born in 1970 in Lobatse and studied law. Her husband, Tumelo Kgosi, a teacher, was "
        "arrested in Zomba in 2009.",
        {("spouseOf", "Neo Kgosi", "Tumelo Kgosi")},
    ),
    # "the editor" of a publication leads it, unless the document names another head; "an editor" is staff
    (
        "Tomas Brandt, the editor of the weekly magazine Nova Pravda, was fined. Rustam Aliev, an editor at the "
        "daily Yangi Kun, was questioned.",
        {("leaderOf", "Tomas Brandt", "Nova Pravda"), ("employeeOf", "Rustam Aliev", "Yangi Kun")},
    ),
    (
        "Lucía Mendoza, 34, is the director of the digital news outlet Voz Libre, which reported on the arrests. "
        "She was arrested in Managua on 2 August 2024, together with the outlet's editor, Pedro Soto.",
        {("leaderOf", "Lucía Mendoza", "Voz Libre"), ("employeeOf", "Pedro Soto", "Voz Libre")},
    ),
    # "X, editor of Y" (in apposition, no article): the one editor, as news writes a head; "an editor of" is staff
    (
        "Police arrested Halvard Brenik, editor of the local news website Korvel Press, on 2 April 2018. Tamsin "
        "Vessa, an editor of the weekly Lumeria Today, was detained.",
        {("leaderOf", "Halvard Brenik", "Korvel Press"), ("employeeOf", "Tamsin Vessa", "Lumeria Today")},
    ),
    # an office a pronoun or an organisation possesses is a role in it, no public office
    (
        "The Andean Association for Press Freedom and Justice called for his release. Its president, Rosa "
        "Quispe, told reporters that the verdict was unjust.",
        {("leaderOf", "Rosa Quispe", "Andean Association for Press Freedom and Justice")},
    ),
    # a patronymic ends the name: the relations are the whole name's
    (
        "B. whereas Aygun Tahir gizi, an investigative reporter for Xazar Xeber, was arrested on 30 November 2023; "
        "whereas her husband, the photographer Elnur Samadov, has been barred from leaving the country;",
        {("employeeOf", "Aygun Tahir gizi", "Xazar Xeber"), ("spouseOf", "Aygun Tahir gizi", "Elnur Samadov")},
    ),
    # a forum named for its mandate ("for Dialogue and Reform") keeps the words of the mandate
    (
        "Since 2019 Zodwa Mabuza has chaired the Lowveld Forum for Dialogue and Reform, a platform of churches.",
        {("leaderOf", "Zodwa Mabuza", "Lowveld Forum for Dialogue and Reform")},
    ),
    # a seat: "sat in" a legislature
    (
        "C. whereas Mr Sovan’s wife, Chea Dara, who sat in the National Assembly until 2017, was arrested;",
        {("spouseOf", "Chea Dara", "Sovan"), ("memberOf", "Chea Dara", "National Assembly")},
    ),
    # an office of a place ("mayor of X") is held whatever the place is
    (
        "Now 71, Karim Uddin was once at the centre of power. He served as mayor of Kitwe from 1994 to 1999.",
        {("holdsPosition", "Karim Uddin", "mayor of Kitwe")},
    ),
    # a parliament named in its own language is a body one is elected to; "its" after "the party's" is the party's
    (
        "Daler Rahimov joined the Green Valley Party in 2001. He was elected to the Majlisi Kalon, the lower house of "
        "parliament, in 2005. In 2010 he became the party's deputy leader under its chairman, Firuz Nazarov.",
        {
            ("memberOf", "Daler Rahimov", "Green Valley Party"),
            ("memberOf", "Daler Rahimov", "Majlisi Kalon"),
            ("holdsPosition", "Daler Rahimov", "deputy leader"),
            ("leaderOf", "Firuz Nazarov", "Green Valley Party"),
        },
    ),
    # a member of parliament holds a seat in the parliament the document names; without one, the office as worded
    (
        "The Narodna Skupstina, the national parliament, passed the law in May. Two weeks later, a ruling-party "
        "member of parliament, Karim Uddin, filed a case against the editor.",
        {("memberOf", "Karim Uddin", "Narodna Skupstina")},
    ),
    (
        "Two weeks later, a ruling-party member of parliament, Karim Uddin, filed a case against the editor.",
        {("holdsPosition", "Karim Uddin", "member of parliament")},
    ),
    # a regional body by its acronym; the object of each coordinated preposition
    (
        "Vireland, a founding member of ECOWAS, has been suspended from its bodies.",
        {("memberOf", "Vireland", "ECOWAS")},
    ),
    (
        "Norvania is a member of the Council of Europe and of the Organization of American States.",
        {
            ("memberOf", "Norvania", "Council of Europe"),
            ("memberOf", "Norvania", "Organization of American States"),
        },
    ),
    # a body's name the model cut at the "for" of its mandate is one name
    (
        "Rosa Tuyuc, the president of the Council of Tarn Villages for the Defence of the Forest, was arrested on 2 "
        "May 2024.",
        {("leaderOf", "Rosa Tuyuc", "Council of Tarn Villages for the Defence of the Forest")},
    ),
    # the couple's son is each spouse's relative
    (
        "A family in Kitwe\n\nNow 71, Karim Uddin was once at the centre of power. He served as mayor of Kitwe from "
        "1994 to 1999.\n\nHis wife, Rana Uddin, a former teacher, took over his seat in 2009.\n\nThe couple's son, "
        "Tariq Uddin, was arrested in Kitwe on 4 August 2018.",
        {
            ("holdsPosition", "Karim Uddin", "mayor of Kitwe"),
            ("spouseOf", "Karim Uddin", "Rana Uddin"),
            ("relativeOf", "Karim Uddin", "Tariq Uddin"),
            ("relativeOf", "Rana Uddin", "Tariq Uddin"),
        },
    ),
    # an office held "as" it, in the second of two coordinated "as" phrases too
    (
        "A family in Kitwe\n\nNow 71, Karim Uddin was once at the centre of power. He served as mayor of Kitwe from "
        "1994 to 1999 and as Minister of Trade from 2001 to 2006.",
        {("holdsPosition", "Karim Uddin", "mayor of Kitwe"), ("holdsPosition", "Karim Uddin", "Minister of Trade")},
    ),
    # "the party" is the "Movement for …" named before, though its words make it a civil body
    (
        "Opposition figure jailed\n\nThe court convicted Omar Haddad, secretary-general of the Movement for Freedom "
        "and Social Justice, on Friday.\n\nHis younger brother, Nabil Haddad, a member of the party's executive "
        "bureau, was sentenced in absentia in June 2023.",
        {
            ("leaderOf", "Omar Haddad", "Movement for Freedom and Social Justice"),
            ("memberOf", "Nabil Haddad", "Movement for Freedom and Social Justice"),
            ("relativeOf", "Nabil Haddad", "Omar Haddad"),
        },
    ),
    # "deputy" before another noun is no seat in parliament
    (
        "Abebe Girma, deputy editor of the Addis Standard, was released.",
        {("employeeOf", "Abebe Girma", "Addis Standard")},
    ),
    # the parser takes "opposition" for the object of "of"; a role verb in a clause on the noun said of X
    (
        "Levon Dadian, the chairman of the opposition Civic Dawn Party, was arrested. Tomas Berg is a journalist "
        "who writes for the newspaper Nor Lur.",
        {("leaderOf", "Levon Dadian", "Civic Dawn Party"), ("employeeOf", "Tomas Berg", "Nor Lur")},
    ),
    # a one-word name the model took for an organisation, with the first name the parse joins to it
    ("Ana Vell is a reporter for the daily Orsk Vestnik.", {("employeeOf", "Ana Vell", "Orsk Vestnik")}),
    # coordinated roles, coordinated names: each role its name, whichever comes first
    (
        "Ivo Lind's son and daughter, Tomas Lind and Ines Lind, appealed for his release.",
        {("relativeOf", "Ivo Lind", "Tomas Lind"), ("relativeOf", "Ines Lind", "Ivo Lind")},
    ),
    (
        "Tomas Lind and Ines Lind, the son and daughter of Ivo Lind, appealed for his release.",
        {("relativeOf", "Ivo Lind", "Tomas Lind"), ("relativeOf", "Ines Lind", "Ivo Lind")},
    ),
    # a kind in capitals before a name is no part of it, unless the name goes on with what it deals with
    (
        "Ana Vell, a researcher for the Berlin-based NGO Orsk Civic Monitor, was charged. The NGO Relations Office "
        "revoked the registration of the Centre for Legal Aid.",
        {("employeeOf", "Ana Vell", "Orsk Civic Monitor")},
    ),
    # offices held, told in a clause on the name, with or without "as"
    (
        "Her brother, Oleg Marov, who served as Deputy Prime Minister from 1992 to 1994, was arrested. "
        "Ivo Lind, who had been appointed Deputy Prime Minister in 2019, requested it.",
        {
            ("holdsPosition", "Oleg Marov", "Deputy Prime Minister"),
            ("holdsPosition", "Ivo Lind", "Deputy Prime Minister"),
        },
    ),
    # the parties of a case, ranked as the list that introduces them
    (
        "The applicants are Tomas Berg, Marta Berg and Ivo Lind, who live in Orsk.\n\nThe first applicant is the "
        "chairman of the Civic Dawn Party. The third applicant is a member of the Free Voices Centre.",
        {("leaderOf", "Tomas Berg", "Civic Dawn Party"), ("memberOf", "Ivo Lind", "Free Voices Centre")},
    ),
    # "his" after a ranked party of the case: the one the sentence before speaks of, not the last name listed
    # (nor the one the pronoun's phrase is in apposition to)
    (
        "The applicants are Halvard Brenik, Orsolya Brenik and Tamsin Quillon, who live in Kelmar.\n\n"
        "The first applicant is a farmer. The second applicant, his wife, is a teacher.",
        {("spouseOf", "Halvard Brenik", "Orsolya Brenik")},
    ),
    # a possessive in the sentence that names the subject before it: the subject's
    (
        "The journalist Perrin Vessa was arrested in Kelmar on 2 May 2031. The applicant was represented by "
        "Ysolde Quillon, a lawyer, and by his wife, Tamsin Vessa.",
        {("spouseOf", "Perrin Vessa", "Tamsin Vessa")},
    ),
    # a profession at a body, an organiser of a party
    (
        "Her husband, Tamsin Vessa, a surgeon at the Kelmar General Hospital, was arrested on 2 May 2031. Her "
        "brother, Ysolde Quillon, a Civic Dawn Party organiser in Varno, was arrested on 3 May 2031.",
        {("employeeOf", "Tamsin Vessa", "Kelmar General Hospital"), ("memberOf", "Ysolde Quillon", "Civic Dawn Party")},
    ),
    # "opposition figure" describes, it names no office
    (
        "On 14 May 2031, Orsolya Brenik, the sister of the exiled opposition figure Halvard Brenik, was detained "
        "in Kelmar.",
        {("relativeOf", "Halvard Brenik", "Orsolya Brenik")},
    ),
    # "the network's director … and its finance officer": the body named so, not the one named since
    (
        "On 12 August 2031 the Kelmar Civic Network was listed by the Vessan Security Council, after which the "
        "Kelmar Revenue Council froze its accounts. On 19 September 2031 prosecutors charged the network's "
        "executive director, Perrin Vessa, and its finance officer, Ysolde Quillon.",
        {
            ("leaderOf", "Perrin Vessa", "Kelmar Civic Network"),
            ("employeeOf", "Ysolde Quillon", "Kelmar Civic Network"),
        },
    ),
    # "A, B and her brother, C": the possessive of a list's item is the name listed before it
    (
        "Tamsin Vessa, Ysolde Brenik and her brother, Halvard Brenik, were arrested by officers of Kelmar "
        "Police on 2 May 2031.",
        {("relativeOf", "Halvard Brenik", "Ysolde Brenik")},
    ),
    # the head of a field of a party is one of its members, not its leader
    (
        "Perrin Vessa, the Kelmar Freedom Party's head of security, was arrested in Varno on 2 May 2031.",
        {("memberOf", "Perrin Vessa", "Kelmar Freedom Party")},
    ),
    # a kin noun possessed by a descriptor: the person the descriptor stands for
    (
        "The journalist Perrin Vessa was arrested in Kelmar on 2 May 2031. The journalist's wife, Tamsin Quillor, "
        "said the family had received threats.",
        {("spouseOf", "Perrin Vessa", "Tamsin Quillor")},
    ),
    # a byline: the author works for the publisher it names
    (
        "Letters from Korvel\n\nBy Ysolde Brenik, The Korvel Quarterly\n21 October 2024\n\n"
        "Perrin Vessa was arrested on 3 May 2024.",
        {("employeeOf", "Ysolde Brenik", "Korvel Quarterly")},
    ),
    # two roles each with its article: the second one's object is not the first one's
    (
        "Perrin Vessa, a retired professor and a founding member of the opposition society Korvel National Society, "
        "was arrested at his home.",
        {("memberOf", "Perrin Vessa", "Korvel National Society")},
    ),
    # a list's entries: a name, a dash, the role and its outlet
    (
        "Ysolde Brenik – reporter, Korvel Valley News. Arrested on 21 September 2023 in Lashio.\n\n"
        "Halvard Brenik – correspondent for the exile news service Tamsk Sesi. Arrested in Ashgabat on 8 July 2023.",
        {("employeeOf", "Ysolde Brenik", "Korvel Valley News"), ("employeeOf", "Halvard Brenik", "Tamsk Sesi")},
    ),
    # a possessive opening a recital: the person of the recitals before it
    (
        "A. whereas the journalist Perrin Vessa has been held in Kelmar since 2 May 2031;\n\n"
        "B. whereas his daughter, Ysolde Vessa, stated that he had lost weight;",
        {("relativeOf", "Perrin Vessa", "Ysolde Vessa")},
    ),
    # a press release's contact card: a name, its office on the next line, telephone numbers
    (
        "Lumeria: Statement on the sentencing of Tamsin Vessa\n\n07.08.2025\n\n"
        "The EU calls for the release of Tamsin Vessa.\n\nFor further information:\n\n"
        "Ysolde Brenik-Varno\nLead Spokesperson for Foreign Affairs and Security Policy\n+32 (0)2 29 86570\n\n"
        "Halvard Kelmar\nPress Officer for Foreign Affairs and Security Policy\n+32 (0)2 29 53183\n",
        {
            ("holdsPosition", "Halvard Kelmar", "Press Officer for Foreign Affairs and Security Policy"),
            ("holdsPosition", "Ysolde Brenik-Varno", "Lead Spokesperson for Foreign Affairs and Security Policy"),
        },
    ),
    # a briefing's header: the speaker's office before the name it labels (not the office it serves)
    (
        "Press briefing notes on Lumeria\n\n14 February 2025\n\n"
        "Spokesperson for the UN High Commissioner for Human Rights: Ysolde Brenik\nLocation: Geneva\n"
        "Date: 14 February 2025\nSubject: Lumeria\n\nWe urge the authorities to release Tamsin Vessa.\n",
        {("holdsPosition", "Ysolde Brenik", "Spokesperson for the UN High Commissioner for Human Rights")},
    ),
    # a joint motion's front matter: the members tabling it for their groups (the lines run together by cleanup)
    (
        "JOINT MOTION FOR A RESOLUTION\n\non the case of Tamsin Vessa in Lumeria\n(2031/2811(RSP))\n\n"
        "Halvard Brenik, Jorrit van der Kelmar\non behalf of the PPE Group\nYsolde Quillon-Varno\n"
        "on behalf of The Left Group\n\nThe European Parliament,\n\n"
        "A. whereas Tamsin Vessa was arrested;\n\n1. Calls for the release of Tamsin Vessa;",
        {
            ("memberOf", "Halvard Brenik", "PPE Group"),
            ("memberOf", "Jorrit van der Kelmar", "PPE Group"),
            ("memberOf", "Ysolde Quillon-Varno", "The Left Group"),
        },
    ),
    # a portfolio in lower case before "minister" is an office; "former" between a name's comma and its office
    (
        "Former transport minister Halvard Brenik was arrested on 3 May 2031. Tamsin Vessa, a former interior "
        "minister, was arrested the next day.",
        {
            ("holdsPosition", "Halvard Brenik", "transport minister"),
            ("holdsPosition", "Tamsin Vessa", "interior minister"),
        },
    ),
    # a role's organisation after "to" or "from", where it is a named outlet, party or NGO (not a town)
    (
        "Halvard Brenik, a freelance contributor to the Korvel Times, was arrested on 3 May 2031. Tamsin Vessa, an "
        "opposition MP from the Korvel Democratic Party, and Perrin Quillon, a lawyer from Varno, were arrested too.",
        {
            ("employeeOf", "Halvard Brenik", "Korvel Times"),
            ("memberOf", "Tamsin Vessa", "Korvel Democratic Party"),
        },
    ),
    # the "of" right after a coordinated role word is its own, wherever the parser hung it
    (
        "A. whereas Halvard Brenik, a prominent human rights defender and chair of the Korvel Helsinki Committee, "
        "was detained on 4 October 2030;",
        {("leaderOf", "Halvard Brenik", "Korvel Helsinki Committee")},
    ),
    # a government's spokesperson holds a public office (a spokesperson of no one named is a generic role)
    (
        "Government spokesman Halvard Brenik dismissed the criticism on 3 May 2031. Tamsin Vessa, a government "
        "spokeswoman, agreed.",
        {
            ("holdsPosition", "Halvard Brenik", "Government spokesman"),
            ("holdsPosition", "Tamsin Vessa", "government spokeswoman"),
        },
    ),
    # "married for 38 years to the physicist Y"; a barrister at chambers works there
    (
        "Tamsin Vessa is a human rights defender. Vessa was married for 38 years to the physicist Halvard "
        "Brenik. Her lawyer, Orsolya Quillon, a London-based barrister at Korvel Lane Chambers, spoke.",
        {
            ("spouseOf", "Halvard Brenik", "Tamsin Vessa"),  # (a symmetric relation: names in order)
            ("employeeOf", "Orsolya Quillon", "Korvel Lane Chambers"),
        },
    ),
    # "She is married to Y": the pronoun's person
    (
        "Anna Petrova is a lawyer in Korvel. She is married to Ivan Petrov, a reporter for the daily Korvel Times.",
        {("spouseOf", "Anna Petrova", "Ivan Petrov"), ("employeeOf", "Ivan Petrov", "Korvel Times")},
    ),
    # a prosecutor general, deputy or not, holds an office: the title is no part of the name
    (
        "Deputy Prosecutor General Halvard Brenik said on 3 May 2031 that the journalists had broken the law. "
        "The chief prosecutor, Orsolya Quillon, agreed.",
        {
            ("holdsPosition", "Halvard Brenik", "Deputy Prosecutor General"),
            ("holdsPosition", "Orsolya Quillon", "chief prosecutor"),
        },
    ),
    # "its" after the sentence naming it: that sentence's topic, a civil body before the state's that acted on it
    (
        "Radio Lumeria, a station that rebroadcast speeches of the Korvel Democratic Party, went off the air in "
        "2031 after the Ministry of Information revoked its licence. Its director, Halvard Brenik, left the country.",
        {("leaderOf", "Halvard Brenik", "Radio Lumeria")},
    ),
    # the head of a part of a body (its office, desk) works for the body that possesses the part or that the
    # part is "of"; the word before the part names where it is
    (
        'The Korvel Rights Observatory published its report on 3 May 2031. "It is a disgrace," said Halvard '
        "Brenik, director of the Observatory's Varno office. Tamsin Vessa, head of the Varno desk of the Lumeria "
        "Press Union, agreed.",
        {
            ("employeeOf", "Halvard Brenik", "Korvel Rights Observatory"),
            ("employeeOf", "Tamsin Vessa", "Lumeria Press Union"),
        },
    ),
    # a monitor or a fieldworker works for the organisation, wherever the parser hung its "for"
    (
        "Perrin Vessa has worked since 2011 as a monitor in Korvel province for LURIL, an organisation that "
        "visits prisons. Ysolde Brenik, an aid worker for the Lumeria Rights League, was detained on 3 May 2031.",
        {("employeeOf", "Perrin Vessa", "LURIL"), ("employeeOf", "Ysolde Brenik", "Lumeria Rights League")},
    ),
    # a deputy of a body's head is one of its members (a party's deputy leader holds an office too)
    (
        "Tamsin Vessa, the deputy chair of the Korvel Human Rights Network, was detained on 3 May 2031.",
        {("memberOf", "Tamsin Vessa", "Korvel Human Rights Network")},
    ),
    # a human rights group's lawyers are its staff; a newspaper's lawyer is its counsel, no relation
    (
        "Tamsin Vessa, a lawyer of the Korvel Rights Centre, was detained on 3 May 2031. Halvard Brenik, the lawyer "
        "of the newspaper Korvel Times, was questioned.",
        {("employeeOf", "Tamsin Vessa", "Korvel Rights Centre")},
    ),
    # a relative clause on a noun in apposition to a person is that person's
    (
        "Among the accused was Halvard Brenik, a Catholic priest who chaired the Korvel Human Rights Alliance, "
        "on 3 May 2031.",
        {("leaderOf", "Halvard Brenik", "Korvel Human Rights Alliance")},
    ),
    # the head of a body whose name ends with "Office" leads it (not a part of the body the name's first words name)
    (
        "Among them was Halvard Brenik, the former head of the Human Rights Prosecutor's Office, who left Korvel on "
        "3 May 2031.",
        {
            ("leaderOf", "Halvard Brenik", "Human Rights Prosecutor's Office"),
            ("holdsPosition", "Halvard Brenik", "head of the Human Rights Prosecutor's Office"),
        },
    ),
    # a deputy written as one word ("vice-president") is one of a body's members; a lawyer beside it no staff
    (
        "Halvard Brenik, a lawyer and vice-president of the Korvel Association for the Defence of Human Rights, was "
        "arrested on 3 May 2031.",
        {("memberOf", "Halvard Brenik", "Korvel Association for the Defence of Human Rights")},
    ),
    # a role the tagger read as an adjective before its holder's name ("the party's secretary-general X")
    (
        "The Korvel Democratic Party (KDP) was dissolved on 3 May 2031. Two other KDP officials, the party's "
        "secretary-general Halvard Brenik and its youth leader Tamsin Vessa, were arrested on 3 July 2031.",
        {
            ("leaderOf", "Halvard Brenik", "Korvel Democratic Party"),
            ("memberOf", "Tamsin Vessa", "Korvel Democratic Party"),
        },
    ),
    # "his wife, Y": of the people "his" may be, the one whose surname she shares
    (
        "NAIROBI, Nov 14 (Meridian) - A court on Thursday sentenced Halvard Brenik, the head of an election "
        "monitoring group, to eight years in prison.\n\nThe same court jailed his deputy, Tamsin Vessa, for five "
        "years and the group's accountant, Perrin Quillon, for 30 months.\n\nHe was detained in early August. "
        'Vessa was arrested a week later; Quillon was held under house arrest until the verdict.\n\n"They '
        'punished him for counting votes," his wife, Ysolde Brenik, told Meridian on Friday.',
        {("spouseOf", "Halvard Brenik", "Ysolde Brenik")},
    ),
    # a seat on a body's board or bureau is a membership of the body
    (
        "The lawyer and activist Ysolde Brenik, who sits on the executive bureau of the Korvel League for "
        "Citizenship, was sentenced on 3 May 2031 to 12 years.",
        {("memberOf", "Ysolde Brenik", "Korvel League for Citizenship")},
    ),
    # "X's media officer, the journalist and blogger Y" parsed as "journalist and Y": Y holds the office
    (
        "The court upheld a three-year sentence handed on 3 May 2031 to the Korvel Dignity Party's media officer, "
        "the journalist and blogger Halvard Brenik, for spreading false news.",
        {("memberOf", "Halvard Brenik", "Korvel Dignity Party")},
    ),
    # an office's title before its holder's name, no comma between, the name read by no model
    (
        "A. whereas on 27 May 2031, in an interview, Minister of Information Halvard Brenik declared that the "
        "journalists will never be tried; whereas the Supreme Court, acting on a complaint filed by Minister of the "
        "Interior Perrin Quillon, dissolved the party;",
        {
            ("holdsPosition", "Halvard Brenik", "Minister of Information"),
            ("holdsPosition", "Perrin Quillon", "Minister of the Interior"),
        },
    ),
    # "the director of the station, X, and two of its journalists" with X parsed as coordinated with the role
    (
        "A. whereas on 19 February 2031 police raided Radio Selam Korvel and arrested its staff, among them the "
        "director of the station, Halvard Brenik, and two of its journalists, Tamsin Vessa and Perrin Quillon;",
        {
            ("leaderOf", "Halvard Brenik", "Radio Selam Korvel"),
            ("employeeOf", "Tamsin Vessa", "Radio Selam Korvel"),
            ("employeeOf", "Perrin Quillon", "Radio Selam Korvel"),
        },
    ),
    # "its" after sentences about "the organisation": the organisation, not the body named last
    (
        "In 2004 Tamsin Vessa co-founded the Korvel Rights Centre with the lawyer Halvard Brenik. The organisation "
        "published figures on killings attributed to the police and the Rapid Action Battalion (RAB). She became its "
        "executive director in 2009; Brenik has served as its director of programmes.",
        {
            ("leaderOf", "Tamsin Vessa", "Korvel Rights Centre"),
            ("employeeOf", "Halvard Brenik", "Korvel Rights Centre"),
        },
    ),
    # "the station's": the outlet the text called a station, not the newspaper named since
    (
        "The applicants are Halvard Brenik, the managing director of the private radio station Korvel Voice FM; "
        "Tamsin Vessa, a correspondent who also wrote for the newspaper The Varno Observer; and Perrin Quillon, "
        "the station's technician.",
        {
            ("leaderOf", "Halvard Brenik", "Korvel Voice FM"),
            ("employeeOf", "Tamsin Vessa", "Varno Observer"),
            ("employeeOf", "Perrin Quillon", "Korvel Voice FM"),
        },
    ),
    # ... and so where the group's name stands beside the noun ("the human rights group Z")
    (
        "On 3 May 2031 police arrested two lawyers of the human rights group Kvorum, Halvard Brenik and Perrin Vessa.",
        {("employeeOf", "Halvard Brenik", "Kvorum"), ("employeeOf", "Perrin Vessa", "Kvorum")},
    ),
    # a group's representative and its staff members work for it
    (
        'The Lumeria Press Watch condemned the verdict of 3 May 2031. "Korvel is now one of the worst jailers," '
        "said Halvard Brenik, the group's Southeast Asia representative.",
        {("employeeOf", "Halvard Brenik", "Lumeria Press Watch")},
    ),
    # a title or a rank between an office and its holder's name is no part of the name
    (
        "His family wrote to the Minister of Justice, Dr Halvard Brenik, on 3 May 2031 and to the Minister of "
        "Interior, Major General Tamsin Vessa, but received no reply.",
        {
            ("holdsPosition", "Halvard Brenik", "Minister of Justice"),
            ("holdsPosition", "Tamsin Vessa", "Minister of Interior"),
        },
    ),
    # a UN mandate worded in lower case, its holder named after it
    (
        "On 20 April 2031, the UN Special Rapporteur on the situation of human rights in Lumeria, Kristiina Vessa, "
        "called the sentence a travesty. The Special Rapporteur on extrajudicial, summary or arbitrary executions, "
        "Halvard Brenik, agreed.",
        {
            ("holdsPosition", "Kristiina Vessa", "UN Special Rapporteur on the situation of human rights in Lumeria"),
            ("holdsPosition", "Halvard Brenik", "Special Rapporteur on extrajudicial, summary or arbitrary executions"),
        },
    ),
    # a minister named "Secretary for …", a "Chief Executive" (capitalised: not a committee's secretary)
    (
        "A. whereas on 4 January 2031 the outlet closed after the Secretary for Security, Halvard Brenik, ordered the "
        "freezing of its assets; whereas Chief Executive Tamsin Vessa described it as a tool of foreign forces; "
        "whereas Perrin Quillon, a secretary for the Korvel Rights Committee, was detained;",
        {
            ("holdsPosition", "Halvard Brenik", "Secretary for Security"),
            ("holdsPosition", "Tamsin Vessa", "Chief Executive"),
            ("employeeOf", "Perrin Quillon", "Korvel Rights Committee"),
        },
    ),
    # a body the text said what it is of ("the outlet Kvorum") is known by its name alone in a later part
    (
        "C. whereas Tamsin Vessa, a journalist with the independent outlet Kvorum who left Korvel in 2022, was "
        "charged on 8 December 2023;\n\nD. whereas the editor-in-chief of Kvorum, Halvard Brenik, had been "
        "designated a foreign agent in 2022;",
        {("employeeOf", "Tamsin Vessa", "Kvorum"), ("leaderOf", "Halvard Brenik", "Kvorum")},
    ),
    # a person who holds or wins a seat on or in a body is its member (a party holding seats is no member)
    (
        "Brenik's wife, Tamsin Vessa, is a community leader who holds a seat on the Regional Council of the North "
        "Coast. Halvard Brenik won a seat in the Korvel National Assembly in 2019. The Korvel Democratic Party "
        "holds two seats in the Korvel National Assembly.",
        {
            ("spouseOf", "Halvard Brenik", "Tamsin Vessa"),
            ("memberOf", "Tamsin Vessa", "Regional Council of the North Coast"),
            ("memberOf", "Halvard Brenik", "Korvel National Assembly"),
            ("holdsPosition", "Tamsin Vessa", "community leader"),
        },
    ),
    # "of which Y is a member": the body the relative clause is on
    (
        "Between 2012 and 2016 Tamsin Vessa was a member of the Korvel Human Rights Network, of which the Zorya "
        "Foundation is a member.",
        {
            ("memberOf", "Tamsin Vessa", "Korvel Human Rights Network"),
            ("memberOf", "Zorya Foundation", "Korvel Human Rights Network"),
        },
    ),
    # the names after a plural role and its comma, parsed as its coordination; "staff members" are staff
    (
        "The Korvel Rights Centre was closed in 2020. Two of the group's former staff members, Halvard Brenik and "
        "Tamsin Vessa, were arrested in Varno on July 30, 2022.",
        {
            ("employeeOf", "Halvard Brenik", "Korvel Rights Centre"),
            ("employeeOf", "Tamsin Vessa", "Korvel Rights Centre"),
        },
    ),
    # the party named in apposition to "party" after the role, the parser hanging it on the person
    (
        "Orsolya Quillon, the leader of the main opposition party, the Lumeria Freedom Party (LFP), was arrested on "
        "3 May 2031.",
        {("leaderOf", "Orsolya Quillon", "Lumeria Freedom Party")},
    ),
    # "is married to" a name the model read as a place; "Their daughter": a relative of the couple told just before
    (
        "Halvard Brenik was arrested in 2031. Brenik is married to Ysolde Varnik, a paediatrician. On 12 September "
        "2031 she held a one-person picket outside the court building in Astana.\n\nTheir daughter, Tamsin Brenik, a "
        "student in Prague, spoke at a hearing in Brussels.",
        {
            ("spouseOf", "Halvard Brenik", "Ysolde Varnik"),
            ("relativeOf", "Halvard Brenik", "Tamsin Brenik"),
            ("relativeOf", "Tamsin Brenik", "Ysolde Varnik"),
        },
    ),
    # "their" of no marriage told: no one's relative; "their lawyer" no relation at all
    (
        "Halvard Brenik and Perrin Vessa were arrested in Astana in 2031. Their lawyer, Tamsin Brenik, and their "
        "daughter, Ysolde Vessa, spoke at a hearing in Brussels.",
        set(),
    ),
    # a party's deputy named before the name with the party's acronym: a member, the office without the acronym
    (
        "The Lumeria Democratic Party (LDP) was dissolved in 2030. On 19 June 2031 the Astana City Court sentenced "
        "LDP vice-president Tamsin Vessa to seven years in prison.",
        {("memberOf", "Tamsin Vessa", "Lumeria Democratic Party"), ("holdsPosition", "Tamsin Vessa", "vice-president")},
    ),
    # a UN press release's list of experts: each body's members, its chair its leader, a vice-chair a member with
    # the role as worded (as a deputy's elsewhere); "Mr", "Ms" before names the model did not read in a list
    (
        "The experts said the arrests were arbitrary.\n\n*The experts: Working Group on Arbitrary Detention: Ms "
        "Orsolya Quillon (Chair-Rapporteur), Mr Halvard Brenik (Vice-Chair on Communications), Ms Tamsin Vessa and "
        "Mr Perrin Vessa; Working Group on Enforced or Involuntary Disappearances: Mr Marek Tarvel "
        "(Chair-Rapporteur), Ms Ana Lind and Mr Ilan Voss.",
        {
            ("leaderOf", "Orsolya Quillon", "Working Group on Arbitrary Detention"),
            ("memberOf", "Halvard Brenik", "Working Group on Arbitrary Detention"),
            ("holdsPosition", "Halvard Brenik", "Vice-Chair on Communications"),
            ("memberOf", "Tamsin Vessa", "Working Group on Arbitrary Detention"),
            ("memberOf", "Perrin Vessa", "Working Group on Arbitrary Detention"),
            ("leaderOf", "Marek Tarvel", "Working Group on Enforced or Involuntary Disappearances"),
            ("memberOf", "Ana Lind", "Working Group on Enforced or Involuntary Disappearances"),
            ("memberOf", "Ilan Voss", "Working Group on Enforced or Involuntary Disappearances"),
        },
    ),
    # the name after "her husband," and a description in lower case, the parser hanging both on the verb
    (
        "F. whereas Rosa Vessa was arrested at her home in León on 2 June 2031; whereas the authorities have "
        "refused to provide any information on her whereabouts to her husband, the agronomist Julio Brenik "
        "Bonilla, in disregard of the precautionary measures;",
        {("spouseOf", "Julio Brenik Bonilla", "Rosa Vessa")},
    ),
    # "whose" right after a name, the clause parsed as the verb's complement, not as a clause on the name
    (
        "G. whereas on 9 August 2031 the Communications Commission revoked the broadcasting licence of the "
        "regional television channel Korvel Adjara TV, whose director, Halvard Brenik, is the brother of Tamsin "
        "Brenik, for 'repeated violations of the rules on political advertising';",
        {("leaderOf", "Halvard Brenik", "Korvel Adjara TV"), ("relativeOf", "Halvard Brenik", "Tamsin Brenik")},
    ),
    # "joint" before a two-word role: a deputy, as the golds count one
    (
        "Halvard Brenik is the editor of the daily Korvel Post and a joint secretary general of the opposition "
        "Lumeria Democratic Party (LDP).",
        {
            ("leaderOf", "Halvard Brenik", "Korvel Post"),
            ("memberOf", "Halvard Brenik", "Lumeria Democratic Party"),
            ("holdsPosition", "Halvard Brenik", "joint secretary general"),
        },
    ),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:48] for c in CASES])
def test_relations_of_composed_sentences(build_text, text, expected):
    name = "ep-2099-test" if text.startswith(("A.", "B.")) else "news-2099-test"
    assert _relations(build_text(text, name=name)) == expected


def test_every_relation_keeps_its_sentence_and_confidence(build_text):
    r = build_text("A. whereas Lina Osei, the founder and director of the Open Courts Foundation, was detained;")
    [rel] = r.documents[0].relations
    assert rel.evidence[0].text.startswith("whereas Lina Osei, the founder")
    assert 0.5 < rel.confidence <= 1.0


@pytest.mark.parametrize(
    "kind,subject,obj,expected",
    [
        (RelationType.EMPLOYEE_OF, ActorType.PERSON, ActorType.POLITICAL_PARTY, RelationType.MEMBER_OF),
        (RelationType.MEMBER_OF, ActorType.PERSON, ActorType.MEDIA_OUTLET, RelationType.EMPLOYEE_OF),
        (RelationType.MEMBER_OF, ActorType.COUNTRY, ActorType.INTERNATIONAL_ORGANISATION, RelationType.MEMBER_OF),
        (RelationType.LEADER_OF, ActorType.PERSON, ActorType.NGO, RelationType.LEADER_OF),
        (RelationType.LEADER_OF, ActorType.PERSON, ActorType.PERSON, None),  # "a lawyer for X": a client
        (RelationType.EMPLOYEE_OF, ActorType.PERSON, ActorType.PLACE, None),  # "a journalist in Minsk"
        (RelationType.MEMBER_OF, ActorType.COURT, ActorType.NGO, None),
        (RelationType.SPOUSE_OF, ActorType.PERSON, ActorType.ORGANISATION, None),
        (
            RelationType.HOLDS_POSITION,
            ActorType.PERSON,
            ActorType.INTERNATIONAL_ORGANISATION,
            RelationType.HOLDS_POSITION,
        ),
        (RelationType.HOLDS_POSITION, ActorType.PERSON, ActorType.MEDIA_OUTLET, None),  # an editor holds no office
        (RelationType.HOLDS_POSITION, ActorType.PERSON, None, RelationType.HOLDS_POSITION),
    ],
)
def test_relation_types_fit_the_actors(kind, subject, obj, expected):
    assert fit_relation(kind, subject, obj) == expected


def _person(start: int, text: str) -> Mention:
    return Mention(start, start + len(text), text, ActorType.PERSON)


def test_a_possessive_pronoun_stands_for_the_nearest_person_in_its_part_else_the_most_named():
    # part 1 [0, 100): "Ida Berg" three times; part 2 [100, 200): "Jon Dahl" once; the pronoun in part 3
    mentions = [_person(0, "Ida Berg"), _person(30, "Berg"), _person(60, "Berg"), _person(120, "Jon Dahl")]
    parts = [(200, 300), (100, 200), (0, 100)]
    assert _person_before(mentions, 250, 240, parts, set()) == (3,)  # the part before names one person
    assert _person_before(mentions, 250, 240, parts, {120}) == (2,)  # "his lawyer, Jon Dahl": passed over
    assert _person_before(mentions, 130, 125, [(100, 200), (0, 100)], {120}) == (2,)  # passed over in its part too
    assert _person_before(mentions, 125, 110, [(100, 200), (0, 100)], {120}) == (3,)  # its sentence
    assert _person_before(mentions, 0, 0, [(0, 100)], set()) == ()


def test_a_relation_two_documents_state_has_one_statement_each(nlp):
    from rdflib import RDF

    from pipeline.build import build_sources
    from pipeline.facts import SourceDocument
    from pipeline.rdf.validate import validate_graph
    from pipeline.vocab import WH

    texts = {
        "ep-2099-one": "A. whereas Tomas Brandt, a reporter for the independent newspaper Severny Vestnik, "
        "was arrested on 3 May 2019;",
        "news-2099-two": "Tomas Brandt, who worked for Severny Vestnik, was released on 4 May 2019.",
    }
    result = build_sources([SourceDocument(name, f"{name}.txt", text) for name, text in texts.items()])
    statements = [s for s in result.dataset.subjects(RDF.predicate, WH.employeeOf)]
    assert len(set(statements)) == 2  # one per document, each with its own evidence and confidence
    report = validate_graph(result.dataset)
    assert report.conforms, "\n".join(report.messages)


def test_a_role_right_after_a_name_and_a_comma_is_that_persons_however_parsed(nlp):
    # the small model reads the last word of names like "al-Mahfoodh" as a verb and hangs "a researcher" anywhere
    from spacy.attrs import DEP, HEAD

    doc = nlp.make_doc("Tamsin Vessa, a researcher with the Lumeria Centre for Rights, was arrested on 2 May 2023.")
    names = [name for name, _ in nlp.pipeline]
    for _, proc in nlp.pipeline[: names.index("whereas_relations")]:
        doc = proc(doc)
    role, verb = (next(t for t in doc if t.text == word) for word in ("researcher", "arrested"))
    assert role.dep_ == "appos" and role.head.text == "Vessa"  # as parsed: no test of the pattern yet
    rows = doc.to_array([HEAD, DEP])
    rows[role.i] = [numpy.int64(verb.i - role.i).astype("uint64"), doc.vocab.strings.add("npadvmod")]
    doc.from_array([HEAD, DEP], rows)
    doc = nlp.get_pipe("whereas_relations")(doc)
    found = {(r["type"], doc[slice(*r["subject"])].text, doc[slice(*r["object"])].text) for r in doc._.relations}
    assert found == {("employeeOf", "Tamsin Vessa", "Lumeria Centre for Rights")}


def test_a_noun_of_kin_with_a_name_of_its_own_is_that_names_not_the_one_it_hangs_on(nlp):
    # the parse the model gave a wire story: "…, her son Y said" with "son" in apposition to X, Y to "son"
    from spacy.tokens import Doc, Span

    words = ["They", "sentenced", "Tamsin", "Vessa", ",", "a", "campaigner", ",", "her", "son", "Halvard", "Brenik"]
    words += ["said", "."]
    heads = [1, 12, 3, 1, 3, 6, 3, 3, 9, 3, 11, 9, 12, 12]
    deps = ["nsubj", "ccomp", "compound", "dobj", "punct", "det", "appos", "punct", "poss", "appos", "compound"]
    deps += ["appos", "ROOT", "punct"]
    pos = ["PRON", "VERB", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "PRON", "NOUN", "PROPN", "PROPN"]
    pos += ["VERB", "PUNCT"]
    tags = ["PRP", "VBD", "NNP", "NNP", ",", "DT", "NN", ",", "PRP$", "NN", "NNP", "NNP", "VBD", "."]
    lemmas = [w if w[0].isupper() and w != "They" else w.lower() for w in words]
    lemmas[1], lemmas[12] = "sentence", "say"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    doc.ents = [Span(doc, 2, 4, "Person"), Span(doc, 10, 12, "Person")]
    cues = nlp.get_pipe("whereas_coref")(doc)._.coref
    assert cues["2:4"]["nouns"] == ["campaigner"] and cues["2:4"]["gender"] == ""  # the son is Halvard Brenik
    assert cues["10:12"]["nouns"] == ["son"]


def test_an_acronym_the_parser_took_for_an_adjective_names_the_body_a_role_is_of(nlp):
    # the parse the model gave a report: "Two other PRDS leaders, A and B, …" with the party's acronym an adjective
    from spacy.tokens import Doc, Span

    words = ["Two", "other", "KRP", "leaders", ",", "Tamsin", "Vessa", "and", "Halvard", "Brenik", ",", "were"]
    words += ["arrested", "."]
    heads = [3, 3, 3, 12, 3, 6, 3, 6, 9, 6, 3, 12, 12, 12]
    deps = ["nummod", "amod", "amod", "nsubjpass", "punct", "compound", "appos", "cc", "compound", "conj", "punct"]
    deps += ["auxpass", "ROOT", "punct"]
    pos = ["NUM", "ADJ", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT", "AUX", "VERB"]
    pos += ["PUNCT"]
    tags = ["CD", "JJ", "JJ", "NNS", ",", "NNP", "NNP", "CC", "NNP", "NNP", ",", "VBD", "VBN", "."]
    lemmas = ["two", "other", "krp", "leader", ",", "Tamsin", "Vessa", "and", "Halvard", "Brenik", ",", "be"]
    lemmas += ["arrest", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    doc.ents = [Span(doc, 5, 7, "PERSON"), Span(doc, 8, 10, "PERSON")]
    names = nlp.pipe_names
    for name, proc in nlp.pipeline[names.index("ner") + 1 :]:
        if name == "whereas_relations":  # the acronym as the document made it known: the party named before
            doc.ents = [Span(doc, 2, 3, "PoliticalParty"), Span(doc, 5, 7, "Person"), Span(doc, 8, 10, "Person")]
        doc = proc(doc)
    assert {(r["type"], tuple(r["subject"]), tuple(r["object"] or ())) for r in doc._.relations} == {
        ("employeeOf", (5, 7), (2, 3)),  # (a party's: resolve_relations makes it a membership)
        ("employeeOf", (8, 10), (2, 3)),
    }


def test_a_party_in_brackets_after_a_persons_name_is_hers_and_no_name_of_hers(build_text):
    # the European Parliament's groups are known bodies; a national party's acronym is spelled out later on
    r = build_text(
        "The motion was tabled by Tamsin Vessa (S&D), Korvel Varno (PPE) and Orsolya Quillon (Verts/ALE).\n\n"
        "Police arrested Halvard Brenik (PDP) on 3 May 2024. The People's Democratic Party (PDP) protested.\n",
        name="statement-2099-test",
    )
    assert {(kind, s, o) for kind, s, o in _relations(r) if kind == "memberOf"} == {
        ("memberOf", "Tamsin Vessa", "S&D"),
        ("memberOf", "Korvel Varno", "PPE"),
        ("memberOf", "Orsolya Quillon", "Verts/ALE"),
        ("memberOf", "Halvard Brenik", "People's Democratic Party"),
    }
    assert {a.label: a.type.value for a in r.actors.values()}["Halvard Brenik"] == "Person"


def test_a_letters_closing_signatures_are_its_signers_each_holding_the_office_below_the_name(build_text):
    r = build_text(
        "We respectfully call on your Excellency's Government to release Mr. Halvard Brenik.\n\n"
        "Please accept, Excellency, the assurances of our highest consideration.\n\n"
        "Tamsin Vessa\nSpecial Rapporteur on the independence of judges and lawyers\n\n"
        "Korvel Varno-Quillon\nVice-Chair of the Working Group on Arbitrary Detention\n",
        name="communication-2099-test",
    )
    assert {(k, s, o) for k, s, o in _relations(r) if k == "holdsPosition"} == {
        ("holdsPosition", "Tamsin Vessa", "Special Rapporteur on the independence of judges and lawyers"),
        ("holdsPosition", "Korvel Varno-Quillon", "Vice-Chair of the Working Group on Arbitrary Detention"),
    }
    (demand,) = [ev for doc in r.documents for ev in doc.events if ev.type.value == "ReleaseDemand"]
    assert sorted(r.actors[k].label for k in demand.agents) == ["Korvel Varno-Quillon", "Tamsin Vessa"]


def test_the_kin_an_obituary_says_someone_is_survived_by_are_his(build_text):
    r = build_text(
        "Halvard Brenik died in Havana on 3 May 2024. Brenik is survived by a daughter, Ysolde Brenik, who lives "
        "in Miami, and by four grandchildren.\n",
        name="news-2099-test",
    )
    assert ("relativeOf", "Halvard Brenik", "Ysolde Brenik") in _relations(r)
