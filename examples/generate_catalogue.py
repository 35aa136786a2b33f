#!/usr/bin/env python3
"""Writes examples/catalogue.xml and examples/catalogue.csv from the one list below, so the
two forms never disagree: 60 learning activities of the kinds municipalities' reports
describe (zoominars, lectures, courses, workshops, coaching and networks), with October as
information-security theme month.  Deterministic; standard library only.

    python3 examples/generate_catalogue.py
"""
import csv
import os
from xml.sax.saxutils import escape, quoteattr
A=[ # id, sv, en, kind, format, hours, develops, roles, units, themes, sessions, easy, prep, follow
("zoom-bas","Zoom – grundutbildning","Zoom basics","course","digital",2,"2.1:1..2 2.2:1..2","","","digital-arbetsplats","","ja","Installera Zoom och testa ljudet.","Håll ett eget möte med en kollega."),
("zoominar-teams","Frukostzoominarium: Teams i vardagen","Breakfast webinar: Teams every day","webinar","digital",1,"2.2:2..3","","","digital-arbetsplats","2027-03-10T08:30/2027-03-10T09:30@Zoom","",None,None),
("ai-resa","Starta din AI-resa","Start your AI journey","lecture","mixed",2,"5.2:1..3 1.1:2..3","","","ai","2027-04-15T13:00/2027-04-15T15:00@Kulturhuset","","Fundera på en arbetsuppgift där AI kan hjälpa.","Prova en AI-tjänst på en uppgift och dela med teamet."),
("ai-fordjupning","AI i praktiken – fördjupning","AI in practice","workshop","on-site",6,"5.2:3..4 1.2:3..4","","","ai","2027-05-20T09:00/2027-05-20T16:00@Stadsbiblioteket","",None,None),
("ux-bibliotek","UX för bibliotek","UX for libraries","course","mixed",8,"2.3:2..4","","Kulturförvaltningen/Stadsbiblioteket","","2027-03-17T09:00/2027-03-17T16:00@Stadsbiblioteket","","Observera hur besökare använder webbplatsen.","Testa en förbättring med fem besökare."),
("gamification","Workshop: Gamification","Workshop: Gamification","workshop","on-site",3,"2.3:2..3 3.1:2..3","","","digital-innovation","2027-04-08T13:00/2027-04-08T16:00@Kulturskolan","",None,None),
("valsakerhet","Föreläsning: Valsäkerhet i digitala tider","Lecture: Election security in the digital age","lecture","on-site",1.5,"4.1:2..3 1.1:2..3","","","informationssakerhet oktober","2027-10-06T10:00/2027-10-06T11:30@Stadshuset","",None,None),
("design-1","Design thinking – kursomgång 1","Design thinking, course round 1","course","mixed",12,"5.2:2..3 2.3:2..3","","","digital-innovation","2027-02-24T09:00/2027-02-26T16:00@Kulturhuset","","Välj en utmaning från din verksamhet.","Genomför en prototyp med målgruppen."),
("design-2","Design thinking – kursomgång 2","Design thinking, course round 2","course","mixed",12,"5.2:2..4 2.3:3..4","","","digital-innovation","2027-09-15T09:00/2027-09-17T16:00@Kulturhuset","",None,None),
("phishing","Nätfiskeövning","Phishing exercise","workshop","digital",1,"4.1:1..3 4.2:1..2","","","informationssakerhet oktober","","ja","Läs lathunden om misstänkta mejl.","Rapportera nästa misstänkta mejl enligt rutinen."),
("infosak-grund","Informationssäkerhet – grunder","Information security basics","e-learning","digital",1.5,"4.1:1..3","","","informationssakerhet oktober","","ja",None,None),
("gdpr-grund","Dataskydd och GDPR i vardagen","Data protection and GDPR every day","e-learning","digital",2,"4.2:1..3","","","informationssakerhet digitala-rattigheter oktober","","ja",None,"Gå igenom vilka personuppgifter din enhet hanterar."),
("gdpr-chef","Dataskydd för chefer","Data protection for managers","course","on-site",4,"4.2:2..4","manager system-owner system-admin","","informationssakerhet oktober","2027-10-13T09:00/2027-10-13T13:00@Stadshuset","",None,None),
("upphovsratt","Föreläsning: Upphovsrätt och licenser","Lecture: Copyright and licences","lecture","on-site",2,"3.2:1..3","","","digitala-rattigheter","2027-03-05T14:00/2027-03-05T16:00@Medeltidsmuseet","",None,None),
("upphovsratt-ws1","Uppföljande workshop: bilder och musik","Follow-up workshop: images and music","workshop","on-site",3,"3.2:2..3","","","digitala-rattigheter","2027-03-26T13:00/2027-03-26T16:00@Stadsmuseet","","Ta med ett eget exempel.",None),
("upphovsratt-ws2","Uppföljande workshop: öppna licenser","Follow-up workshop: open licences","workshop","digital",2,"3.2:2..3","","","digitala-rattigheter","2027-04-23T13:00/2027-04-23T15:00@Zoom","",None,None),
("tillganglighet","Digital tillgänglighet – heldag","Digital accessibility, a full day","course","on-site",7,"2.3:2..4 3.1:2..3","","","digital-produktion","2027-05-06T09:00/2027-05-06T16:00@Kulturhuset","","Granska en av era sidor med checklistan.","Åtgärda tre brister på er webbsida."),
("moten","Effektiva digitala möten","Effective digital meetings","webinar","digital",1.5,"2.1:2..3 2.2:2..3","","","digital-arbetsplats","2027-02-17T08:30/2027-02-17T10:00@Zoom","",None,None),
("mejl","Smart e-posthantering","Smart e-mail handling","micro-learning","digital",0.5,"2.1:1..3 1.2:1..2","","","digital-arbetsplats","","ja",None,None),
("mobilfoto","Foto och film med mobilen","Photo and video with a mobile phone","course","on-site",4,"3.1:1..3","","","digital-produktion","2027-04-21T09:00/2027-04-21T13:00@Liljevalchs","",None,"Publicera en bild med rätt licens."),
("layout-komm","Layout för kommunikatörer","Layout for communicators","course","mixed",8,"3.1:3..5","communicator","","digital-produktion","2027-03-11T09:00/2027-03-12T16:00@Kommunikationsstaben","",None,None),
("video-komm","Videoredigering för kommunikatörer","Video editing for communicators","course","on-site",8,"3.1:3..5 2.3:3..4","communicator","","digital-produktion","2027-05-12T09:00/2027-05-13T16:00@Kommunikationsstaben","",None,None),
("gis-3d","GIS och 3D för arkeologer","GIS and 3D for archaeologists","course","mixed",16,"1.2:2..4 3.1:2..4","","Kulturförvaltningen/Museer och konst","","2027-09-08T09:00/2027-09-10T16:00@Stadsmuseet","",None,None),
("ledardag","Ledardag om digitalisering","Managers' day on digitalisation","lecture","on-site",6,"6.1:1..3 5.2:2..3","manager system-owner","","it-utveckling","2027-03-19T09:00/2027-03-19T15:00@Stadshuset","","Läs förvaltningens digitaliseringsplan.","Diskutera en digitaliseringsidé med din grupp."),
("it-coach","IT-coach på plats","On-site IT coaching","coaching","on-site",1,"5.1:1..3 2.1:1..2 1.2:1..2","","","digital-arbetsplats","","ja",None,None),
("systemagarnatverk","Nätverk för systemägare","The system owners' network","network","mixed",2,"6.2:2..3 1.2:3..4","system-owner system-admin","","it-utveckling","2027-02-12T13:00/2027-02-12T15:00@Stadshuset|2027-05-14T13:00/2027-05-14T15:00@Stadshuset","",None,None),
("office-grund","Office – grunder","Office basics","e-learning","digital",3,"3.1:1..2 1.2:1..2","","","digital-arbetsplats","","ja",None,None),
("excel","Excel för verksamheten","Excel at work","course","digital",4,"1.2:2..3","","","digital-arbetsplats","2027-03-24T09:00/2027-03-24T13:00@Zoom","",None,None),
("kallkritik","Källkritik på nätet","Source criticism online","lecture","digital",1.5,"1.1:1..3","","","digitala-rattigheter","","",None,None),
("sok","Sök smartare","Search smarter","micro-learning","digital",0.5,"1.1:1..2","","","digital-arbetsplats","","ja",None,None),
("lathund-losen","Lathund: säkra lösenord","Quick guide: safe passwords","guide","digital",0.25,"4.1:1..2","","","informationssakerhet oktober","","ja",None,None),
("lathund-teams","Lathund: dela filer i Teams","Quick guide: sharing files in Teams","guide","digital",0.25,"2.2:1..2","","","digital-arbetsplats","","ja",None,None),
("superanvandare","Superanvändarutbildning","Super-user training","course","on-site",6,"5.1:2..4 2.2:3..4","","","it-utveckling","2027-03-31T09:00/2027-03-31T16:00@Stadshuset","",None,None),
("felsokning","Felsök själv – vanliga IT-problem","Troubleshoot common IT problems","micro-learning","digital",0.5,"5.1:1..2","","","digital-arbetsplats","","ja",None,None),
("sociala-medier","Sociala medier för kulturverksamhet","Social media for cultural services","workshop","mixed",3,"2.3:2..3 3.1:2..3","","","digital-produktion","2027-02-26T13:00/2027-02-26T16:00@Kulturhuset","",None,None),
("digitala-tjanster","Utveckla digitala tjänster för besökare","Developing digital services for visitors","course","mixed",8,"2.3:3..4 5.2:3..4","","","digital-innovation","2027-06-02T09:00/2027-06-03T16:00@Kulturhuset","",None,None),
("studiebesok","Studiebesök: ett digitalt bibliotek","Study visit: a digital library","study-visit","on-site",4,"2.3:2..3 5.2:2..3","","Kulturförvaltningen/Stadsbiblioteket","","2027-05-26T09:00/2027-05-26T13:00@Malmö stadsbibliotek","",None,None),
("incident","Hantera IT-incidenter","Handling IT incidents","course","on-site",4,"4.1:3..4 5.1:3..4","system-admin system-owner","","informationssakerhet oktober","2027-10-20T09:00/2027-10-20T13:00@Stadshuset","",None,None),
("backup","Säkerhetskopiering och lagring","Backup and storage","e-learning","digital",1,"4.1:2..3 1.2:2..3","","","informationssakerhet oktober","","",None,None),
("informationsklass","Informationsklassning","Information classification","course","digital",3,"4.2:2..4 1.2:2..3","","","informationssakerhet oktober","2027-10-27T13:00/2027-10-27T16:00@Zoom","",None,None),
("lattsvenska-dig","Digitala verktyg på lätt svenska","Digital tools in easy Swedish","course","on-site",4,"2.1:1..2 2.2:1..2 1.1:1..2","","","digital-arbetsplats","2027-03-03T09:00/2027-03-03T13:00@Kulturskolan","ja",None,None),
("intensiv-liten","Intensivkurs i liten grupp","Intensive course in a small group","course","on-site",6,"2.1:1..3 2.2:1..3 5.1:1..3","","","digital-arbetsplats","2027-04-14T09:00/2027-04-14T16:00@Stadsbiblioteket","ja",None,None),
("en-till-en","En-till-en-utbildning","One-to-one training","coaching","on-site",1,"2.1:1..2 3.1:1..2 5.1:1..2","","","digital-arbetsplats","","ja",None,None),
("podcast","Gör en podd","Make a podcast","workshop","on-site",4,"3.1:2..4","","","digital-produktion","2027-05-19T13:00/2027-05-19T17:00@Kulturhuset","",None,None),
("bildbehandling","Bildbehandling för museer","Image editing for museums","course","on-site",6,"3.1:2..4","","Kulturförvaltningen/Museer och konst","digital-produktion","2027-04-16T09:00/2027-04-16T16:00@Stadsmuseet","",None,None),
("arkiv","Digitala arkiv och metadata","Digital archives and metadata","course","digital",4,"1.2:2..4 1.1:3..4","","","it-utveckling","2027-09-22T09:00/2027-09-22T13:00@Zoom","",None,None),
("projekt","Digitala projektverktyg","Digital project tools","webinar","digital",1.5,"2.2:2..4","","","it-utveckling","2027-03-12T08:30/2027-03-12T10:00@Zoom","",None,None),
("forvaltningsmodell","Förvaltningsmodell för system","A model for managing systems","course","mixed",6,"6.2:3..4","system-owner system-admin manager","","it-utveckling","2027-09-29T09:00/2027-09-29T16:00@Stadshuset","",None,None),
("upphandling","Upphandla digitala tjänster","Procuring digital services","lecture","digital",2,"6.1:2..3","manager system-owner","","it-utveckling","2027-10-01T13:00/2027-10-01T15:00@Zoom","",None,None),
("e-tjanster-medborgare","Medborgarnas e-tjänster","Citizens' e-services","e-learning","digital",1,"2.3:1..2","","","digital-arbetsplats","","",None,None),
("identitet","Din digitala identitet","Your digital identity","micro-learning","digital",0.5,"4.2:1..2 2.1:1..2","","","informationssakerhet oktober","","ja",None,None),
("kreativ","Kreativ med digitala verktyg","Creative with digital tools","workshop","on-site",3,"5.2:1..2 3.1:1..2","","","digital-innovation","2027-02-19T13:00/2027-02-19T16:00@Kulturskolan","",None,None),
("kulturskolan-digital","Digital undervisning i Kulturskolan","Digital teaching in Kulturskolan","course","mixed",6,"2.3:2..4 2.1:2..3","","Kulturförvaltningen/Kulturskolan","","2027-03-09T09:00/2027-03-09T16:00@Kulturskolan","",None,None),
("evenemang-streaming","Streama evenemang","Streaming events","workshop","on-site",4,"3.1:2..3 2.3:2..3","","Kulturförvaltningen/Evenemangsavdelningen","","2027-04-01T09:00/2027-04-01T13:00@Kulturhuset","",None,None),
("lathund-vpn","Lathund: jobba säkert hemifrån","Quick guide: working safely from home","guide","digital",0.25,"4.1:1..2","","","informationssakerhet oktober","","ja",None,None),
("office-fortsattning","Office – fortsättning","Office, continued","e-learning","digital",3,"3.1:2..3 1.2:2..3","","","digital-arbetsplats","","",None,None),
("kortkommandon","Nanolärande: kortkommandon","Micro-learning: keyboard shortcuts","micro-learning","digital",0.25,"2.2:1..2","","","digital-arbetsplats","","ja",None,None),
("ai-upphovsratt","Generativ AI och upphovsrätt","Generative AI and copyright","lecture","digital",1.5,"3.2:2..3 5.2:2..3","","","ai digitala-rattigheter","2027-04-29T13:00/2027-04-29T14:30@Zoom","",None,"Gå igenom hur ni märker AI-genererade bilder."),
("zoominar-sakra-moten","Frukostzoominarium: säkra videomöten","Breakfast webinar: safe video meetings","webinar","digital",1,"4.1:2..3 2.2:2..3","","","informationssakerhet oktober","2027-10-08T08:30/2027-10-08T09:30@Zoom","",None,None),
("lathund-zoom","Lathund: dela skärm i Zoom","Quick guide: sharing your screen in Zoom","guide","digital",0.25,"2.2:1..2","","","digital-arbetsplats","","ja",None,None),
]
# Descriptions, for the activities that have one.
DESC={
"zoom-bas":("Grunderna i Zoom: ansluta, ljud och bild, dela skärm.","The basics of Zoom: joining, sound and video, sharing a screen."),
"ai-resa":("Vad AI är, vad den kan och inte kan, och hur du börjar använda den i ditt arbete.","What AI is, what it can and cannot do, and how to start using it at work."),
"phishing":("En övning med riktiga exempel på nätfiskemejl: känn igen dem och rapportera dem.","An exercise with real examples of phishing e-mails: recognise and report them."),
"valsakerhet":("Hot mot valet i en digital tid och hur förvaltningen skyddar sig.","Threats to elections in a digital age and how the administration protects itself."),
"tillganglighet":("Lagkrav, checklistor och praktiska verktyg för tillgängliga webbsidor och dokument.","Legal requirements, checklists and practical tools for accessible web pages and documents."),
"it-coach":("Boka en IT-coach som kommer till din arbetsplats och hjälper dig med det du behöver.","Book an IT coach who comes to your workplace and helps with what you need."),
"gis-3d":("Kartor, GIS och 3D-dokumentation av fornlämningar.","Maps, GIS and 3D documentation of ancient monuments."),
"ledardag":("En dag för chefer om digitaliseringens möjligheter och ledarskapet i förändringen.","A day for managers on the opportunities of digitalisation and leading the change."),
}
SEATS={"lecture":120,"course":20,"workshop":16,"study-visit":12,"network":40,"webinar":0}
def seats(kind, fmt):
    """Seats per session: limited on site, not for webinars."""
    return SEATS.get(kind, 0) if fmt != "digital" or kind in ("course","workshop") else 0
