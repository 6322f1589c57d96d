"""The respondent's questionnaire: personal link, no account, phone first, works without JS."""
