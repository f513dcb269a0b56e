from django.contrib.auth import views as auth_views
from django.urls import path

from . import forms, invitation_list_views, school_import_views, two_factor_views, views

# The admin app ships registration/password_*.html too and comes first in INSTALLED_APPS,
# so our templates carry names of their own.
urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            authentication_form=forms.LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("inloggen/code/", two_factor_views.two_factor_verify, name="two_factor_verify"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "wachtwoord-vergeten/",
        views.PasswordResetView.as_view(
            form_class=forms.PasswordResetForm,
            template_name="registration/password_reset_request.html",
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_email_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="registration/password_reset_sent.html"
        ),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            form_class=forms.SetPasswordForm,
            template_name="registration/password_reset_new.html",
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/password_reset_finished.html"
        ),
        name="password_reset_complete",
    ),
    path(
        "account/wachtwoord/",
        auth_views.PasswordChangeView.as_view(
            form_class=forms.PasswordChangeForm,
            template_name="registration/password_change_page.html",
        ),
        name="password_change",
    ),
    path(
        "account/wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="registration/password_change_saved.html"
        ),
        name="password_change_done",
    ),
    path("account/", views.account_settings, name="account_settings"),
    path(
        "account/tweestapsverificatie/",
        two_factor_views.two_factor_settings,
        name="two_factor_settings",
    ),
    path(
        "account/tweestapsverificatie/herstelcodes/",
        two_factor_views.recovery_codes_regenerate,
        name="recovery_codes_regenerate",
    ),
    path(
        "account/tweestapsverificatie/uitzetten/",
        two_factor_views.two_factor_disable,
        name="two_factor_disable",
    ),
    path("uitnodigen/", views.invite, name="invite"),
    path(
        "samenwerkingsverband/<slug:slug>/uitnodigingen/",
        invitation_list_views.invitations_page,
        name="invitation_list",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/uitnodigingen/<int:pk>/opnieuw/",
        invitation_list_views.invitation_resend_view,
        name="invitation_resend",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/wijken/",
        school_import_views.districts_page,
        name="districts",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/besturen/",
        school_import_views.boards_page,
        name="boards",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/scholen-importeren/",
        school_import_views.schools_import_page,
        name="schools_import",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/instellingen/",
        views.partnership_settings,
        name="partnership_settings",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/scholen/<str:brin_code>/locatie/",
        views.school_location,
        name="school_location",
    ),
    path("uitnodiging/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