# 4.3 (health, well-being and sustainability) has no activity at all, on purpose.
# Left uncovered on purpose (the coverage report shows them): 4.2 from 3 upwards for
# employees (only gdpr-chef covers it, for managers), 5.1 for sys-admins at level 4,
# 2.1 from level 3 upwards, 1.1 beyond level 3 outside archives.
HERE=os.path.dirname(os.path.abspath(__file__))

def sessions(text):
    for item in filter(None, text.split("|")):
        span, _, place = item.partition("@")
        start, _, end = span.partition("/")
        yield start, end, place

def read_aloud(kind):
    return kind in ("e-learning", "guide")

def write_csv():
    with open(os.path.join(HERE,'catalogue.csv'),'w',newline='',encoding='utf-8') as f:
        w=csv.writer(f,lineterminator='\n')
        w.writerow(["id","title_sv","title_en","kind","format","hours","language","develops","roles","units","themes",
                    "sessions","seats","easy_swedish","read_aloud","description_sv","description_en","preparation","follow_up"])
        for a in A:
            i,sv,en,k,fm,h,dev,roles,units,themes,sess,easy,prep,fol=a
            d=DESC.get(i,("",""))
            st=" ".join(str(seats(k,fm)) for _ in sessions(sess))
            w.writerow([i,sv,en,k,fm,h,"sv",dev,roles,units,themes,sess,st,easy,"ja" if read_aloud(k) else "",d[0],d[1],prep or "",fol or ""])

