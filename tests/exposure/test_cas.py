"""CAS numbers: format and check digit (sum of digits × position from the right, mod 10)."""

import pytest
from django.core.exceptions import ValidationError

from safety.exposure.cas import cas_check_digit, is_valid_cas, validate_cas


@pytest.mark.parametrize(
    ("number", "digits", "check"),
    [
        # 100-42-5: 2×1 + 4×2 + 0×3 + 0×4 + 1×5 = 15 → 5
        ("100-42-5", "10042", 5),
        # 110-54-3: 4×1 + 5×2 + 0×3 + 1×4 + 1×5 = 23 → 3
        ("110-54-3", "11054", 3),
        # 107-21-1: 1×1 + 2×2 + 7×3 + 0×4 + 1×5 = 31 → 1
        ("107-21-1", "10721", 1),
        # 98-83-9: 3×1 + 8×2 + 8×3 + 9×4 = 79 → 9
        ("98-83-9", "9883", 9),
        # water 7732-18-5: 8×1 + 1×2 + 2×3 + 3×4 + 7×5 + 7×6 = 105 → 5
        ("7732-18-5", "773218", 5),
    ],
)
def test_valid_numbers_and_their_check_digit(number, digits, check):
    assert cas_check_digit(digits) == check
    assert is_valid_cas(number)
    validate_cas(number)


@pytest.mark.parametrize(
    ("number", "expected"),
    [("100-42-4", 5), ("110-54-2", 3), ("107-21-2", 1), ("98-83-8", 9)],
)
def test_a_wrong_check_digit_is_refused_saying_the_expected_one(number, expected):
    with pytest.raises(ValidationError) as error:
        validate_cas(number)
    assert error.value.messages == [
        f"Le chiffre de contrôle de ce numéro CAS est faux ({expected} attendu) : "
        "vérifiez la saisie."
    ]


@pytest.mark.parametrize(
    "number", ["", "1-42-5", "12345678-42-5", "100-4-5", "100425", "100-42-55", "abc-de-f"]
)
def test_a_malformed_number_is_refused(number):
    assert not is_valid_cas(number)
    with pytest.raises(ValidationError) as error:
        validate_cas(number)
    assert "trois groupes" in error.value.messages[0]
