from django import forms

from steunwijzer.organisations.forms import UtrechtFormMixin

from .deadlines import following_school_year


class DeadlineForm(UtrechtFormMixin, forms.Form):
    school_year = forms.ChoiceField(label="Schooljaar")
    due_on = forms.DateField(
        label="Uiterlijk bij het bestuur op",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Een datum in het gekozen schooljaar (1 augustus tot en met 31 juli).",
    )

    def __init__(self, *args, school_year: str, **kwargs):
        super().__init__(*args, **kwargs)
        # This year and the next: deadlines are set ahead for the coming school year.
        years = [school_year, following_school_year(school_year)]
        self.fields["school_year"].choices = [(y, y) for y in years]
        self.fields["school_year"].initial = school_year
