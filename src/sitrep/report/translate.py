"""Optional machine translation of each item, clearly labelled as such.

Used only with ``sitrep build --translate`` and only when an offline Arabic→English model is
installed (argostranslate and its ar→en package). Nothing is downloaded: without a model the
option fails with instructions, and the default build never imports this machinery.
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.errors import SitrepError

Translator = Callable[[str], str]

INSTALL_HINT = (
    "machine translation needs an offline Arabic→English model: pip install argostranslate, "
    "then install its ar→en package (argospm install translate-ar_en)"
)


def offline_translator() -> Translator:
    """The installed argostranslate ar→en translation, or a SitrepError saying how to get it."""
    try:
        from argostranslate import translate
    except ImportError as exc:
        raise SitrepError(INSTALL_HINT) from exc
    languages = {language.code: language for language in translate.get_installed_languages()}
    if "ar" not in languages or "en" not in languages:
        raise SitrepError(INSTALL_HINT)
    translation = languages["ar"].get_translation(languages["en"])
    if translation is None:
        raise SitrepError(INSTALL_HINT)
    return translation.translate
