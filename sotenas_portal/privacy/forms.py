"""The confirmation step before an account is deleted."""

from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is really you."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data are deleted and cannot be restored."),
    )

    def __init__(self, *args, user, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request
        if not user.has_usable_password():
            # Accounts that sign in through the municipality's login service
            # have no password here; the confirmation box is the step.
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        # Through authenticate(), so wrong guesses count towards the lockout.
        if authenticate(self.request, username=self.user.get_username(), password=password) != self.user:
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password
