"""Every language file's [junk] table: valid against the schema, fast to scan, and right on real lines."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import regex

import newstext
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

# tag: lines of junk, each of which must go whole, written the way the language's news sites print
# them (related-link labels, promos, comment forms, cookie and copyright lines, feed footers, credits,
# captions, tag lines); the files' [junk] and [tags] tables are what removes them
JUNK_LINES: dict[str, list[str]] = {
    "ar": [
        "اقرأ ايضا: الحكومة تعلن خطة جديدة للنقل العام",
        "أخبار متعلقة",
        "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
        "تابعونا على فيسبوك وتويتر",
        "© 2024 الجزيرة. جميع الحقوق محفوظة",
        "ظهرت المقالة الحكومة تعلن خطة جديدة أولاً على موقع الأخبار.",
        "كتبت: سارة محمد",
        "مصدر الصورة، Getty Images",
        "الكلمات الدالة: الاقتصاد، الضرائب، الحكومة",
    ],
    "bn": [
        "ছবিঃ সংগৃহীত",
        "সূত্রঃ বাসস",
        "আরও পড়ুনঃ ঢাকায় নতুন মেট্রো লাইন চালু হচ্ছে",
        "এ সম্পর্কিত আরও খবর: ঢাকায় নতুন মেট্রো লাইন চালু হচ্ছে",
        "সর্বশেষ খবর পেতে আমাদের গুগল নিউজ চ্যানেল ফলো করুন",
        "নিজস্ব প্রতিবেদক",
        "ছবি: সংগৃহীত",
        "শেয়ার",
    ],
    "cs": [
        "Čtěte více: Vláda schválila nový rozpočet na příští rok",
        "Vaše e-mailová adresa nebude zveřejněna. Vyžadované informace jsou označeny *",
        "© 2024 Economia, a.s. Všechna práva vyhrazena.",
        "Zdroj foto: ČTK",
        "Komerční sdělení",
        "Štítky: rozpočet, vláda, daně",
    ],
    "da": [
        "Af Jens Hansen",
        "Læs også: Regeringen fremlægger ny klimaplan",
        "Din e-mailadresse vil ikke blive publiceret. Krævede felter er markeret med *",
        "Tilmeld dig vores nyhedsbrev og få dagens vigtigste nyheder",
        "Alle rettigheder forbeholdes",
        "Foto: Ritzau Scanpix",
    ],
    "de": [
        "Lesen Sie auch: Bahn streicht Verbindungen nach München",
        "Foto: dpa",
    ],
    "el": [
        "ΔΕΙΤΕ ΑΚΟΜΑ: Τι αλλάζει στις συντάξεις",
        "ΔΙΑΦΗΜΙΣΗ",
        "ΣΧΕΤΙΚΑ ΑΡΘΡΑ",
        "ΕΤΙΚΕΤΕΣ: οικονομία, φόροι",
        "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ: Νέα μέτρα για την ακρίβεια από την κυβέρνηση",
        "Δείτε ακόμα: Τι αλλάζει στις συντάξεις",
        "Με επιφύλαξη παντός δικαιώματος",
        "Πηγή φωτογραφίας: Eurokinissi",
    ],
    "en": [
        "Read more: Government Unveils New Plan for Public Transport",
        "Leave a Reply",
        "Photo: Reuters",
    ],
    "es": [
        "LEA TAMBIÉN: El Gobierno anuncia nuevas medidas económicas",
        "Noticias recomendadas",
        "Te podría interesar: Así quedó el mapa electoral tras los comicios",
        "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
        "Sigue toda la información de Internacional en Facebook y X, o en nuestra newsletter semanal.",
        "Todos los derechos reservados",
        "Continúa después de la publicidad",
        "La entrada El Gobierno anuncia nuevas medidas se publicó primero en Diario Ejemplo.",
        "Por Juan Pérez",
        "Con información de EFE y AFP",
        "Redacción: Agencia EFE",
        "Foto de archivo: Reuters",
        "Fuente de la imagen, Getty Images",
        "Archivado en: economía, impuestos, Gobierno",
        "Tiempo de lectura: 3 min",
    ],
    "fa": [
        "بیشتر بخوانید: دولت طرح جدید حمل و نقل عمومی را اعلام کرد",
        "انتهای پیام",
        "نشانی ایمیل شما منتشر نخواهد شد. بخش‌های موردنیاز علامت‌گذاری شده‌اند *",
        "منبع تصویر، Getty Images",
        "برچسب‌ها: اقتصاد، مالیات، دولت",
    ],
    "fi": [
        "Lue myös: Hallitus esittelee uuden ilmastosuunnitelman",
        "Sähköpostiosoitettasi ei julkaista. Pakolliset kentät on merkitty *",
        "Kaikki oikeudet pidätetään",
        "Kuva: Lehtikuva",
        "Juttua päivitetty 12.3. klo 15.10",
    ],
    "fr": [
        "LIRE AUSSI : La réforme des retraites adoptée au Sénat",
        "À lire aussi | Les députés rejettent la motion de censure",
        "Sur le même sujet",
        "Il vous reste 78.45% de cet article à lire. La suite est réservée aux abonnés.",
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
        "Suivez-nous sur Facebook et Instagram",
        "La suite après cette publicité",
        "L’article La réforme des retraites adoptée est apparu en premier sur Le Journal.",
        "Cet article est paru d'abord sur The Conversation.",
        "Par Jean Dupont",
        "Avec AFP",
        "Crédit photo : AFP",
        "Mots-clés : retraites, Sénat, réforme",
        "Temps de lecture : 4 min",
        "Légende image, Le président lors de sa visite à Dakar",
    ],
    "he": [
        "קראו גם: הממשלה מציגה תוכנית חדשה לתחבורה ציבורית",
        "כתובת האימייל שלך לא תפורסם. שדות החובה מסומנים *",
        "הפוסט הממשלה מציגה תוכנית חדשה הופיע לראשונה ב-חדשות היום",
        "צילום: רויטרס",
    ],
    "hi": [
        "ये भी पढ़ें: सरकार ने सार्वजनिक परिवहन की नई योजना घोषित की",
        "देश-दुनिया की ताज़ा ख़बरों के लिए हमें फेसबुक पर फॉलो करें",
        "इमेज स्रोत, Getty Images",
        "फोटो साभार: सोशल मीडिया",
    ],
    "hu": [
        "Ezt is ajánljuk: Új közlekedési tervet mutatott be a kormány",
        "Az e-mail-címet nem tesszük közzé. A kötelező mezőket * karakterrel jelöltük",
        "Minden jog fenntartva",
        "Fotó: MTI",
    ],
    "id": [
        "Baca juga: Pemerintah Umumkan Rencana Baru Transportasi Umum",
        "Penulis: Budi Santoso",
    ],
    "it": [
        "LEGGI ANCHE: Il governo approva la manovra economica",
        "Ti potrebbe interessare anche: La Borsa chiude in rialzo",
        "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
        "Riproduzione riservata",
        "L'articolo Il governo approva la manovra proviene da Notizie Oggi.",
        "Foto di repertorio: ANSA",
        "Argomenti: governo, manovra, tasse",
    ],
    "ja": [
        "【関連記事】政府が公共交通の新計画を発表",
        "関連記事：政府が公共交通の新計画を発表",
        "残り1234文字（全文2345文字）",
        "この記事は有料会員限定です。",
        "写真：共同通信",
        "ページの先頭へ",
        "画像提供, Getty Images",
    ],
    "ko": [
        "사진=연합뉴스",
        "관련기사: 정부, 대중교통 새 계획 발표",
        "이 시각 많이 본 뉴스",
        "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>",
        "홍길동 기자 hong@yna.co.kr",
        "사진 출처: 연합뉴스",
        "사진 설명, 기자회견하는 장관",
    ],
    "ms": [
        "Baca lagi: Kerajaan Umum Pelan Baharu Pengangkutan Awam",
        "Alamat e-mel anda tidak akan disiarkan. Medan diperlukan ditanda *",
        "Hak cipta terpelihara",
        "Gambar hiasan",
        "Sumber: Bernama",
    ],
    "nl": [
        "Door Jan Jansen",
        "Door Jan van der Berg",
        "Lees ook: Kabinet presenteert nieuwe klimaatplannen",
        "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
        "Het bericht Kabinet presenteert nieuwe klimaatplannen verscheen eerst op Nieuwsblad.",
        "Alle rechten voorbehouden",
        "Foto: ANP",
    ],
    "no": [
        "Av Ola Nordmann",
        "Les også: Regjeringen legger fram ny klimaplan",
        "Din e-postadresse vil ikke bli publisert. Obligatoriske felt er merket med *",
        "Innlegget Regjeringen legger fram ny klimaplan dukket først opp på Nyhetsbloggen.",
        "Foto: NTB",
    ],
    "pl": [
        "ZOBACZ: Rząd przyjął nowy budżet na przyszły rok",
        "Czytaj też: Sejm uchwalił nową ustawę o podatkach",
        "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *",
        "Wszelkie prawa zastrzeżone",
        "Artykuł Rząd przyjął nowy budżet pochodzi z serwisu Wiadomości.",
        "Fot. PAP/Leszek Szymański",
        "Źródło zdjęcia: PAP",
    ],
    "pt": [
        "Leia também: Governo anuncia novo pacote de obras",
        "Veja também",
        "O seu endereço de e-mail não será publicado. Campos obrigatórios são marcados com *",
        "Continua após a publicidade",
        "O post Governo anuncia novo pacote de obras apareceu primeiro em Jornal Exemplo.",
        "Da Redação",
        "Com informações da Agência Brasil",
        "Foto: Reprodução/Instagram",
        "Palavras-chave: governo, obras, economia",
        "Crédito, Getty Images",
    ],
    "ro": [
        "Citeste si: Guvernul a aprobat bugetul pentru anul viitor",
        "Adresa ta de email nu va fi publicată. Câmpurile obligatorii sunt marcate cu *",
        "Toate drepturile rezervate",
        "Sursa foto: Inquam Photos",
    ],
    "ru": [
        "Читайте также: Правительство утвердило новый бюджет",
        "Новости по теме",
        "Подписывайтесь на «Газету.Ru» в Дзен и Telegram.",
        "Нашли ошибку? Выделите её и нажмите Ctrl+Enter",
        "При полном или частичном использовании материалов ссылка обязательна.",
        "Автор фото, Getty Images",
        "Фото: РИА Новости",
        "Теги: бюджет, правительство, налоги",
    ],
    "sv": [
        "Av Anna Svensson",
        "Läs också: Regeringen presenterar ny klimatplan",
        "Din e-postadress kommer inte publiceras. Obligatoriska fält är märkta *",
        "Inlägget Regeringen presenterar ny klimatplan dök först upp på Nyhetsbloggen.",
        "Foto: TT",
    ],
    "sw": [
        "Na Juma Hamisi",
        "Soma pia: Serikali Yatangaza Mpango Mpya wa Usafiri wa Umma",
        "Chanzo cha picha, Getty Images",
        "Na Mwandishi Wetu",
        "Unaweza pia kusoma: Serikali Yatangaza Mpango Mpya",
        "Picha: Maktaba",
    ],
    "th": [
        "อ่านเพิ่มเติม: รัฐบาลเปิดแผนขนส่งสาธารณะใหม่",
        "ติดตามข่าวสารได้ที่ Facebook ของเรา",
        "ขอบคุณภาพ: รอยเตอร์",
        "ที่มาของภาพ, Getty Images",
    ],
    "tl": [
        "Basahin din: Bagong Plano sa Pampublikong Transportasyon, Inilabas ng Gobyerno",
        "Larawan: Reuters",
    ],
    "tr": [
        "İLGİLİ HABERLER",
        "AYRICA OKUYUN: Merkez Bankası faiz kararını açıkladı",
        "BUNLAR DA İLGİNİZİ ÇEKEBİLİR",
        "ETİKETLER: ekonomi, faiz",
        "İLGİLİ HABER: Merkez Bankası faiz kararını açıkladı",
        "E-posta adresiniz yayınlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir",
        "Güncel haberler için Google News'ten bizi takip edin",
        "Tüm hakları saklıdır.",
        "Fotoğraf: AA",
        "Etiketler: ekonomi, faiz, enflasyon",
        "Fotoğraf altı yazısı, Bakan açıklama yaptı",
    ],
    "uk": [
        "Читайте також: Уряд затвердив новий бюджет",
        "Читайте нас у Telegram",
        "Помітили помилку? Виділіть її та натисніть Ctrl+Enter",
        "Фото: Укрінформ",
    ],
    "ur": [
        "یہ بھی پڑھیں: حکومت نے پبلک ٹرانسپورٹ کا نیا منصوبہ پیش کر دیا",
        "تصویر: اے ایف پی",
    ],
    "vi": [
        "Xem thêm: Giá xăng dầu tăng mạnh từ chiều nay",
        "Bài và ảnh: Minh Anh",
        'Ghi rõ nguồn "Báo Ví Dụ" khi phát hành lại thông tin từ website này.',
        "Nguồn hình ảnh, Getty Images",
        "Từ khóa: giá xăng, kinh tế",
    ],
    "zh": [
        "（完）",
        "完",  # the end mark alone, keyed as the one-character label is
        "(完)",
        "【相关阅读】中美经贸磋商取得新进展",
        "（相关阅读）中美经贸磋商取得新进展",
        "相关阅读：中美经贸磋商取得新进展",
        "免责声明：本文仅代表作者个人观点，与本网无关。",
        "原标题：中美经贸磋商取得新进展",
        "责任编辑：王辉",
        "图像来源，Getty Images",
        "图像加注文字，中国外交部发言人",
    ],
}

# tag: story sentences that must stay as they are: they start with or hold words that junk phrases
# also use ("Por último", "Ayrıca", "Leggi razziali", "Theo Bộ Y tế", "제보 전화가")
STORY_LINES: dict[str, list[str]] = {
    "ar": [
        "تابع الوزير في بيان نشره على فيسبوك أن الحكومة ستواصل دعم الشركات الصغيرة.",
        "اقرأ أيضا في هذا السياق ما قاله الوزير أمام البرلمان عن الضرائب والإنفاق العام.",
    ],
    "bn": ["সর্বশেষ খবর অনুযায়ী, আগামী বছর ছোট ব্যবসার কর কমানো হবে বলে জানিয়েছেন অর্থমন্ত্রী।"],
    "cs": [
        "Podívejte se, jak vypadá nová stanice metra na Vinohradech, vyzval novináře starosta.",
        "Zdroj z ministerstva uvedl, že rozpočet bude schválen ještě tento týden.",
    ],
    "da": [
        "Af og til regner det i København, sagde meteorologen.",
        "Læs mere om reglerne på kommunens hjemmeside, sagde borgmesteren til Ritzau onsdag.",
    ],
    "de": ["Lesen Sie mehr als nur Schlagzeilen, rät die Medienforscherin ihren Studenten seit Jahren."],
    "el": ["Διαβάστε επίσης προσεκτικά τους όρους, προειδοποίησε ο υπουργός τους καταναλωτές."],
    "en": [
        "Source = the truth, he said, is more complicated than it seems.",
        "(Read more) and you will find that the story is more complicated than it seems.",
        "Read more widely, and you will find that the story is more complicated than it seems.",
    ],
    "es": [
        "Por último, el ministro anunció que el Gobierno bajará el IVA de los alimentos.",
        "Más información sobre el virus llegará en los próximos días, dijo la portavoz del ministerio.",
        "Con información de inteligencia, la policía detuvo a tres personas en Madrid.",
        "Por Dios y por la patria, gritaban los manifestantes frente al Congreso.",
        "Actualizado en 2019, el censo muestra que la población creció un 5 por ciento.",
        "Lee también las cartas que su madre le escribió durante la guerra, contó la autora.",
        "Sigue leyendo el informe y verás que los datos no cuadran, advirtió el economista.",
        "Ver más allá de la crisis es lo que pide el sector, según la patronal.",
        "Te recomendamos que no salgas de casa, dijo el alcalde a los vecinos.",
    ],
    "fa": ["بخوانید و ببینید که دولت چه وعده‌هایی داده بود، این را نماینده مجلس گفت."],
    "fi": ["Lue lisää siitä, miten uusi laki vaikuttaa sinuun, kehotti ministeri tiedotteessa."],
    "fr": [
        "Par ailleurs, le gouvernement a annoncé une baisse des impôts pour les petites entreprises.",
        "Lire aussi entre les lignes est une habitude que les diplomates cultivent depuis longtemps.",
        "Suivez le guide, a lancé le ministre aux journalistes venus visiter le chantier.",
        "Avec AFP et Reuters, l'agence a signé un accord de partage de photos, a annoncé la direction.",
        "Mis à jour en 2019, le plan prévoit la construction de 500 logements sociaux dans la ville.",
        "Source de tensions, la réforme divise la majorité depuis plusieurs semaines.",
        "À découvrir absolument, selon le guide, les ruelles du vieux port et leurs cafés.",
        "Vous aimerez aussi la nouvelle saison, promet la chaîne dans un communiqué.",
        "Avec l'AFP, le quotidien a publié une enquête sur les finances du parti.",
    ],
    "he": ["קראו גם את המכתב ששלח השר לראש הממשלה, כתבו חברי הכנסת בהודעה משותפת."],
    "hi": ["किसानों की खबरों के लिए सरकार ने नया पोर्टल शुरू किया है, मंत्री ने बताया।"],
    "hu": ["Olvassa el figyelmesen a szerződést aláírás előtt, tanácsolta a fogyasztóvédelmi hatóság."],
    "id": ["Baca juga buku-buku sejarah, kata guru itu kepada murid-muridnya di Jakarta."],
    "it": [
        "Leggi razziali del 1938, la mostra apre a Roma con documenti inediti e fotografie.",
        "Di Maio ha detto che il governo taglierà le tasse alle piccole imprese entro l'anno.",
        "Ultime notizie dal fronte: il governo conferma il vertice di domani a Bruxelles.",
        "Continua a leggere il rapporto e troverai dati sorprendenti, ha detto il ministro.",
    ],
    "ja": [
        "関連する法案は来年の通常国会に提出される見通しだ。",
        "おすすめの観光地について、観光庁は新たな調査結果を公表した。",
    ],
    "ko": [
        "제보 전화가 빗발치자 경찰은 수사에 착수했다.",
        "관련 기사를 쓴 기자는 징계를 받지 않았다고 회사 측은 밝혔다.",
        "더보기 어려운 상황이라고 전문가들은 말했다.",
    ],
    "ms": ["Baca lagi buku ini, kata guru itu kepada murid-muridnya di Kuala Lumpur semalam."],
    "nl": [
        "Door de regen liep de wedstrijd in Rotterdam urenlang vertraging op.",
        "Door de regen",
        "Lees ook de kleine lettertjes, waarschuwt de consumentenbond in een verklaring.",
        "Populair bij jongeren is vooral de nieuwe app, zegt de onderzoeker.",
    ],
    "no": ["Les også vilkårene nøye før du signerer, råder Forbrukerrådet i en uttalelse."],
    "pl": [
        "Zobacz, jak zmieniła się Warszawa w ciągu ostatnich dziesięciu lat, zachęca muzeum.",
        "Przeczytaj to uważnie, zanim podpiszesz umowę, radzi rzecznik praw konsumenta.",
        "Polecane przez lekarzy szczepionki będą dostępne w aptekach od przyszłego tygodnia.",
    ],
    "pt": [
        "Veja bem: o governo não prometeu reduzir impostos, disse o ministro em entrevista.",
        "Atualizado em 2020, o índice subiu 3% no trimestre, segundo o IBGE.",
        "Com informações de bastidores, a coluna revelou que o ministro deixará o cargo.",
        "Crédito, segundo o banco, ficou mais caro para as pequenas empresas neste ano.",
        "Mais sobre o assunto será divulgado amanhã, informou o ministério.",
    ],
    "ro": ["Citește și semnează petiția, le-a cerut primarul locuitorilor din cartier."],
    "ru": [
        "Подробнее о новых правилах рассказал министр транспорта на брифинге в понедельник.",
        "По данным МВД, число преступлений в регионе снизилось на пять процентов.",
        "Обновлено расписание электричек на направлении, сообщили в РЖД.",
        "По теме выступления министр не сказал ни слова.",
    ],
    "sv": [
        "Av alla partier var det bara ett som röstade nej i riksdagen.",
        "Läs mer om reglerna på kommunens webbplats, sade kommunalrådet till TT på onsdagen.",
    ],
    "sw": [
        "Na wananchi walifurahi sana kusikia habari hiyo njema.",
        "Soma pia vitabu vya historia, mwalimu aliwaambia wanafunzi wake jijini Dar es Salaam.",
    ],
    "th": ["ติดตามสถานการณ์น้ำท่วมอย่างใกล้ชิด นายกรัฐมนตรีกล่าวกับผู้สื่อข่าว"],
    "tl": ["Basahin ang mga tagubilin bago gamitin ang gamot, paalala ng Kagawaran ng Kalusugan."],
    "tr": [
        "Ayrıca, bakanlık yeni düzenlemenin gelecek ay yürürlüğe gireceğini açıkladı.",
        "Ayrıca 3 kişi yaralandı.",
        "Sıradaki haber bültenimizde ekonomi gündemini ele alacağız, dedi sunucu.",
    ],
    "uk": [
        "Детальніше про нові правила розповів міністр на брифінгу в понеділок.",
        "За темою виступу міністр не сказав ні слова.",
    ],
    "ur": ["متعلقہ حکام نے بتایا کہ نئے قواعد اگلے ماہ سے نافذ ہوں گے۔"],
    "vi": [
        "Theo dõi diễn biến trên Facebook cá nhân, bà Hương cho biết gia đình rất lo lắng về vụ việc.",
        "Theo Bộ Y tế, số ca mắc mới đã giảm mạnh trong tuần qua.",
    ],
    "zh": [
        "完成了任务。",
        "完全没有问题，他说。",
        "下载该APP的用户已经超过一亿，公司表示将继续扩大投资。",
        "根据规定，未经授权不得转载他人作品，违者将承担法律责任。",
        "关注微博热搜的网友纷纷留言表示支持。",
    ],
}

# story sentences whose full stop is the danda ("।") or the Urdu full stop ("۔"), starting with a
# related-link label: a sentence end, so not a headline (is_headline)
DANDA_SENTENCES: list[tuple[str, str]] = [
    ("bn", "আরও পড়ুন বলে শিক্ষকরা শিক্ষার্থীদের উৎসাহ দেন, জানালেন প্রধান শিক্ষক।"),
    ("hi", "यह भी पढ़ें कि सरकार ने किसानों के लिए नई योजना में क्या वादे किए हैं, विपक्ष ने कहा।"),
]


def _clean(text: str, lang: str | None) -> str:
    return newstext.clean(text, lang, quotes="keep", dates="keep")


def _rules(text: str, lang: str | None) -> list[tuple[str, str]]:
    """What explain says was removed, for an assertion message."""
    return [(e.rule, e.note) for e in newstext.explain(text, lang, quotes="keep", dates="keep").edits]


JUNK_KEYS = set(SCHEMA["junk"])


def files() -> list[Path]:
    return sorted(DATA.glob("*.toml"))


def test_every_language_file_has_a_case() -> None:
    assert {p.stem for p in files()} == set(CASES)
    assert len(CASES) >= 25


def test_every_language_file_has_junk_and_story_lines() -> None:
    assert {p.stem for p in files()} == set(JUNK_LINES) == set(STORY_LINES)


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


@pytest.mark.parametrize(
    ("tag", "line"), [(tag, line) for tag, lines in sorted(JUNK_LINES.items()) for line in lines]
)
def test_junk_line_goes(tag: str, line: str) -> None:
    story = CASES[tag][0]
    text = f"{story}\n{line}\n{story}"
    assert _clean(text, tag) == f"{story}\n{story}", _rules(text, tag)


@pytest.mark.parametrize(
    ("tag", "line"), [(tag, line) for tag, lines in sorted(STORY_LINES.items()) for line in lines]
)
@pytest.mark.parametrize("declared", [True, False], ids=["own-lang", "detected"])
def test_story_line_stays(tag: str, line: str, declared: bool) -> None:
    """A story sentence stays, whether the caller names the language or newstext detects it (the
    phrases of two words or more and the patterns of every language then apply too)."""
    story = CASES[tag][0]
    text = f"{story}\n{line}\n{story}"
    lang = tag if declared else None
    assert _clean(text, lang) == text, _rules(text, lang)


@pytest.mark.parametrize(("tag", "line"), DANDA_SENTENCES)
def test_danda_sentence_starting_with_a_label_stays(tag: str, line: str) -> None:
    story = CASES[tag][0]
    text = f"{story}\n{line}\n{story}"
    assert _clean(text, tag) == text, _rules(text, tag)


@pytest.mark.parametrize(
    ("tag", "label", "headline", "sentence"),
    [
        ("hi", "यह भी पढ़ें", "सरकार ने सार्वजनिक परिवहन की नई योजना घोषित की", "सरकार ने नई योजना घोषित की है।"),
        ("bn", "আরও পড়ুন", "ঢাকায় নতুন মেট্রো লাইন চালু হচ্ছে", "ঢাকায় নতুন মেট্রো লাইন চালু হচ্ছে।"),
        (
            "ur",
            "یہ بھی پڑھیں",
            "حکومت نے پبلک ٹرانسپورٹ کا نیا منصوبہ پیش کر دیا",
            "حکومت نے نیا منصوبہ پیش کر دیا۔",
        ),
    ],
)
def test_bare_label_takes_a_headline_not_a_danda_sentence(
    tag: str, label: str, headline: str, sentence: str
) -> None:
    story = CASES[tag][0]
    assert _clean(f"{story}\n{label}\n{headline}\n{story}", tag) == f"{story}\n{story}"
    kept = f"{story}\n{sentence}\n{story}"
    assert _clean(f"{story}\n{label}\n{sentence}\n{story}", tag) == kept


def test_is_headline_danda() -> None:
    from newstext.junkpatterns import is_headline

    assert not is_headline("सरकार ने नई योजना घोषित की है।")
    assert not is_headline("ঢাকায় নতুন মেট্রো লাইন চালু হচ্ছে॥")
    assert not is_headline("حکومت نے نیا منصوبہ پیش کر دیا۔")
    assert is_headline("सरकार ने नई योजना घोषित की")


@pytest.mark.parametrize("tag", available_languages())
def test_hostile_lines_finish(tag: str) -> None:
    """Long lines made of the words the patterns look for cannot make the junk rules blow up."""
    words = ("Por ", "Par ", "Lire aussi ", "Читайте ", "Suivez-nous sur ", "© ", "[^", "a" * 50 + " ")
    text = "\n".join(w * (4000 // len(w)) for w in words)
    start = time.perf_counter()
    out = JUNK.clean(text, lang=tag)
    assert isinstance(out, str)
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize("path", files(), ids=lambda p: p.stem)
def test_labels_with_an_apostrophe_come_in_both_forms(path: Path) -> None:
    """The junk rules run before quotes are normalised: "L'article" and "L’article" are both found
    only when the file lists both."""
    doc = read_language_file(path)
    for table in ("junk", "tags"):
        for key, values in doc.get(table, {}).items():
            if key.endswith("_patterns"):
                continue
            for value in values:
                for twin in (value.replace("'", "’"), value.replace("’", "'")):
                    assert twin in values, f"{path.name}: {table}.{key} has {value!r} but not {twin!r}"


# --- the rule code behind the data -------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "line"),
    [
        ("en", "Door Hardware"),
        ("en", "Door Jan Jansen"),
        ("en", "Af Jens Hansen"),
        ("de", "Av Ola Nordmann"),
        ("id", "Na Juma Hamisi"),
    ],
)
def test_own_language_patterns_stay_in_their_language(tag: str, line: str) -> None:
    """A byline without a colon ("Door Jan Jansen") is an own_credit_patterns entry of its
    language: in an article of another language the line stays."""
    story = CASES[tag][0]
    text = f"{story}\n{line}\n{story}"
    assert _clean(text, tag) == text, _rules(text, tag)


def test_own_patterns_are_not_shared() -> None:
    from newstext.junkdata import _shared

    shared = _shared()
    assert not any("Door" in p for p in shared.patterns["credit_patterns"])
    nl = junk_data(load_language("nl")).credits
    assert any(e.source.startswith("^(?-i:Door ") for e in nl.entries)


def test_shared_part_is_compiled_once() -> None:
    """Every language's scanners use the same compiled pattern for what all languages share."""
    de = junk_data(load_language("de"))
    fr = junk_data(load_language("fr"))
    assert de.related.entries[0].pattern is fr.related.entries[0].pattern
    assert de.boilerplate.entries[0].pattern is fr.boilerplate.entries[0].pattern
    assert de.credits.entries[0].pattern is fr.credits.entries[0].pattern
    assert de.related.entries[0].own is not None  # "Video", "Mehr": the one-word labels of German


