from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionnaireConfig(AppConfig):
    name = "regiekompas.web.questionnaire"
    label = "questionnaire"
    verbose_name = _("Questionnaire")

    def ready(self) -> None:
        # Invitation mails state the time a respondent's route takes (docs/questionnaire.md).
        from regiekompas.web.invitations.emails import set_time_estimate
        from regiekompas.web.questionnaire.burden import respondent_minutes

        set_time_estimate(respondent_minutes)
