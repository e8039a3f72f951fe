"""CAS registry numbers (Chemical Abstracts Service): « NNNNNNN-NN-N », 2 to 7 digits in
the first group, 2 in the second, then a check digit.

The check digit is the sum of each digit times its position counted from the right of
the digits before it, modulo 10. Styrene 100-42-5: 2×1 + 4×2 + 0×3 + 0×4 + 1×5 = 15,
15 mod 10 = 5 ✓."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CAS_PATTERN = re.compile(r"^(\d{2,7})-(\d{2})-(\d)$")


def cas_check_digit(digits: str) -> int:
    return sum(int(d) * position for position, d in enumerate(reversed(digits), start=1)) % 10


def is_valid_cas(value: str) -> bool:
    match = CAS_PATTERN.match(value or "")
    if match is None:
        return False
    return cas_check_digit(match[1] + match[2]) == int(match[3])


def validate_cas(value: str) -> None:
    match = CAS_PATTERN.match(value or "")
    if match is None:
        raise ValidationError(
            _(
                "Un numéro CAS s'écrit en trois groupes de chiffres séparés par des tirets : "
                "2 à 7 chiffres, 2 chiffres, 1 chiffre de contrôle (par exemple 100-42-5)."
            ),
            code="cas_format",
        )
    expected = cas_check_digit(match[1] + match[2])
    if expected != int(match[3]):
        raise ValidationError(
            _(
                "Le chiffre de contrôle de ce numéro CAS est faux (%(expected)s attendu) : "
                "vérifiez la saisie."
            ),
            params={"expected": expected},
            code="cas_check_digit",
        )