@pytest.mark.parametrize("tag", ["de", "en", "es", "fr", "id", "it", "pl", "pt", "tr"])
def test_two_part_labels_match_like_one_pattern(tag: str) -> None:
    """Where a language's own labels and the shared ones both match a line, the scanner's match is
    the one a single pattern over both sets of labels makes."""
    from newstext.junkdata import _compile_template, _shared

    data = load_language(tag)
    shared = _shared()
    lines: list[str] = []
    for key in (
        "related_labels",
        "promo_labels",
        "author_labels",
        "editor_labels",
        "source_labels",
        "photo_labels",
    ):
        own = data.strings("junk", key)
        for label in own:
            first = label.split()[0]
            longer = [w for w in shared.words[key] if w.lower().startswith(first.lower())][:3]
            for lab in (label, *longer):
                lines += [f"{lab}: Kabar Baru Hari Ini", f"{lab} Kabar Baru Hari Ini", f"({lab}: Reuters)"]
    text = "\n".join(lines)
    jd = junk_data(data)
    for name, scanner, index in (
        ("related", jd.related, 0),
        ("promo", jd.related, 1),
        ("credit_line", jd.credits, 0),
    ):
        keys = {"related": ("related_labels",), "promo": ("promo_labels",)}.get(
            name, ("author_labels", "editor_labels", "source_labels", "photo_labels")
        )
        words = []
        for k in keys:
            one = tuple(p for p in data.strings("junk", k))
            words.append(tuple(dict.fromkeys((*one, *shared.words[k]))))
        single = _compile_template(name, tuple(words))
        got = sorted((m.start(), m.end(), m.groupdict()) for i, m in scanner.scan(text) if i == index)
        want = []
        pos = 0
        for line in text.split("\n"):
            m = single.match(text, pos)
            if m is not None:
                want.append((m.start(), m.end(), m.groupdict()))
            pos += len(line) + 1
        assert sorted(got, key=str) == sorted(want, key=str), name


