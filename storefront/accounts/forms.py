"""Account forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length

from storefront.accounts.models import Role


class LoginForm(FlaskForm):
    """Sign in with e-mail and password."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    remember = BooleanField(_l("Keep me signed in"))


class RegisterForm(FlaskForm):
    """Create an account."""

    name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(min=10, max=200, message=_l("Use at least 10 characters."))],
    )
    confirm = PasswordField(
        _l("Repeat password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
    )
    role = RadioField(
        _l("I am"),
        choices=[
            SelectChoice(Role.BUYER.value, _l("a buyer")),
            SelectChoice(Role.MERCHANT.value, _l("an exporter selling on Kuajing")),
            SelectChoice(Role.PROVIDER.value, _l("a service provider")),
        ],
        default=Role.BUYER.value,
        validators=[DataRequired()],
    )


def _new_password() -> PasswordField:
    too_short = _l("Use at least 10 characters.")
    return PasswordField(_l("New password"), validators=[DataRequired(), Length(min=10, max=200, message=too_short)])


def _repeat() -> PasswordField:
    return PasswordField(
        _l("Repeat password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
    )


class ChangePasswordForm(FlaskForm):
    """Change the password (signed in)."""

    current = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=200)])
    password = _new_password()
    confirm = _repeat()


class ForgotPasswordForm(FlaskForm):
    """Ask for a password reset link."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])


class ResetPasswordForm(FlaskForm):
    """Choose a new password from a reset link."""

    password = _new_password()
    confirm = _repeat()
