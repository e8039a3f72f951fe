"""French plurals for the strings of the source language: « 0 événement », « 1 événement ».

The strings of imtsocial are written in French and only English has a catalogue. For a
French page, Django finds no translation of a plural msgid (``ngettext`` or ``{%
blocktranslate count %}``) and falls back to the English rule: singular for 1 only, so
« 0 événements ». French takes the singular below 2 (the rule of Django's own French
catalogue, ``plural=(n > 1)``). ``install()`` (called once in ``ready()``) makes the
French translation apply that rule to the strings it has no translation for; translated
strings and every other language keep their catalogue's Plural-Forms.
"""

from django.utils.translation import trans_real

_original_ngettext = trans_real.DjangoTranslation.ngettext


def french_singular(n) -> bool:
    """French uses the singular for 0 and 1 (and for the values between, « 1,5 heure »)."""
    try:
        return abs(n) < 2
    except TypeError:
        return n == 1


def _ngettext(self, msgid1, msgid2, n):
    try:
        return self._catalog.plural(msgid1, n)
    except KeyError:
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        if (self.language() or "").startswith("fr"):
            return msgid1 if french_singular(n) else msgid2
        return _original_ngettext(self, msgid1, msgid2, n)


def install():
    if trans_real.DjangoTranslation.ngettext is not _ngettext:
        trans_real.DjangoTranslation.ngettext = _ngettext