@pytest.mark.parametrize(
    ("source", "keys"),
    [
        (r"^(?:欢迎|歡迎)?关注我们的微信", {"欢迎关注我们的微信", "歡迎关注我们的微信", "关注我们的微信"}),
        (r"^(?:Please )?(?:share|send) your", {"please", "share your", "send your"}),
        (r"^(?:ab)+cdef", None),  # the group may repeat: nothing known after it, and "ab" is too short
        (r"^(?:abc)+def", {"abc"}),
        (r"^(?:ab){0,1}cdef", {"abcdef", "cdef"}),
        (r"^(?:a|b)?", None),
    ],
)
def test_line_keys_of_an_optional_group(source: str, keys: set[str] | None) -> None:
    from newstext.junkdata import line_keys

    assert line_keys(source) == keys


def test_one_character_whole_line_has_a_key() -> None:
    from newstext.junkdata import label_keys, line_key

    assert label_keys("完") == {"完"}
    assert line_key("（完）") == line_key("完") == line_key("完 ") == "完\0"
    assert line_key("完成了任务") == "完成"


def test_turkish_and_greek_capitals_fold_like_the_regex_engine() -> None:
    from newstext.junkdata import label_keys, line_key

    assert label_keys("İlgili haberler") == {"ilgili haberler"}
    assert line_key("İLGİLİ HABERLER") == line_key("ilgili haberler") == "il"
    assert line_key("AYRICA OKUYUN") == line_key("Ayrıca okuyun")
    assert label_keys("Διαβάστε επίσης") == label_keys("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ")


