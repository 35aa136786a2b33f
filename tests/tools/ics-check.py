#!/usr/bin/env python3
"""ics-check.py FILE.ics: reads an iCalendar file with an independent parser
(Debian's python3-icalendar) and checks the properties RFC 5545 requires:
VERSION and PRODID on the calendar; UID, DTSTAMP (a UTC date-time) and
DTSTART on each event, DTEND after DTSTART.  Prints each event's UID and
DTSTAMP; exits 1 with the reason when a check fails."""
import datetime
import sys

import icalendar


def fail(why):
    print(f"ics-check: {why}", file=sys.stderr)
    sys.exit(1)


with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
if cal.name != "VCALENDAR":
    fail(f"not a calendar: {cal.name}")
for prop in ("VERSION", "PRODID"):
    if prop not in cal:
        fail(f"the calendar lacks {prop}")
if str(cal["VERSION"]) != "2.0":
    fail(f"VERSION is {cal['VERSION']}")
events = [c for c in cal.walk() if c.name == "VEVENT"]
if not events:
    fail("no event")
for ev in events:
    for prop in ("UID", "DTSTAMP", "DTSTART"):
        if prop not in ev:
            fail(f"an event ({ev.get('UID')}) lacks {prop}")
    stamp = ev.decoded("DTSTAMP")
    if not isinstance(stamp, datetime.datetime) or stamp.utcoffset() != datetime.timedelta(0):
        fail(f"DTSTAMP of {ev['UID']} is not a UTC date-time: {ev['DTSTAMP'].to_ical()!r}")
    if "DTEND" in ev and ev.decoded("DTEND") <= ev.decoded("DTSTART"):
        fail(f"{ev['UID']} ends before it starts")
    print(ev["UID"], ev["DTSTAMP"].to_ical().decode())
