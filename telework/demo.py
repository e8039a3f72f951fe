"""Demo data of this app (filled in with the app's features)."""


def build():
    return None