def test_greek_label_regex_takes_the_capital_without_accents() -> None:
    from newstext.junkpatterns import phrase_regex

    pattern = re.compile(phrase_regex(["Διαβάστε επίσης"]), re.IGNORECASE)
    for text in ("Διαβάστε επίσης", "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ", "ΔΙΑΒΆΣΤΕ ΕΠΊΣΗΣ"):
        assert pattern.fullmatch(text), text
    assert not pattern.fullmatch("Διαβάζετε επίσης")


def test_worded_pattern_looks_in_short_lines_only_when_its_match_is_short() -> None:
    from newstext.junkdata import _source_tier, _wide

    assert _source_tier(r"^[^\n]{0,100}\bTodos los derechos reservados\W{0,3}") == 160
    assert _source_tier(r"^[^\n]{0,100}\bclick here\b[^\n]{0,100}") == 320
    assert _source_tier(r"^[^\n]{0,400}\bkennzeichnen wir mit\b[^\n]{0,400}") == 0  # too long
    assert _source_tier(r"(?<=\S)[^\S\n]{1,3}\[więcej\]") == 0  # may start inside a long line
    assert _source_tier(r"^(?-i:\p{Lu})[^\n]{0,30}? avec AFP") == 0  # syntax of the regex module
    assert not _wide("Tous droits réservés – “AFP” …")
    assert _wide("Wszelkie prawa zastrzeżone")
    assert _wide("Всі права захищені")
    story = CASES["es"][0]
    for line in ("Todos los derechos reservados", "© 2024 Diario Ejemplo. Todos los derechos reservados."):
        assert _clean(f"{story}\n{line}", "es") == story
        assert _clean(f"{story}\n{line}", "pl") == story  # every language's patterns apply


