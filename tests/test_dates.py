"""find_dates and normalize_dates: forms, order, year, what is not a date, and the corpus in place.

Every expected day below was checked with a calendar, never computed here: 8 October 2021 was a
Friday, 10 August 2021 a Tuesday, 4 October 2021 a Monday, 10 April 2021 a Saturday, 11 January
2015 a Sunday (11 January 2014 a Saturday), 18 November 2020 a Wednesday, 5 June 2025 a Thursday,
29 June 2020 a Monday.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext import DateMatch, find_dates, normalize_dates
from newstext.calendar_names import calendar_names
from newstext.context import make_context
from newstext.date_patterns import date_pattern
from newstext.langdata import available_languages
from tests.conftest import ARTICLES, Article, needs_corpus

LANG_DIR = Path(newstext.__file__).parent / "data" / "lang"

# (language, text, reference, [(matched text, ISO)]): dates in running text, as news writes them.
FOUND: list[tuple[str | None, str, str | None, list[tuple[str, str]]]] = [
    # Indonesian news: weekday and numeric date in brackets, day-first by convention
    ("id", "Jakarta - Kamis (5/6/2025) sore.", None, [("Kamis (5/6/2025)", "2025-06-05")]),
    ("id", "Seperti dilansir AFP, Jumat (10/8/2021), utusan", None, [("Jumat (10/8/2021)", "2021-10-08")]),
    ("id", "pada Selasa (10/6/2025) lalu", None, [("Selasa (10/6/2025)", "2025-06-10")]),
    ("id", "Minggu (8/6/2025).", None, [("Minggu (8/6/2025)", "2025-06-08")]),
    ("id", "Jum'at (20/6/2025)", None, [("Jum'at (20/6/2025)", "2025-06-20")]),
    ("id", "Jum’at, 20 Juni 2025 | 11:58 WIB", None, [("Jum’at, 20 Juni 2025", "2025-06-20")]),
    ("id", "Kamis, 19 Jun 2025 06:16 WIB", None, [("Kamis, 19 Jun 2025", "2025-06-19")]),
    ("id", "Senin (29/6) kemarin", "2020-07-02", [("Senin (29/6)", "2020-06-29")]),
    ("id", "rabu 18 11 selain itu", "2020-11-18", [("rabu 18 11", "2020-11-18")]),
    ("id", "Senin pagi (16/6) waktu setempat", "2025-06-20", [("Senin pagi (16/6)", "2025-06-16")]),
    ("id", "Minggu dini hari (15/6/2025)", None, [("Minggu dini hari (15/6/2025)", "2025-06-15")]),
    (
        "id",
        "Selasa (17/6) hingga Rabu (18/6)",
        "2025-06-20",
        [("Selasa (17/6)", "2025-06-17"), ("Rabu (18/6)", "2025-06-18")],
    ),
    ("id", "pada 11 november 2020 lalu", None, [("11 november 2020", "2020-11-11")]),
    ("id", "8 Okt 2021", None, [("8 Okt 2021", "2021-10-08")]),
    ("id", "17 Agt 1945", None, [("17 Agt 1945", "1945-08-17")]),
    ("id", "17 Agustus 1945", None, [("17 Agustus 1945", "1945-08-17")]),
    ("id", "tanggal 10 Nopember 1945", None, [("10 Nopember 1945", "1945-11-10")]),
    ("id", "10/06/2025, 21:23 WIB", None, [("10/06/2025", "2025-06-10")]),
    ("id", "pada 20 Oktober di Moskow", "2021-10-08", [("20 Oktober", "2021-10-20")]),
    ("id", "8 - 10 Agustus 2021", None, [("8 - 10 Agustus 2021", "2021-08-08/2021-08-10")]),
    ("id", "20-22 Oktober 2021", None, [("20-22 Oktober 2021", "2021-10-20/2021-10-22")]),
    ("id", "9 hingga 10 Juni 2025", None, [("9 hingga 10 Juni 2025", "2025-06-09/2025-06-10")]),
    ("id", "Sabtu-Minggu (7-8/6/2025)", None, [("Sabtu-Minggu (7-8/6/2025)", "2025-06-07/2025-06-08")]),
    (
        "id",
        "28 September - 2 Oktober 2021",
        None,
        [("28 September - 2 Oktober 2021", "2021-09-28/2021-10-02")],
    ),
    ("ms", "pada 8 Oktober 2021", None, [("8 Oktober 2021", "2021-10-08")]),
    ("ms", "Jumaat, 8 Oktober 2021", None, [("Jumaat, 8 Oktober 2021", "2021-10-08")]),
    # English, AP style and others
    ("en", "on Thursday, Dec. 11, 2014.", None, [("Thursday, Dec. 11, 2014", "2014-12-11")]),
    ("en", "will air on Sunday, Jan. 11.", "2014-12-29", [("Sunday, Jan. 11", "2015-01-11")]),
    ("en", "out on Dec. 31 in limited release", "2014-12-29", [("Dec. 31", "2014-12-31")]),
    ("en", "his new paper on Nov. 2. Now", "2023-11-02", [("Nov. 2", "2023-11-02")]),
    ("en", "Oct. 8th, 2021", None, [("Oct. 8th, 2021", "2021-10-08")]),
    ("en", "October 8, 2021", None, [("October 8, 2021", "2021-10-08")]),
    ("en", "Sept. 3, 2020", None, [("Sept. 3, 2020", "2020-09-03")]),
    ("en", "the 8th of October 2021", None, [("8th of October 2021", "2021-10-08")]),
    ("en", "14 December 2016", None, [("14 December 2016", "2016-12-14")]),
    ("en", "on 10/8/2021", None, [("10/8/2021", "2021-10-08")]),
    ("en", "on 12/25/2020", None, [("12/25/2020", "2020-12-25")]),
    ("en", "Oct. 20-22, 2021", None, [("Oct. 20-22, 2021", "2021-10-20/2021-10-22")]),
    ("en", "from 5 to 7 October 2021", None, [("5 to 7 October 2021", "2021-10-05/2021-10-07")]),
    ("en", "Friday, October 8", "2021-10-10", [("Friday, October 8", "2021-10-08")]),
    ("en", "May 6th, 2022 12:49 AM", None, [("May 6th, 2022", "2022-05-06")]),
    ("en", "October 2021", None, [("October 2021", "2021-10")]),
    ("en", "published 2021-10-08T10:00:00Z", None, [("2021-10-08", "2021-10-08")]),
    ("en", "2021-10-20/2021-10-22", None, [("2021-10-20/2021-10-22", "2021-10-20/2021-10-22")]),
    ("en", "on 2021/10/08", None, [("2021/10/08", "2021-10-08")]),
    ("en", "Created 03-10-2004 2:20pm", None, [("03-10-2004", "2004-03-10")]),
    ("en", "on 10/8/21", None, [("10/8/21", "2021-10-08")]),
    # European languages
    ("de", "am 8. Oktober 2021", None, [("8. Oktober 2021", "2021-10-08")]),
    ("de", "Montag, 4. Oktober 2021", None, [("Montag, 4. Oktober 2021", "2021-10-04")]),
    ("de", "Samstag, den 31. Januar 2015, zwischen", None, [("Samstag, den 31. Januar 2015", "2015-01-31")]),
    ("de", "vom 13. bis 29. Mai 2022 geplant", None, [("13. bis 29. Mai 2022", "2022-05-13/2022-05-29")]),
    ("de", "am 10.08.2021 um", None, [("10.08.2021", "2021-08-10")]),
    ("de", "am 08.10.21 um", None, [("08.10.21", "2021-10-08")]),
    ("de", "21. Jan. 2015", None, [("21. Jan. 2015", "2015-01-21")]),
    ("de", "im Jänner 2014", None, [("Jänner 2014", "2014-01")]),
    ("fr", "le 1er octobre 2021", None, [("1er octobre 2021", "2021-10-01")]),
    ("fr", "vendredi 8 octobre 2021", None, [("vendredi 8 octobre 2021", "2021-10-08")]),
    ("fr", "du 11 au 28 mars 2020", None, [("11 au 28 mars 2020", "2020-03-11/2020-03-28")]),
    ("fr", "le 28 mars. Puis", "2020-04-01", [("28 mars", "2020-03-28")]),
    ("es", "el 8 de octubre de 2021", None, [("8 de octubre de 2021", "2021-10-08")]),
    ("es", "del 21 al 24 de abril de 2022", None, [("21 al 24 de abril de 2022", "2022-04-21/2022-04-24")]),
    ("es", "domingo 4 de septiembre", "2022-08-30", [("domingo 4 de septiembre", "2022-09-04")]),
    ("es", "el 30 de setiembre de 2021", None, [("30 de setiembre de 2021", "2021-09-30")]),
    ("pt", "8 de outubro de 2021", None, [("8 de outubro de 2021", "2021-10-08")]),
    ("it", "l'8 ottobre 2021", None, [("8 ottobre 2021", "2021-10-08")]),
    ("nl", "op 8 oktober 2021", None, [("8 oktober 2021", "2021-10-08")]),
    ("sv", "den 8 oktober 2021", None, [("8 oktober 2021", "2021-10-08")]),
    ("da", "fredag den 8. oktober 2021", None, [("fredag den 8. oktober 2021", "2021-10-08")]),
    ("no", "8. oktober 2021", None, [("8. oktober 2021", "2021-10-08")]),
    ("fi", "8. lokakuuta 2021", None, [("8. lokakuuta 2021", "2021-10-08")]),
    ("pl", "8 października 2021 r.", None, [("8 października 2021 r.", "2021-10-08")]),
    ("pl", "31 stycznia 2020 roku", None, [("31 stycznia 2020 roku", "2020-01-31")]),
    ("cs", "8. října 2021", None, [("8. října 2021", "2021-10-08")]),
    ("cs", "dne 8. 10. 2021", None, [("8. 10. 2021", "2021-10-08")]),
    ("ro", "8 octombrie 2021", None, [("8 octombrie 2021", "2021-10-08")]),
    ("hu", "2021. október 8.", None, [("2021. október 8.", "2021-10-08")]),
    ("tr", "8 Ekim 2021 Cuma", None, [("8 Ekim 2021 Cuma", "2021-10-08")]),
    ("el", "11 Μαΐου 2014", None, [("11 Μαΐου 2014", "2014-05-11")]),
    ("ru", "8 октября 2021 года", None, [("8 октября 2021 года", "2021-10-08")]),
    ("ru", "21 сентября 2021г., вторник", None, [("21 сентября 2021г., вторник", "2021-09-21")]),
    ("uk", "8 жовтня 2021 р.", None, [("8 жовтня 2021 р.", "2021-10-08")]),
    ("sw", "8 Oktoba 2021", None, [("8 Oktoba 2021", "2021-10-08")]),
    ("tl", "Oktubre 8, 2021", None, [("Oktubre 8, 2021", "2021-10-08")]),
    ("vi", "ngày 8 tháng 10 năm 2021", None, [("8 tháng 10 năm 2021", "2021-10-08")]),
    # other scripts and digits
    ("ar", "8 أكتوبر 2021", None, [("8 أكتوبر 2021", "2021-10-08")]),
    ("ar", "٨ أكتوبر ٢٠٢١", None, [("٨ أكتوبر ٢٠٢١", "2021-10-08")]),
    ("ar", "08\u200f/10\u200f/2021", None, [("08\u200f/10\u200f/2021", "2021-10-08")]),
    ("fa", "۸ اکتبر ۲۰۲۱", None, [("۸ اکتبر ۲۰۲۱", "2021-10-08")]),
    ("ur", "8 اکتوبر، 2021", None, [("8 اکتوبر، 2021", "2021-10-08")]),
    ("he", "8 באוקטובר 2021", None, [("8 באוקטובר 2021", "2021-10-08")]),
    ("hi", "8 अक्टूबर 2021", None, [("8 अक्टूबर 2021", "2021-10-08")]),
    ("hi", "८ अक्टूबर २०२१", None, [("८ अक्टूबर २०२१", "2021-10-08")]),
    ("bn", "৮ অক্টোবর ২০২১", None, [("৮ অক্টোবর ২০২১", "2021-10-08")]),
    ("th", "8 ตุลาคม 2564", None, [("8 ตุลาคม 2564", "2021-10-08")]),
    ("th", "๘ ต.ค. ๒๕๖๔", None, [("๘ ต.ค. ๒๕๖๔", "2021-10-08")]),
    ("th", "วันที่ 8 ตุลาคม พ.ศ. 2564", None, [("8 ตุลาคม พ.ศ. 2564", "2021-10-08")]),
    ("th", "8/10/2564", None, [("8/10/2564", "2021-10-08")]),
    # East Asian
    ("zh", "2021年10月8日", None, [("2021年10月8日", "2021-10-08")]),
    ("zh", "于10月8日（星期五）举行", "2021-10-01", [("10月8日（星期五）", "2021-10-08")]),
    ("zh", "2021年10月8日星期五", None, [("2021年10月8日星期五", "2021-10-08")]),
    ("zh", "11月17日", "2023-11-17", [("11月17日", "2023-11-17")]),
    ("ja", "2021年10月8日(金)", None, [("2021年10月8日", "2021-10-08")]),
    ("ja", "10月8日", "2021-10-01", [("10月8日", "2021-10-08")]),
    ("ko", "2021년 10월 8일", None, [("2021년 10월 8일", "2021-10-08")]),
    ("ko", "10월 8일", "2021-10-01", [("10월 8일", "2021-10-08")]),
    ("ko", "2021년 10월 8일 금요일", None, [("2021년 10월 8일 금요일", "2021-10-08")]),
    # no language given: every language's names
    (None, "11 Mai 2014", None, [("11 Mai 2014", "2014-05-11")]),
    (None, "21 сентября 2021г., вторник", None, [("21 сентября 2021г., вторник", "2021-09-21")]),
    (None, "Kamis (5/6/2025)", None, [("Kamis (5/6/2025)", "2025-06-05")]),
    (None, "am 5. Dez. 2019 um 13 Uhr", None, [("5. Dez. 2019", "2019-12-05")]),
    (None, "8 Okt 2021", None, [("8 Okt 2021", "2021-10-08")]),
    # several dates in one text
    (
        "id",
        "Jumat (10/8/2021) dan Senin (10/4), lalu 20 Oktober.",
        None,
        [("Jumat (10/8/2021)", "2021-10-08"), ("Senin (10/4)", "2021-10-04"), ("20 Oktober", "2021-10-20")],
    ),
    (
        "en",
        "on Thursday, Dec. 11, 2014. The awards will air on Sunday, Jan. 11.",
        None,
        [("Thursday, Dec. 11, 2014", "2014-12-11"), ("Sunday, Jan. 11", "2015-01-11")],
    ),
]

# (language, text): nothing here is a date.
NOT_DATES: list[tuple[str | None, str]] = [
    ("en", "The score was 3-1 at half time and 2-0 after."),
    ("en", "open 24/7, add 1/2 cup and 3/4 teaspoon"),
    ("en", "version 1.2.13 and Python 3.10.12"),
    ("en", "call 021-555-1234 or 0812-3456-7890"),
    ("en", "at 10.00 and at 10:30"),
    ("en", "$1,000.50 and 1,234,567"),
    ("en", "in the 1950s and the '60s"),
    ("en", "in 1988 and before 2050"),
    ("en", "Chapter 12.3 and section 4.5.6"),
    ("en", "192.168.1.10"),
    ("en", "It was 25 degrees and 67% humid"),
    ("en", "iPhone 12 and Windows 10"),
    ("en", "the G20 summit and Covid-19"),
    ("en", "She said they may 2 or 3 times a week."),
    ("en", "1-1 1/2-inch pieces for 20 to 30 seconds"),
    ("en", "see https://example.com/2020/01/15/story"),
    ("en", "www.example.com/news/2021/10/08/"),
    ("en", "Thanksgiving on Wednesday and Thursday"),
    ("id", "pada 1980-an"),
    ("id", "Nomor PER-12/PJ/2020 tentang"),
    ("id", "peraturan menteri keuangan nomor 177 tahun 2020"),
    ("id", "corona virus disease 2019 telah mengakibatkan"),
    ("id", "paling banyak 7 5 persen per bulan"),
    ("id", "rp4 056 triliun"),
    ("id", "IHSG turun 0,72 persen ke level 6.918"),
    ("id", "Rp 10.000.000 dan 1.500.000"),
    ("id", "masa jabatan 2020-2025"),
    ("id", "kuartal I-2020 dan kuartal IV-2020"),
    ("id", "Januari sampai dengan Maret"),
    ("id", "pada bulan Juli dan Agustus"),
    ("id", "pasal 15 ayat 5"),
    ("id", "selama 30 hari"),
    ("id", "pukul 10.00 WIB"),
    ("id", "kompas.com/read/2025/06/10/x"),
    ("id", "Senin 10.30 WIB"),
    ("id", "kata dia (10/4) lalu"),
    ("id", "Nilai Rapor 8/10 dan 9/10"),
    ("zh", "21世纪的金融往来"),
    ("de", "Paragraph 10 des Telemediengesetzes"),
    (None, "Absatz 4 des Gesetzes und Seite 2 des Politikteils"),
    (None, "durfte sie 2010 nach Kakuma"),
    (None, "J Infect Dis. 1970;122:16-25"),
    (None, "4,2 Ärzte pro 1000 Einwohner"),
    (None, ""),
    (None, "no digits here at all"),
]


def _found(lang: str | None, text: str, reference: str | None) -> list[tuple[str, str]]:
    return [(m.text, m.iso) for m in find_dates(text, lang, reference=reference)]


def test_tables_are_large_and_multilingual() -> None:
    langs = {lang for lang, *_ in FOUND if lang}
    expressions = sum(len(want) for *_, want in FOUND) + len(NOT_DATES)
    assert len(langs) >= 20
    assert expressions >= 150


@pytest.mark.parametrize(("lang", "text", "reference", "want"), FOUND)
def test_found(lang: str | None, text: str, reference: str | None, want: list[tuple[str, str]]) -> None:
    assert _found(lang, text, reference) == want


@pytest.mark.parametrize(("lang", "text"), NOT_DATES)
def test_not_a_date(lang: str | None, text: str) -> None:
    assert _found(lang, text, "2021-10-10") == []


# --- order of ambiguous numeric dates -----------------------------------------------------------


def test_weekday_decides_the_order() -> None:
    (m,) = find_dates("Jumat (10/8/2021)", "id")  # 10 August 2021 was a Tuesday
    assert (m.iso, m.order_by, m.weekday) == ("2021-10-08", "weekday", 4)


def test_impossible_reading_decides_the_order() -> None:
    (m,) = find_dates("13/8/2021", "en")
    assert (m.iso, m.order_by) == ("2021-08-13", "unambiguous")


def test_the_language_convention_by_default() -> None:
    assert [m.iso for m in find_dates("10/8/2021", "en")] == ["2021-10-08"]
    assert [m.iso for m in find_dates("10/8/2021", "id")] == ["2021-08-10"]
    assert [m.order_by for m in find_dates("10/8/2021", "id")] == ["language"]
    assert [m.iso for m in find_dates("10/8/2021", "en-GB")] == ["2021-08-10"]


def test_certain_dates_of_the_article_decide_the_order() -> None:
    # 12/25/2020 can only be month/day, so 10/8/2021 in the same article is read the same way
    found = find_dates("Sejak 12/25/2020 hingga 10/8/2021 harga naik.", "id")
    assert [(m.iso, m.order_by) for m in found] == [("2020-12-25", "unambiguous"), ("2021-10-08", "article")]
    found = find_dates("Since 25/12/2020 and until 10/8/2021.", "en")
    assert [(m.iso, m.order_by) for m in found] == [("2020-12-25", "unambiguous"), ("2021-08-10", "article")]


def test_detected_language_orders_when_none_is_given() -> None:
    text = "The meeting on 10/8/2021 was postponed, the ministry said in a statement on its website."
    assert [m.iso for m in find_dates(text)] == ["2021-10-08"]


# --- year of dates written without one ----------------------------------------------------------


def test_year_from_the_reference() -> None:
    (m,) = find_dates("pada 20 Oktober", "id", reference=dt.date(2021, 10, 8))
    assert (m.iso, m.year_by) == ("2021-10-20", "reference")


def test_year_from_the_articles_own_full_date() -> None:
    found = find_dates("pada 20 Oktober di Moskow. Jumat (10/8/2021), utusan", "id")
    assert [(m.iso, m.year_by) for m in found] == [("2021-10-20", "article"), ("2021-10-08", "explicit")]


def test_nearest_year_that_fits_the_weekday() -> None:
    (m,) = find_dates("Sunday, Jan. 11", "en", reference="2014-12-29")
    assert (m.iso, m.year_by) == ("2015-01-11", "reference+weekday")
    (m,) = find_dates("Saturday, Jan. 11", "en", reference="2014-12-29")
    assert m.iso == "2014-01-11"


def test_weekday_chooses_order_and_year_together() -> None:
    # 10/4 beside a Monday: 4 October 2021 (10 April 2021 was a Saturday)
    found = find_dates("Jumat (10/8/2021) ... Pada Senin (10/4) waktu setempat", "id")
    assert [(m.iso, m.order_by) for m in found] == [("2021-10-08", "weekday"), ("2021-10-04", "weekday")]


def test_a_small_weekday_word_in_cased_text_is_no_weekday() -> None:
    # Indonesian "minggu" is a week; "Minggu" is Sunday (20 October 2021 was a Wednesday)
    found = find_dates("Sepanjang minggu 20-26 Oktober harga naik.", "id", reference="2021-10-08")
    assert [(m.iso, m.weekday) for m in found] == [("2021-10-20/2021-10-26", None)]
    found = find_dates("Pada Minggu 20 Oktober harga naik.", "id", reference="2021-10-08")
    assert [(m.iso, m.weekday) for m in found] == [("2019-10-20", 6)]
    assert find_dates("Kata dia senin (10/4) lalu.", "id", reference="2021-10-08") == []


def test_year_across_new_year() -> None:
    assert [m.iso for m in find_dates("Jan. 5", "en", reference="2014-12-29")] == ["2015-01-05"]
    assert [m.iso for m in find_dates("Dec. 31", "en", reference="2015-01-02")] == ["2014-12-31"]
    assert [m.iso for m in find_dates("June 5", "en", reference="2014-12-29")] == ["2014-06-05"]


def test_29_february_without_a_year_takes_a_leap_year() -> None:
    assert [m.iso for m in find_dates("29 Februari", "id", reference="2021-03-10")] == ["2020-02-29"]


def test_today_when_nothing_gives_a_year() -> None:
    (m,) = find_dates("pada 20 Oktober", "id")
    assert m.year_by == "today"
    assert abs(m.value.year - dt.date.today().year) <= 1


def test_thai_buddhist_year() -> None:
    (m,) = find_dates("8 ตุลาคม 2564", "th")
    assert (m.value, m.year_by) == (dt.date(2021, 10, 8), "explicit")


# --- the match object ---------------------------------------------------------------------------


def test_match_fields() -> None:
    text = "Seperti dilansir AFP, Jumat (10/8/2021), utusan"
    (m,) = find_dates(text, "id")
    assert isinstance(m, DateMatch)
    assert m.text == text[m.start : m.end] == "Jumat (10/8/2021)"
    assert text[m.date_start : m.date_end] == "10/8/2021"
    assert (m.value, m.end_value, m.precision) == (dt.date(2021, 10, 8), None, "day")
    assert m.note == "order: weekday; year: explicit"
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.iso = "x"  # type: ignore[misc]


def test_range_fields() -> None:
    (m,) = find_dates("20-22 Oktober 2021", "id")
    assert (m.value, m.end_value) == (dt.date(2021, 10, 20), dt.date(2021, 10, 22))


def test_month_and_year() -> None:
    (m,) = find_dates("Oktober 2021", "id")
    assert (m.iso, m.precision, m.value) == ("2021-10", "month", dt.date(2021, 10, 1))


@pytest.mark.parametrize("reference", ["2021-10-08", dt.date(2021, 10, 8), dt.datetime(2021, 10, 8, 9, 30)])
def test_reference_types(reference: str | dt.date) -> None:
    assert [m.iso for m in find_dates("20 Oktober", "id", reference=reference)] == ["2021-10-20"]


def test_wrong_input_is_refused() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        find_dates("20 Oktober", "id", reference="8 Oktober")
    with pytest.raises(TypeError):
        find_dates("20 Oktober", "id", reference=20211008)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        find_dates(b"20 Oktober")  # type: ignore[arg-type]


# --- normalize_dates ----------------------------------------------------------------------------

NORMALIZED: list[tuple[str, str, str | None, str]] = [
    ("id", "Jumat (10/8/2021)", None, "Jumat (2021-10-08)"),
    ("en", "Thursday, Dec. 11, 2014", None, "Thursday, 2014-12-11"),
    ("en", "on Sunday, Jan. 11.", "2014-12-29", "on Sunday, 2015-01-11."),
    ("id", "pada 20-22 Oktober 2021.", None, "pada 2021-10-20/2021-10-22."),
    ("id", "sejak Oktober 2021", None, "sejak 2021-10"),
    ("zh", "2021年10月8日（星期五）", None, "2021-10-08（星期五）"),
    ("id", "Harga naik 5 persen.", None, "Harga naik 5 persen."),
    ("en", "Now 2021-10-08 and 2021-10-20/2021-10-22.", None, "Now 2021-10-08 and 2021-10-20/2021-10-22."),
]


@pytest.mark.parametrize(("lang", "text", "reference", "want"), NORMALIZED)
def test_normalize(lang: str, text: str, reference: str | None, want: str) -> None:
    assert normalize_dates(text, lang, reference=reference) == want


def test_normalize_keeps_dates_when_asked() -> None:
    ctx = make_context("Jumat (10/8/2021)", "id", dates="keep")
    assert list(normalize_dates.edits("Jumat (10/8/2021)", ctx)) == []


def test_normalize_edits_say_how() -> None:
    ctx = make_context("Jumat (10/8/2021)", "id")
    (edit,) = normalize_dates.edits("Jumat (10/8/2021)", ctx)
    assert (edit.rule, edit.before, edit.after, edit.note) == (
        "normalize_dates",
        "10/8/2021",
        "2021-10-08",
        "order: weekday; year: explicit",
    )


def test_normalize_takes_evidence_from_the_original() -> None:
    # the full date that gives the year is gone from the text by now; the original still has it
    original = "Jumat (10/8/2021) ...\n\npada 20 Oktober"
    ctx = make_context(original, "id")
    (edit,) = normalize_dates.edits("pada 20 Oktober", ctx)
    assert edit.after == "2021-10-20"


def test_clean_writes_iso_dates() -> None:
    text = "Seperti dilansir AFP, Jumat (10/8/2021), utusan Rusia datang."
    assert "Jumat (2021-10-08)" in newstext.clean(text, lang="id")
    kept = newstext.clean(text, lang="id", dates="keep")
    assert "Jumat (10/8/2021)" in kept


# --- properties and hostile input ---------------------------------------------------------------

DATEISH = st.text(alphabet="0123456789/.-–, ()OktoberJanMaySundayJumat年月日\n", max_size=60)


@given(st.text(max_size=200) | DATEISH, st.sampled_from([None, "en", "id", "zh"]))
@settings(max_examples=300, deadline=None)
def test_never_raises_and_text_is_the_slice(text: str, lang: str | None) -> None:
    for m in find_dates(text, lang, reference="2021-10-08"):
        assert text[m.start : m.end] == m.text
        assert m.start <= m.date_start < m.date_end <= m.end
        assert m.iso.startswith(m.value.isoformat()[: len(m.iso.split("/")[0])])
        assert len(m.text.splitlines()) == 1  # a date never spans a line break


@given(st.text(max_size=200) | DATEISH, st.sampled_from(["en", "id"]))
@settings(max_examples=300, deadline=None)
def test_normalize_is_idempotent(text: str, lang: str) -> None:
    once = normalize_dates(text, lang, reference="2021-10-08")
    assert normalize_dates(once, lang, reference="2021-10-08") == once


@pytest.mark.parametrize(
    "hostile",
    [
        "1/" * 500_000,
        "12/12/" * 170_000,
        "0123456789/-." * 80_000,
        "Oktober 1 " * 20_000,
        "Jumat (" * 150_000,
        "1" * 1_000_000,
    ],
    ids=["slashes", "day-month", "digits-punctuation", "names", "weekdays", "one-run"],
)
def test_hostile_input_finishes(hostile: str) -> None:
    found = find_dates(hostile, "id", reference="2021-10-08")
    assert all(hostile[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("hostile", "dates"),
    [
        ("12/10/2021 3/4/ 5/6/7/8/9 " * 20_000, 20_000),
        ("1.2.3 4.5 " * 50_000, 0),
        ("123 45 6 7890 " * 35_000, 0),
        ("12-10-21 " * 50_000, 50_000),
    ],
    ids=["digits-and-slashes", "digits-and-dots", "numbers", "dashes"],
)
def test_hostile_numbers_keep_their_dates(hostile: str, dates: int) -> None:
    # the prefilter passes over what cannot start a date; the real dates among it are all found
    assert len(find_dates(hostile, "id")) == dates


def test_every_name_starts_with_a_letter() -> None:
    """The prefilter (date_patterns.PREFILTER) looks, after a run of digits, for the first letter of
    a suffix, joiner, range word or name; a month name may start with digits before its letter
    ("10月"). A name that started otherwise could be missed there."""
    import regex

    names = calendar_names("und")
    words = [
        *names.weekdays,
        *names.joiners,
        *names.range_words,
        *names.year_suffixes,
        *names.month_prefixes,
        *(s for s in names.day_suffixes if s not in {".", "°"}),
    ]
    assert [w for w in words if not regex.match(r"\p{L}", w)] == []
    assert [m for m in names.months if not regex.match(r"\d{0,2}\p{L}", m)] == []


def test_white_space_around_the_original_gives_the_same_evidence() -> None:
    """normalize_dates scans the original for its evidence only when it differs from the text it is
    given by more than the white space around it (what earlier cleaners most often change)."""
    from newstext.dates import _evidence, _scan

    text = "Senin (10/8/2021) hujan. Pada 13/8/2021 reda. Kamis, 12 Agustus, pasar buka. 5/4"
    names = calendar_names("id")
    want = _evidence(_scan(text, names), None, lambda: "dm")
    for margin in (" ", "\n\n", "\t \u3000", "\x1c"):
        got = _evidence(_scan(margin + text + margin, names), None, lambda: "dm")
        assert (got.anchor, got.anchor_by, got.order) == (want.anchor, want.anchor_by, want.order)
    ctx = make_context(" \n" + text + " ", "id")
    assert [e.after for e in normalize_dates.edits(text, ctx)] == [
        e.after for e in normalize_dates.edits(text, make_context(text, "id"))
    ]


@pytest.mark.parametrize("tag", ["und", "en", "id", "zh", "th"])
@pytest.mark.parametrize(
    "text",
    [
        "12/10/2021 3/4/ 5/6/7/8/9",
        "2021-10-08, 2021-10-20/2021-10-22 dan 10.08.21",
        "Rapat 8/10/2021 (Jumat) lalu 08\u200f/10\u200f/2021, Senin",
        "1.5°C, 2020-2025, 6.918 dan 1-1 1/2-inch",
        "13/13/2021 http://a.id/10/8/2021 10-8-21 Cuma",
    ],
)
def test_numeric_forms_alone_match_as_the_full_pattern(tag: str, text: str) -> None:
    """Where a date starts with its digits, dates._scan tries the numeric forms alone first: where
    they match, the full pattern matches the same text with the same groups."""
    from newstext.date_patterns import numeric_pattern

    quick, full = numeric_pattern(tag), date_pattern(tag)
    assert quick is not None
    for at in range(len(text)):
        if not text[at].isdigit() or (at and text[at - 1].isdigit()):
            continue
        m = quick.match(text, at)
        if m is not None:
            want = full.match(text, at)
            assert want is not None
            assert want.span() == m.span()
            assert {k: want.group(k) for k in quick.groupindex} == m.groupdict()


def test_many_dates_in_a_long_text() -> None:
    text = "Kamis (5/6/2025) dan 20 Oktober. " * 5_000
    found = find_dates(text, "id")
    assert len(found) == 10_000
    assert {m.iso for m in found} == {"2025-06-05", "2025-10-20"}


# --- language data ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", available_languages())
def test_language_has_month_and_weekday_names(lang: str) -> None:
    names = calendar_names(lang)
    assert set(names.months.values()) == set(range(1, 13))
    assert set(names.weekdays.values()) == set(range(7))
    assert names.order in ("dm", "md")


@pytest.mark.parametrize("path", sorted(LANG_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_dates_table_entries_are_well_formed(path: Path) -> None:
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("dates", {})
    for key, top in (("month_aliases", 12), ("weekday_aliases", 7)):
        for entry in table.get(key, []):
            name, _, number = entry.rpartition("=")
            assert name.strip(), f"{path.name}: {key} entry {entry!r} has no name"
            assert number.isdigit(), f"{path.name}: {key} entry {entry!r} has no number"
            assert 1 <= int(number) <= top, f"{path.name}: {key} entry {entry!r} is out of range"
    assert table.get("order", "dmy") in ("dmy", "mdy", "ymd")


def test_pattern_cache_is_bounded() -> None:
    assert date_pattern.cache_info().maxsize == 64


# --- the real articles, read in place -----------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_corpus_gold_dates(article: Article) -> None:
    ref = article.meta.get("reference")
    found = find_dates(article.raw, article.lang, reference=ref)
    for gold in article.meta["dates"]:
        at = article.raw.index(gold["text"])
        hits = [m for m in found if m.start < at + len(gold["text"]) and m.end > at]
        assert any(m.iso.split("/")[0] == gold["iso"] for m in hits), (gold, [(m.text, m.iso) for m in hits])


@needs_corpus
def test_corpus_has_few_extras() -> None:
    extras = []
    for article in ARTICLES:
        spans = [(article.raw.index(g["text"]), len(g["text"])) for g in article.meta["dates"]]
        spans += [(article.raw.find(o), len(o)) for o in article.meta.get("optional_dates", [])]
        for m in find_dates(article.raw, article.lang, reference=article.meta.get("reference")):
            if not any(at >= 0 and m.start < at + n and m.end > at for at, n in spans):
                extras.append((article.id, m.text))
    assert len(extras) <= 2, extras


def test_seed_without_a_language(seed: Article) -> None:
    found = {m.text: m.iso for m in find_dates(seed.raw)}
    assert found == {
        "Jumat (10/8/2021)": "2021-10-08",
        "Senin (10/4)": "2021-10-04",
        "20 Oktober": "2021-10-20",
        "12 Oktober": "2021-10-12",
    }


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_corpus_normalize_is_idempotent(article: Article) -> None:
    ref = article.meta.get("reference")
    once = normalize_dates(article.raw, article.lang, reference=ref)
    assert normalize_dates(once, article.lang, reference=ref) == once


# --- the evidence of the article, worked out only when a date needs it ------------------------------------


@pytest.mark.parametrize(
    "original",
    [
        "Senin (10/8/2021) hujan. Pada 13/8/2021 reda. Kamis, 12 Agustus, pasar buka.",
        # the first date with a year is ambiguous: finding the anchor asks for the order of them all
        "Rapat 10/8/2021 ditunda. Pada 13/8/2021 reda; 14/8/2021 cerah. Kamis, 12 Agustus.",
        "Kamis, 12 Agustus, pasar buka; 5/4 tutup.",  # no date with a year: no anchor
    ],
)
def test_lazy_evidence_is_the_evidence(original: str) -> None:
    import datetime as dt

    from newstext.calendar_names import calendar_names
    from newstext.dates import _evidence, _LazyEvidence, _scan, _scanning

    names = calendar_names("id")
    for reference in (None, dt.date(2021, 8, 20)):
        eager = _evidence(_scan(original, names), reference, lambda: "dm")
        # asked in either order: the anchor first reads only the first dates, the order all of them
        lazy = _LazyEvidence(_scanning(original, names), reference, lambda: "dm")
        assert (lazy.anchor, lazy.anchor_by, lazy.order) == (eager.anchor, eager.anchor_by, eager.order)
        lazy = _LazyEvidence(_scanning(original, names), reference, lambda: "dm")
        assert (lazy.order, lazy.anchor, lazy.anchor_by) == (eager.order, eager.anchor, eager.anchor_by)
        assert lazy.convention() == eager.convention()


# --- regressions found by fuzzing ---------------------------------------------------------------

LINE_BREAKS = ["\n", "\r\n", "\u2028", "\x0b"]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        (
            "fr",
            "Reportage JT 13 heures de France 2\n- 1er décembre 2019 : Article Libération",
            "Reportage JT 13 heures de France 2\n- 2019-12-01 : Article Libération",
        ),
        ("fr", "Liste 3\n- 9 juin 2016 : manifestation", "Liste 3\n- 2016-06-09 : manifestation"),
    ],
)
def test_a_date_never_spans_a_line_break(lang: str, text: str, want: str) -> None:
    assert newstext.clean(text, lang) == want
    assert newstext.clean(want, lang) == want


@pytest.mark.parametrize("brk", LINE_BREAKS)
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("id", "20 - 22 Oktober 2021"),  # range dash
        ("id", "9 hingga 10 Juni 2021"),  # range word
        ("id", "9 sampai dengan 10 Juni 2021"),
        ("id", "28 September - 2 Oktober 2021"),
        ("en", "Oct. 20 - 22, 2021"),
        ("en", "Thursday, Dec. 11, 2014"),
        ("es", "8 de octubre de 2021"),
        ("de", "8. 10. 2021"),
        ("zh", "2021年 10月 8日"),
        ("id", "Senin pagi (16/6/2025)"),
        ("tr", "8 Ekim 2021 Cuma"),
    ],
)
def test_no_separator_of_a_date_is_a_line_break(lang: str, text: str, brk: str) -> None:
    assert find_dates(text, lang), text  # one line: found
    for i, ch in enumerate(text):
        if ch == " ":
            broken = text[:i] + brk + text[i + 1 :]
            for m in find_dates(broken, lang, reference="2021-10-08"):
                assert brk not in m.text, (broken, m.text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Staffel startet am Mittwoch, 9. Februar. Sie endet am 17. Februar."),
        ("es", "La carrera será el viernes 22 de abril. Termina el 24 de abril."),
        ("id", "Pada Senin (10/4) waktu setempat, dan 20 Oktober."),
    ],
)
def test_a_weekday_alone_gives_clean_no_year(lang: str, text: str) -> None:
    # no reference, no year in the article: a weekday picks a year near today, a guess; clean()
    # leaves the date as written (writing it made it the anchor of the other dates on a 2nd pass)
    found = find_dates(text, lang)
    assert [m.year_by.split("+")[0] for m in found] == ["today", "today"]
    assert found[0].year_by == "today+weekday"
    once = newstext.clean(text, lang)
    assert once == text
    assert newstext.clean(once, lang) == once


def test_a_weekday_with_a_reference_is_written() -> None:
    text = "Die Staffel startet am Mittwoch, 9. Februar. Sie endet am 17. Februar."
    want = "Die Staffel startet am Mittwoch, 2022-02-09. Sie endet am 2022-02-17."
    assert newstext.clean(text, "de", reference="2022-01-20") == want
    assert newstext.clean(want, "de", reference="2022-01-20") == want
    dated = "Am 3. Januar 2022: " + text  # the article's own year: written, and stable
    once = newstext.clean(dated, "de")
    assert once == "Am 2022-01-03: " + want
    assert newstext.clean(once, "de") == once


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("fr", "Campagne avril-juin 2018", "Campagne 2018-04/2018-06"),
        ("en", "Campaign April-June 2018", "Campaign 2018-04/2018-06"),
        ("id", "Kampanye Januari-Maret 2020", "Kampanye 2020-01/2020-03"),
        ("id", "Kampanye Januari sampai Maret 2020", "Kampanye 2020-01/2020-03"),
        ("de", "von Mai bis Juli 2019", "von 2019-05/2019-07"),
        ("fr", "juin 2018-avril 2019", "2018-06/2019-04"),
        ("fr", "l'hiver décembre-février 2019", "l'hiver 2018-12/2019-02"),
        # no range newstext can read: left as written, never half rewritten ("avril-2018-06")
        ("fr", "avril-avril 2018", "avril-avril 2018"),
        ("fr", "juin 2018-avril 2017", "juin 2018-avril 2017"),
        ("fr", "à la mi-juin 2018", "à la mi-juin 2018"),
        # spaced apart, two dates of their own
        ("fr", "juin 2018 - avril 2017", "2018-06 - 2017-04"),
    ],
)
def test_a_month_range_is_one_interval_or_left_as_written(lang: str, text: str, want: str) -> None:
    once = newstext.clean(text, lang)
    assert once == want
    assert newstext.clean(once, lang) == once


def test_month_range_fields() -> None:
    (m,) = find_dates("Campagne avril-juin 2018", "fr")
    assert (m.text, m.iso, m.precision) == ("avril-juin 2018", "2018-04/2018-06", "month")
    assert (m.value, m.end_value) == (dt.date(2018, 4, 1), dt.date(2018, 6, 30))
    (m,) = find_dates("décembre-février 2020", "fr")
    assert (m.value, m.end_value) == (dt.date(2019, 12, 1), dt.date(2020, 2, 29))


@pytest.mark.parametrize(
    "text",
    [
        "12/10/2021 3/4/ 5/6/7/8/9 " * 3,
        "8 Oktober 2021-3-4-5-6-7-8 dan 10/8/2021",  # a chain goes on past the date's end
        "8 Oktober 2021-3/4/2021, 2021年10月8日12/10/2021",
        "Jumat (10/8/2021)/3/4/2020 dan Senin 10/4-3/4/2021",
        "Rapat 8/10/2021 (Jumat) 9/10/2021, Sabtu 1.2.3.4.5.6.7",
    ],
)
@pytest.mark.parametrize("tag", ["id", "und"])
def test_scan_resumes_after_a_date_as_if_it_walked_every_run(
    text: str, tag: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dates._scanning searches on from a date's end where no prefilter match can straddle it:
    the dates are those of the walk over every match (which dates._straddled always asks for)."""
    from newstext import dates

    names = calendar_names(tag)
    got = dates._scan(text, names)
    monkeypatch.setattr(dates, "_straddled", lambda text, at: True)
    assert got == dates._scan(text, names)
