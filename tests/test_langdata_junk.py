"""Every language file's [junk] table: valid against the schema, fast to scan, and right on real lines."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from newstext import Pipeline, drop_boilerplate, drop_credits, drop_feed_footers, drop_related_links
from newstext.junkdata import junk_data
from newstext.langdata import SCHEMA, available_languages, load_language, read_language_file

DATA = Path(__file__).resolve().parents[1] / "newstext" / "data" / "lang"
JUNK = Pipeline([drop_boilerplate, drop_related_links, drop_feed_footers, drop_credits])

# tag: (a story sentence that must stay, a related-link line, a credit line) — written for each
# language the way its news sites print them
CASES: dict[str, tuple[str, str, str]] = {
    "ar": (
        "قال وزير المالية إن الحكومة ستخفض الضرائب على الشركات الصغيرة العام المقبل.",
        "اقرأ أيضا: الحكومة تعلن خطة جديدة للنقل العام",
        "المصدر: رويترز",
    ),
    "bn": (
        "অর্থমন্ত্রী বলেছেন, আগামী বছর ছোট ব্যবসার কর কমানো হবে।",
        "আরও পড়ুন: ঢাকায় নতুন মেট্রো লাইন চালু হচ্ছে",
        "সূত্র: বাসস",
    ),
    "cs": (
        "Ministr financí řekl, že vláda příští rok sníží daně malým firmám.",
        "Čtěte také: Vláda schválila nový rozpočet na příští rok",
        "Zdroj: ČTK",
    ),
    "da": (
        "Finansministeren sagde, at regeringen vil sænke skatten for små virksomheder næste år.",
        "Læs også: Regeringen fremlægger ny klimaplan",
        "Kilde: Ritzau",
    ),
    "de": (
        "Der Finanzminister sagte, die Regierung werde die Steuern für kleine Firmen senken.",
        "Lesen Sie auch: Bahn streicht Verbindungen nach München",
        "Quelle: dpa",
    ),
    "el": (
        "Ο υπουργός Οικονομικών είπε ότι η κυβέρνηση θα μειώσει τους φόρους του χρόνου.",
        "Διαβάστε επίσης: Νέα μέτρα για την ακρίβεια από την κυβέρνηση",
        "Πηγή: ΑΠΕ-ΜΠΕ",
    ),
    "en": (
        "The finance minister said the government would cut taxes for small firms next year.",
        "Read more: Government Unveils New Plan for Public Transport",
        "Source: Reuters",
    ),
    "es": (
        "El ministro de Hacienda dijo que el Gobierno bajará los impuestos a las pymes.",
        "Lee también: El Gobierno anuncia nuevas medidas económicas",
        "Fuente: EFE",
    ),
    "fa": (
        "وزیر اقتصاد گفت دولت سال آینده مالیات شرکت‌های کوچک را کاهش می‌دهد.",
        "بیشتر بخوانید: دولت طرح جدید حمل و نقل عمومی را اعلام کرد",
        "منبع: ایرنا",
    ),
    "fi": (
        "Valtiovarainministeri sanoi, että hallitus laskee pienyritysten veroja ensi vuonna.",
        "Lue myös: Hallitus esittelee uuden ilmastosuunnitelman",
        "Lähde: STT",
    ),
    "fr": (
        "Le ministre des Finances a annoncé une baisse des impôts pour les petites entreprises.",
        "À lire aussi : La réforme des retraites adoptée au Sénat",
        "Source : AFP",
    ),
    "he": (
        "שר האוצר אמר כי הממשלה תוריד את המסים לעסקים קטנים בשנה הבאה.",
        "קראו גם: הממשלה מציגה תוכנית חדשה לתחבורה ציבורית",
        "מקור: רויטרס",
    ),
    "hi": (
        "वित्त मंत्री ने कहा कि सरकार अगले साल छोटे कारोबारियों पर टैक्स घटाएगी।",
        "यह भी पढ़ें: सरकार ने सार्वजनिक परिवहन की नई योजना घोषित की",
        "स्रोत: पीटीआई",
    ),
    "hu": (
        "A pénzügyminiszter szerint a kormány jövőre csökkenti a kisvállalkozások adóit.",
        "Kapcsolódó cikkek: Új közlekedési tervet mutatott be a kormány",
        "Forrás: MTI",
    ),
    "id": (
        "Menteri Keuangan mengatakan pemerintah akan menurunkan pajak usaha kecil tahun depan.",
        "Baca juga: Pemerintah Umumkan Rencana Baru Transportasi Umum",
        "Sumber: Antara",
    ),
    "it": (
        "Il ministro dell'Economia ha detto che il governo taglierà le tasse alle piccole imprese.",
        "Leggi anche: Il governo approva la manovra economica",
        "Fonte: ANSA",
    ),
    "ja": (
        "財務相は来年、中小企業の税負担を軽減する方針を示した。",
        "関連記事：政府が公共交通の新計画を発表",
        "出典：共同通信",
    ),
    "ko": (
        "기획재정부 장관은 내년에 중소기업의 세금을 줄이겠다고 밝혔다.",
        "관련기사: 정부, 대중교통 새 계획 발표",
        "출처: 연합뉴스",
    ),
    "ms": (
        "Menteri Kewangan berkata kerajaan akan mengurangkan cukai perniagaan kecil tahun depan.",
        "Baca juga: Kerajaan Umum Pelan Baharu Pengangkutan Awam",
        "Sumber: Bernama",
    ),
    "nl": (
        "De minister van Financiën zei dat het kabinet de belasting voor kleine bedrijven verlaagt.",
        "Lees ook: Kabinet presenteert nieuwe klimaatplannen",
        "Bron: ANP",
    ),
    "no": (
        "Finansministeren sa at regjeringen vil senke skatten for små bedrifter neste år.",
        "Les også: Regjeringen legger fram ny klimaplan",
        "Kilde: NTB",
    ),
    "pl": (
        "Minister finansów powiedział, że rząd obniży podatki dla małych firm w przyszłym roku.",
        "Czytaj też: Rząd przyjął nowy budżet na przyszły rok",
        "Źródło: PAP",
    ),
    "pt": (
        "O ministro da Fazenda disse que o governo vai reduzir os impostos das pequenas empresas.",
        "Leia também: Governo anuncia novo pacote de obras",
        "Fonte: Agência Brasil",
    ),
    "ro": (
        "Ministrul Finanțelor a spus că guvernul va reduce taxele pentru firmele mici.",
        "Citește și: Guvernul a aprobat bugetul pentru anul viitor",
        "Sursa: Agerpres",
    ),
    "ru": (
        "Министр финансов заявил, что правительство снизит налоги для малого бизнеса.",
        "Читайте также: Правительство утвердило новый бюджет",
        "Источник: ТАСС",
    ),
    "sv": (
        "Finansministern sa att regeringen ska sänka skatten för små företag nästa år.",
        "Läs också: Regeringen presenterar ny klimatplan",
        "Källa: TT",
    ),
    "sw": (
        "Waziri wa Fedha alisema serikali itapunguza kodi kwa biashara ndogo mwakani.",
        "Soma pia: Serikali Yatangaza Mpango Mpya wa Usafiri wa Umma",
        "Chanzo: Reuters",
    ),
    "th": (
        "รัฐมนตรีคลังกล่าวว่ารัฐบาลจะลดภาษีให้ธุรกิจขนาดเล็กในปีหน้า",
        "อ่านเพิ่มเติม: รัฐบาลเปิดแผนขนส่งสาธารณะใหม่",
        "ที่มา: รอยเตอร์",
    ),
    "tl": (
        "Sinabi ng kalihim ng pananalapi na babawasan ng gobyerno ang buwis ng maliliit na negosyo.",
        "Basahin din: Bagong Plano sa Pampublikong Transportasyon, Inilabas ng Gobyerno",
        "Pinagmulan: Reuters",
    ),
    "tr": (
        "Maliye Bakanı, hükümetin gelecek yıl küçük işletmelerin vergilerini düşüreceğini söyledi.",
        "Ayrıca okuyun: Merkez Bankası faiz kararını açıkladı",
        "Kaynak: AA",
    ),
    "uk": (
        "Міністр фінансів заявив, що уряд знизить податки для малого бізнесу.",
        "Читайте також: Уряд затвердив новий бюджет",
        "Джерело: Укрінформ",
    ),
    "ur": (
        "وزیر خزانہ نے کہا کہ حکومت اگلے سال چھوٹے کاروبار پر ٹیکس کم کرے گی۔",
        "یہ بھی پڑھیں: حکومت نے پبلک ٹرانسپورٹ کا نیا منصوبہ پیش کر دیا",
        "ذریعہ: اے پی پی",
    ),
    "vi": (
        "Bộ trưởng Tài chính cho biết chính phủ sẽ giảm thuế cho doanh nghiệp nhỏ vào năm tới.",
        "Xem thêm: Giá xăng dầu tăng mạnh từ chiều nay",
        "Nguồn: TTXVN",
    ),
    "zh": ("财政部长表示，政府明年将为小企业减税。", "相关新闻：中美经贸磋商取得新进展", "（编辑：王辉）"),
}

JUNK_KEYS = set(SCHEMA["junk"])


def files() -> list[Path]:
    return sorted(DATA.glob("*.toml"))


def test_every_language_file_has_a_case() -> None:
    assert {p.stem for p in files()} == set(CASES)
    assert len(CASES) >= 25


@pytest.mark.parametrize("path", files(), ids=lambda p: p.stem)
def test_junk_table_follows_the_schema(path: Path) -> None:
    doc = read_language_file(path)
    junk = doc.get("junk")
    assert junk is not None, f"{path.name} has no [junk] table"
    assert set(junk) <= JUNK_KEYS
    for key in ("related_labels", "boilerplate_lines", "source_labels", "photo_labels"):
        assert junk.get(key), f"{path.name}: junk.{key} is empty"
    for key, values in junk.items():
        assert len(values) == len(set(values)), f"{path.name}: junk.{key} repeats an entry"
        for value in values:
            assert value, f"{path.name}: junk.{key} has an empty entry"
            assert value.strip() == value, f"{path.name}: junk.{key} has {value!r}"
            if key.endswith("_patterns"):
                regex.compile(value)  # a bad pattern raises, naming itself


@pytest.mark.parametrize("tag", available_languages())
def test_every_pattern_can_be_found_without_a_full_scan(tag: str) -> None:
    """A pattern that starts neither with ^ and a literal nor holds a literal word makes every
    text slow: the shipped data has none."""
    jd = junk_data(load_language(tag))
    for scanner in (jd.related, jd.boilerplate, jd.footers, jd.credits):
        assert not scanner.loose, [scanner.entries[i].source for i in scanner.loose]


@pytest.mark.parametrize("tag", sorted(CASES))
def test_realistic_lines(tag: str) -> None:
    story, related, credit = CASES[tag]
    text = f"{story}\n{related}\n{story}\n{credit}"
    assert JUNK.clean(text, lang=tag) == f"{story}\n{story}"


@pytest.mark.parametrize("tag", sorted(CASES))
def test_story_sentences_stay(tag: str) -> None:
    story = CASES[tag][0]
    text = f"{story}\n{story}"
    assert JUNK.clean(text, lang=tag) == text


def test_related_label_of_each_file_works_alone() -> None:
    """Each file's own labels, with a headline after a colon, remove the line in its language."""
    for tag in available_languages():
        story = CASES[tag][0]
        for label in load_language(tag).strings("junk", "related_labels"):
            line = f"{label.rstrip(':')}: {CASES[tag][1].split(':', 1)[-1].split('：', 1)[-1].strip()}"
            out = drop_related_links(f"{story}\n{line}", lang=tag)
            assert out == story, (tag, line)


def test_user_file_extends_a_language(tmp_path: Path) -> None:
    (tmp_path / "id.toml").write_text('[junk]\nrelated_labels = ["Simak berita lainnya"]\n', encoding="utf-8")
    from newstext.context import make_context

    story = CASES["id"][0]
    text = f"{story}\nSimak berita lainnya: Harga Emas Naik Lagi"
    ctx = make_context(text, "id", data_paths=[tmp_path])
    assert drop_related_links.apply(text, ctx) == story


def test_unknown_language_still_gets_language_neutral_and_multiword_rules() -> None:
    story = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor."
    text = f"{story}\nRead more: Lorem Ipsum Dolor Sit Amet\n(fbr/wes)\n© AFP / John Doe"
    assert JUNK.clean(text, lang="und") == story