@pytest.mark.parametrize(
    ("tag", "story", "line"),
    [
        ("id", CASES["id"][0], "[Baca juga] Pemerintah Umumkan Rencana Baru Transportasi Umum"),
        ("zh", CASES["zh"][0], "【相关阅读】"),
    ],
)
def test_bracketed_label(tag: str, story: str, line: str) -> None:
    text = f"{story}\n{line}\n{story}"
    assert _clean(text, tag) == f"{story}\n{story}", _rules(text, tag)


def test_pattern_from_data_is_tried_in_a_window_as_far_as_its_reach() -> None:
    from newstext.junkdata import Scanner, _data_entry, _source_reach

    assert _source_reach(r"^Follow us(?: on)? WhatsApp") == len("Follow us on WhatsApp")
    assert _source_reach(r"^Read more(?=\s)") == -1  # a look-ahead may see past the match
    assert _source_reach(r"^Read more[^\n]*") == -1  # no bound
    assert _source_reach(r"^(?-i:\p{Lu})[^\n]{0,30}? avec AFP") == -1  # syntax of the regex module
    # a match over two lines is still found, and a line too long for any match is passed over
    entry = _data_entry(r"^Follow us on\s{1,3}WhatsApp", "boilerplate_patterns")
    scanner = Scanner.build([entry])
    story = "A story sentence that goes on for a while. " * 20
    text = f"{story}\n  Follow us on\nWhatsApp  \nFollow us on WhatsApp and more {story}\n{story}"
    assert [m.group().strip() for _, m in scanner.scan(text)] == ["Follow us on\nWhatsApp"]


