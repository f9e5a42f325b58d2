"""Language of the GUI: the Qt translators (Indonesian source, English .qm, Qt's own texts in
Indonesian) and how dates, numbers and code labels are written in the officer's language."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from importlib.resources import files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jipp_desktop.language import set_language
from jipp_desktop.reference.codes import CodeList

_installed: list[QTranslator] = []


def translations_folder() -> str:
    """Where the compiled .qm files live (resources/translations)."""
    return str(files("resources") / "translations")


def install_language(lang: str) -> None:
    """Makes ``lang`` ("id" or "en") the language of the GUI and of the core's messages.

    Qt's own texts (dialog buttons, the text fields' context menu, the non-native file and print
    dialogs) come from Qt's ``qtbase_<lang>.qm``. Qt ships no Indonesian one, so for "id" our
    ``qt_id.qm`` is loaded after it: installed last, it is searched first and so wins over a
    ``qtbase_id.qm`` a later Qt may bring. The app's own source texts are Indonesian, so English
    loads ``jipp_en.qm`` for them.
    """
    set_language(lang)
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English)
    )
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_own)
    if lang == "id":
        qt_ours = QTranslator()
        if not qt_ours.load("qt_id", translations_folder()):
            raise FileNotFoundError(f"qt_id.qm missing in {translations_folder()}")
        _installed.append(qt_ours)
    if lang == "en":
        ours = QTranslator()
        if not ours.load("jipp_en", translations_folder()):
            raise FileNotFoundError(f"jipp_en.qm missing in {translations_folder()}")
        _installed.append(ours)
    for t in _installed:
        app.installTranslator(t)


def babel_locale(lang: str) -> str:
    """The Babel locale of a GUI language."""
    return "en_GB" if lang == "en" else "id"


def format_date(value: date | datetime | None, lang: str, style: str = "medium") -> str:
    """A date as the officer reads it ("20 Okt 2023"; style "full": "Jumat, 20 Oktober 2023")."""
    if value is None:
        return ""
    return _format_day(value.date() if isinstance(value, datetime) else value, lang, style)


@lru_cache(maxsize=4096)
def _format_day(day: date, lang: str, style: str) -> str:
    # A list page shows 400 dates, mostly a few distinct days; Babel takes ~0.1 ms each.
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, style, locale=babel_locale(lang))


def format_datetime(value: datetime | None, lang: str) -> str:
    """A moment in local time ("20 Okt 2023 14.05")."""
    if value is None:
        return ""
    from babel.dates import format_datetime as babel_format_datetime

    local = value.astimezone() if value.tzinfo else value
    return babel_format_datetime(local, "d MMM y HH.mm", locale=babel_locale(lang))


def format_number(value: int, lang: str) -> str:
    """A count with the language's grouping ("100.000" in Indonesian).

    Qt's own locale data does this for widgets; loading Babel's would cost start-up time.
    """
    language = QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English
    return QLocale(language, QLocale.Country.AnyCountry).toString(value)


def code_label(codes: CodeList, code: str | None, lang: str) -> str:
    """The label of a code in the GUI language."""
    return codes.label(code, lang)
