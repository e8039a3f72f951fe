def sections(request):
    """Nothing to show yet: this module has no requests of its own so far."""
    return []