def test_script_line_after_blanks_goes() -> None:
    story = "Der Minister sagte, die Regierung werde die Steuern senken."
    for line in ("  gtag('config', 'G-1');", "\tvar  googletag = googletag || {};", "window.__ads = []"):
        assert drop_boilerplate(f"{story}\n{line}\n{story}", "de") == f"{story}\n{story}", line


def test_scan_of_a_later_text_in_the_same_call_finds_what_a_fresh_scan_finds() -> None:
    # a later text of the same call takes over what was worked out for the lines it shares with
    # the text before (their keys and heads, its level): it must find what a scan of its own finds
    from newstext.context import make_context

    story = "Der Minister sagte, die Regierung werde die Steuern senken. Ωραία."
    first = (
        f"Weitere Informationen:\n{story}\nFoto: dpa\n© AFP / Jane Doe\nNewsletter abonnieren\n"
        f"(dpa/abc)\n{story} (AP Photo/Jo Ko)"
    )
    ctx = make_context(first, "de")
    jd = junk_data(ctx.data)
    for text in (first, first.replace("Foto: dpa\n", ""), first.replace(" Ωραία.", "")[:-3] + ")"):
        for scanner in (jd.end_matter, jd.boilerplate, jd.related, jd.footers, jd.credits):
            found = sorted((i, m.span()) for i, m in scanner.scan(text, ctx))
            assert found == sorted((i, m.span()) for i, m in scanner.scan(text)), text
