from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from .deletion import ERASED_USERNAME_PREFIX
from .models import Department, User


class EmailUniqueMixin:
    """A clear message instead of a database error for a taken address."""

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        others = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("An account with this email address already exists."), code="email_taken"
            )
        return email


class SignupForm(EmailUniqueMixin, UserCreationForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        self.fields["email"].help_text = _("We send receipts and answers to this address.")

    def clean_username(self):
        username = super().clean_username()
        # Erased accounts are renamed raderad-…; a live account must never look like one.
        if username.lower().startswith(ERASED_USERNAME_PREFIX):
            raise forms.ValidationError(_("Choose another username."), code="reserved_username")
        return username


class ProfileForm(EmailUniqueMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "preferred_language", "support_email_delivery"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True


class DepartmentForm(forms.ModelForm):
    class Meta:
        model = Department
        fields = ["name", "name_en", "kind", "contact_email", "is_active"]
        help_texts = {"name_en": _("Shown on English pages; the Swedish name is shown where this is empty.")}
