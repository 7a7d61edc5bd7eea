import pytest
from django.core.exceptions import ValidationError

from enterprises.orgnr import formatted, luhn_check_digit, normalise, validate_organisation_number


@pytest.mark.parametrize("number", ["212000-0142", "556036-0793", "5560360793", "556036 0793", "16556036-0793"])
def test_valid_numbers(number):
    validate_organisation_number(number)


@pytest.mark.parametrize(
    "number,code",
    [
        ("556036-0794", "check_digit"),
        ("212000-0143", "check_digit"),
        ("556036-079", "wrong_length"),
        ("556036-07931", "wrong_length"),
        ("", "wrong_length"),
        ("55603A-0793", "not_digits"),
        ("556036/0793", "not_digits"),
        ("811228-9874", "personal_number"),  # a personnummer: third digit 1
        ("900101-0017", "personal_number"),
    ],
)
def test_invalid_numbers_say_what_is_wrong(number, code):
    with pytest.raises(ValidationError) as error:
        validate_organisation_number(number)
    assert error.value.code == code


def test_check_digit_message_is_swedish():
    from django.utils import translation

    with translation.override("sv"), pytest.raises(ValidationError) as error:
        validate_organisation_number("556036-0794")
    assert "Kontrollsiffran stämmer inte" in error.value.messages[0]


def test_luhn_and_formatting():
    assert luhn_check_digit("556036079") == 3
    assert normalise(" 556036-0793 ") == "5560360793"
    assert formatted("5560360793") == "556036-0793"
