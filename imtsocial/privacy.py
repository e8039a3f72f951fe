"""Small groups: a count of 1 to ``SMALL_GROUP_THRESHOLD - 1`` people is shown « < N »,
never by its number, to readers of aggregates (re-identification). One setting, one
place, used by every statistics page and by the yearly report::

    mask(3)        # "< 5"
    mask(0)        # "0"  (nobody: nothing to protect)
    is_small_group(12)  # False
"""

from django.conf import settings


def small_group_threshold() -> int:
    return settings.SMALL_GROUP_THRESHOLD


def is_small_group(count: int) -> bool:
    """A group of 1 to threshold − 1 people."""
    return 0 < count < small_group_threshold()


def mask(count: int) -> str:
    return f"< {small_group_threshold()}" if is_small_group(count) else str(count)