def write_xml():
    out=['<?xml version="1.0" encoding="UTF-8"?>',
         '<!-- Written by examples/generate_catalogue.py: edit the list there. -->',
         '<catalogue xmlns="urn:digikomp:catalogue:1" framework="kommun-digcomp-12" version="2025.1">']
    for a in A:
        i,sv,en,k,fm,h,dev,roles,units,themes,sess,easy,prep,fol=a
        out.append(f'  <activity id="{i}" kind="{k}" format="{fm}" hours="{h}" language="sv">')
        out.append(f'    <title xml:lang="sv">{escape(sv)}</title>')
        out.append(f'    <title xml:lang="en">{escape(en)}</title>')
        if i in DESC:
            out.append(f'    <description xml:lang="sv">{escape(DESC[i][0])}</description>')
            out.append(f'    <description xml:lang="en">{escape(DESC[i][1])}</description>')
        for item in dev.split():
            comp, _, rng = item.partition(":")
            lo, _, hi = rng.partition("..")
            out.append(f'    <develops competence="{comp}" from="{lo}" to="{hi}"/>')
        if roles or units:
            out.append('    <audience>')
            out += [f'      <role>{r}</role>' for r in roles.split()]
            out += [f'      <unit>{escape(u)}</unit>' for u in filter(None, units.split("|"))]
            out.append('    </audience>')
        out += [f'    <theme>{t}</theme>' for t in themes.split()]
        ss=list(sessions(sess))
        if not ss:
            out.append('    <always-available/>')
        for start,end,place in ss:
            n=seats(k,fm)
            out.append(f'    <session start="{start}" end="{end}" place={quoteattr(place)}'+(f' seats="{n}"' if n else '')+'/>')
        if easy or read_aloud(k):
            flags=(' easy-swedish="true"' if easy else '')+(' read-aloud="true"' if read_aloud(k) else '')
            out.append(f'    <accessibility{flags}/>')
        if prep:
            out.append(f'    <preparation>{escape(prep)}</preparation>')
        if fol:
            out.append(f'    <follow-up>{escape(fol)}</follow-up>')
        out.append('  </activity>')
    out.append('</catalogue>')
    with open(os.path.join(HERE,'catalogue.xml'),'w',encoding='utf-8') as f:
        f.write("\n".join(out)+"\n")

write_csv()
write_xml()
print(f"{len(A)} activities")
