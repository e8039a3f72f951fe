"""docs/privacy.md, the record of processing, names every retention rule the apps declare."""

from pathlib import Path

from imtsocial.gdpr.registry import retention_rules

PRIVACY = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"


def test_the_record_of_processing_names_every_retention_rule_and_its_parameter():
    text = PRIVACY.read_text(encoding="utf-8")
    missing = [rule.key for rule in retention_rules if f"`{rule.key}`" not in text]
    assert missing == []
    parameters = [
        rule.parameter.key
        for rule in retention_rules
        if rule.parameter is not None and f"`{rule.parameter.key}`" not in text
    ]
    assert parameters == []
