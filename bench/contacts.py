#!/usr/bin/env python3
"""Writes N synthetic contacts in the import format (docs/contact-import.md) to stdout, for bench/run.sh.
   bench/contacts.py N [IDS_FILE]   (IDS_FILE: Safeguard IDs, one a line; every third contact names one)"""
import csv, random, sys
from datetime import datetime, timedelta

n = int(sys.argv[1])
ids = [l.strip() for l in open(sys.argv[2])] if len(sys.argv) > 2 else []
rnd = random.Random(1)
first = ["Leo", "Maisie", "Amira", "Jayden", "Ruby", "Oskar", "Isla", "Kai", "Zara", "Finn", "Ava", "Tomasz"]
last = ["Farrow", "Okafor", "Nowak", "Hussain", "Price", "Kelly", "Brennan", "Ali", "Walsh", "Mensah"]
sources = [("6", "Northmoor Police (Safeguarding Hub)", "PoliceNotification")] * 5 + \
          [("3A", "", "Phone"), ("2A", "", "Email"), ("1A", "", "Phone"), ("8", "", "OnlineForm")]
start = datetime(2026, 11, 16, 8, 0)
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["received", "method", "source_code", "referrer_agency", "referrer_name", "child_ids", "child_names",
            "child_dobs", "child_address", "factor_codes", "concerns", "consent", "consent_reason", "police_rag"])
for i in range(n):
    code, agency, method = rnd.choice(sources)
    family = rnd.choice(last)
    kids = rnd.randint(1, 3)
    names = ";".join(f"{rnd.choice(first)} {family}" for _ in range(kids))
    dobs = ";".join(f"{rnd.randint(2009, 2025)}-{rnd.randint(1, 12):02}-{rnd.randint(1, 28):02}" for _ in range(kids))
    child_ids = ids[i % len(ids)] if ids and i % 3 == 0 else ""
    w.writerow([(start + timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M"), method, code, agency,
                "" if code == "1A" else "PC Dana Whitlock" if code == "6" else "A named professional",
                child_ids, names, dobs, f"{rnd.randint(1, 99)} Quarry Lane, Northmoor, ZZ3 8QT",
                rnd.choice(["3B;3C", "16A", "20", "2A", "6A", ""]),
                "Police called to the home after a neighbour heard shouting; the children were awake and upset.",
                "NotSoughtSafeguarding", "Telling the father would put the mother and children at risk",
                rnd.choice(["Amber", "Red", "Green"]) if code == "6" else ""])
