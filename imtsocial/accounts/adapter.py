from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: accounts are created by HR or by import."""

    def is_open_for_signup(self, request):
        return False
